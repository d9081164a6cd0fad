import { Catalog } from './en';

export const it: Catalog = {
  mail: {
    greeting: 'Gentile {{name}},',
    officeSignature: 'L’ufficio del programma MAGIX',
    platformSignature: 'MAGIX',
    keepInformed: 'Per sapere quando si aprono le prossime edizioni, iscriviti alla lista di interesse: {{url}}',
    commissionReason: 'La motivazione della commissione: {{reason}}',
    what: {
      offering: 'l’offerta del modulo {{offering}}',
      degree: 'il master congiunto MAGIX',
    },
    degreeAdmitted: {
      subject: 'La tua candidatura: accettata',
      subjectFromReserve: 'Un posto nel master per {{intake}} è tuo',
      opening: 'La tua candidatura per l’ammissione {{intake}} al master congiunto MAGIX è accettata: sei ammesso/a al master.',
      openingFromReserve:
        'Si è liberato un posto nell’ammissione {{intake}} al master congiunto MAGIX e va a te dalla lista di riserva: sei ammesso/a al master.',
      register:
        'Prossimo passo: iscriviti tramite il sistema ufficiale di immatricolazione della Universidad Politécnica de Madrid: {{url}}',
      starts: 'L’edizione inizia {{date}}.',
    },
    degreeWelcome: {
      subject: 'Benvenuto/a in MAGIX {{edition}}',
      registered:
        'La tua immatricolazione alla Universidad Politécnica de Madrid è confermata: sei studente del master congiunto MAGIX, edizione {{edition}}.',
      runs: 'L’edizione va da {{from}} a {{to}}.',
      platform: 'I tuoi moduli, risultati e credenziali sono in MAGIX: {{url}}',
    },
    placeOffered: {
      subject: 'La tua candidatura: accettata',
      subjectFromReserve: 'Un posto in {{offering}} è tuo',
      opening: 'La tua candidatura per l’offerta del modulo {{offering}} è accettata: un posto è tuo.',
      openingFromReserve: 'Si è liberato un posto in {{offering}} e ti viene offerto dalla lista di riserva.',
      take: 'Accettalo entro {{deadline}} (in MAGIX: {{url}}, acceptOffer); poi sei iscritto/a.',
      register: 'Iscriviti anche tramite il sistema ufficiale di immatricolazione del programma: {{url}}',
      starts: 'Il modulo inizia {{date}}.',
    },
    reserve: {
      subject: 'La tua candidatura: lista di riserva',
      body: 'La tua candidatura per {{what}} è nella lista di riserva, al posto {{rank}}. Se si libera un posto, ti viene offerto e ti avvisiamo subito.',
    },
    rejected: {
      subject: 'La tua candidatura: non accettata',
      body: 'La tua candidatura per {{what}} non è stata accettata questa volta.',
    },
    offerExpired: {
      subject: 'La tua offerta in {{offering}} è scaduta',
      body: 'Il posto che ti era stato offerto in {{offering}} non è stato accettato entro {{deadline}} ed è passato al successivo nella lista di riserva.',
      bodyNoDeadline:
        'Il posto che ti era stato offerto in {{offering}} non è stato accettato in tempo ed è passato al successivo nella lista di riserva.',
    },
    ineligible: {
      subject: 'Nessun posto in {{offering}}: manca un prerequisito',
      body_one:
        'Ti spettava un posto in {{offering}}, ma non può esserti offerto: il modulo richiede {{missing}} e non hai una credenziale valida per esso. Il posto è andato al successivo in lista.',
      body_other:
        'Ti spettava un posto in {{offering}}, ma non può esserti offerto: il modulo richiede {{missing}} e non hai una credenziale valida per essi. Il posto è andato al successivo in lista.',
      again_one: 'Quando lo avrai, potrai candidarti di nuovo.',
      again_other: 'Quando li avrai, potrai candidarti di nuovo.',
    },
    credentialRevoked: {
      subject: 'La tua credenziale «{{name}}» è stata revocata',
      revoked: 'La tua credenziale «{{name}}», rilasciata {{issuedAt}}, è stata revocata dal suo emittente {{revokedAt}}.',
      reason: 'La motivazione indicata: {{reason}}',
      status: 'Chi la verifica ora la vede come revocata. La credenziale e il suo stato: {{url}}',
      mistake: 'Se pensi che si tratti di un errore, rispondi a questo messaggio o scrivi all’ufficio del programma.',
    },
    batchOpened: {
      subject_one: 'Lotto di valutazione aperto: {{n}} candidatura al master',
      subject_other: 'Lotto di valutazione aperto: {{n}} candidature al master',
      opened_one: 'Il calendario ha aperto un lotto di valutazione con {{n}} candidatura al master presentata dall’ultima scadenza.',
      opened_other: 'Il calendario ha aperto un lotto di valutazione con {{n}} candidature al master presentate dall’ultima scadenza.',
      decide: 'Decidi ciascuna e chiudi il lotto entro {{date}}.',
      review: 'Esaminale in MAGIX: {{url}} (applications, decideApplication, closeReviewBatch).',
    },
    batchReminder: {
      subject_one: 'Promemoria: {{n}} candidatura al master da decidere entro {{date}}',
      subject_other: 'Promemoria: {{n}} candidature al master da decidere entro {{date}}',
      pending_one: 'Il lotto di valutazione aperto ha ancora {{n}} candidatura senza decisione; il suo periodo termina {{date}}.',
      pending_other: 'Il lotto di valutazione aperto ha ancora {{n}} candidature senza decisione; il suo periodo termina {{date}}.',
      decide: 'Decidile e chiudi il lotto in MAGIX: {{url}} (decideApplication, closeReviewBatch).',
    },
    interestList: {
      footer: 'Ricevi questo messaggio perché ti sei iscritto/a alla lista di interesse di MAGIX. Per uscirne: {{url}}',
      openingSubject: 'L’edizione {{edition}} di MAGIX è aperta',
      openingIntro: 'L’edizione {{edition}} del {{programme}} è aperta. Va da {{from}} a {{to}}.',
      windowDates: 'da {{from}} a {{to}}',
      windowNow: 'da oggi fino a {{to}}',
      degree_one: 'Le candidature al master completo si ricevono {{window}}, per {{n}} posto.',
      degree_other: 'Le candidature al master completo si ricevono {{window}}, per {{n}} posti.',
      noDegree: 'Questa edizione non accoglie nuovi studenti del master; i suoi moduli sono aperti a tutti.',
      apply: 'Candidati, o scegli moduli singoli dal catalogo: {{url}}',
      confirmSubject: 'Conferma la tua iscrizione alla lista di interesse di MAGIX',
      confirmAsk:
        'Qualcuno, speriamo tu, ha chiesto di sapere quando si apre la prossima edizione del master congiunto MAGIX. Per confermare che questo indirizzo vuole ricevere quell’unico messaggio, segui questo link e premi il pulsante:',
      confirmIgnore:
        'Se non l’hai chiesto, non fare nulla: senza conferma non ricevi altri messaggi dalla lista e l’indirizzo viene cancellato entro 30 giorni.',
      programme: 'Il programma e i suoi moduli: {{url}}',
    },
  },
  certificate: {
    heading: 'Certificato',
    certifies: 'Si certifica che',
    awardedDegree: 'ha conseguito il titolo congiunto',
    achieved: 'ha conseguito',
    ects: 'Crediti ECTS',
    eqf: 'Livello EQF',
    grade: 'Voto',
    gradeOnScale: '{{grade}} ({{scale}})',
    scale: {
      numeric: 'scala da {{from}} a {{to}}, sufficienza {{pass}}',
      lowerIsBetter: 'scala da {{from}} a {{to}}, migliore {{from}}, sufficienza fino a {{pass}}',
      letters: 'scala da {{from}} a {{to}}, sufficienza fino a {{pass}}',
    },
    date: 'Data',
    issuedBy: 'Rilasciato da',
    coAwardedBy: 'Rilasciato congiuntamente da',
    check: 'Verifica questo certificato',
    checkHow: 'Scansiona il codice o apri l’indirizzo qui sotto. Verifica la credenziale digitale firmata e indica se è ancora valida.',
    credential: 'Credenziale {{id}}',
  },
};
