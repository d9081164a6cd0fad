import { Catalog } from './en';

export const de: Catalog = {
  mail: {
    greeting: 'Guten Tag, {{name}},',
    officeSignature: 'Das MAGIX-Programmbüro',
    platformSignature: 'MAGIX',
    keepInformed:
      'Wenn Sie erfahren möchten, wann die nächsten Durchgänge beginnen, tragen Sie sich in die Interessentenliste ein: {{url}}',
    commissionReason: 'Begründung der Kommission: {{reason}}',
    what: {
      offering: 'das Modulangebot {{offering}}',
      degree: 'den gemeinsamen Masterstudiengang MAGIX',
    },
    degreeAdmitted: {
      subject: 'Ihre Bewerbung: angenommen',
      subjectFromReserve: 'Ein Studienplatz im Jahrgang {{intake}} gehört Ihnen',
      opening:
        'Ihre Bewerbung für den Jahrgang {{intake}} des gemeinsamen Masterstudiengangs MAGIX ist angenommen: Sie sind zum Studiengang zugelassen.',
      openingFromReserve:
        'Im Jahrgang {{intake}} des gemeinsamen Masterstudiengangs MAGIX ist ein Platz frei geworden, und er geht von der Nachrückliste an Sie: Sie sind zum Studiengang zugelassen.',
      register:
        'Nächster Schritt: Schreiben Sie sich über das offizielle Einschreibungssystem der Universidad Politécnica de Madrid ein: {{url}}',
      starts: 'Der Durchgang beginnt am {{date}}.',
    },
    degreeWelcome: {
      subject: 'Willkommen bei MAGIX {{edition}}',
      registered:
        'Ihre Einschreibung an der Universidad Politécnica de Madrid ist bestätigt: Sie studieren im gemeinsamen Masterstudiengang MAGIX, Durchgang {{edition}}.',
      runs: 'Der Durchgang dauert vom {{from}} bis zum {{to}}.',
      platform: 'Ihre Module, Ergebnisse und Nachweise finden Sie in MAGIX: {{url}}',
    },
    placeOffered: {
      subject: 'Ihre Bewerbung: angenommen',
      subjectFromReserve: 'Ein Platz in {{offering}} gehört Ihnen',
      opening: 'Ihre Bewerbung für das Modulangebot {{offering}} ist angenommen: Ein Platz gehört Ihnen.',
      openingFromReserve: 'In {{offering}} ist ein Platz frei geworden, und er wird Ihnen von der Nachrückliste angeboten.',
      take: 'Nehmen Sie ihn vor dem {{deadline}} an (in MAGIX: {{url}}, acceptOffer); dann sind Sie eingeschrieben.',
      register: 'Schreiben Sie sich außerdem über das offizielle Einschreibungssystem des Programms ein: {{url}}',
      starts: 'Das Modul beginnt am {{date}}.',
    },
    reserve: {
      subject: 'Ihre Bewerbung: Nachrückliste',
      body: 'Ihre Bewerbung für {{what}} steht auf der Nachrückliste, auf Platz {{rank}}. Wird ein Platz frei, wird er Ihnen angeboten, und Sie hören sofort von uns.',
    },
    rejected: {
      subject: 'Ihre Bewerbung: nicht angenommen',
      body: 'Ihre Bewerbung für {{what}} wurde dieses Mal nicht angenommen.',
    },
    offerExpired: {
      subject: 'Ihr Angebot in {{offering}} ist abgelaufen',
      body: 'Der Ihnen angebotene Platz in {{offering}} wurde nicht bis zum {{deadline}} angenommen und ging an die nächste Person auf der Nachrückliste.',
      bodyNoDeadline:
        'Der Ihnen angebotene Platz in {{offering}} wurde nicht rechtzeitig angenommen und ging an die nächste Person auf der Nachrückliste.',
    },
    ineligible: {
      subject: 'Kein Platz in {{offering}}: eine Voraussetzung fehlt',
      body_one:
        'Ihnen stand ein Platz in {{offering}} zu, er kann Ihnen aber nicht angeboten werden: Das Modul setzt {{missing}} voraus, und Sie haben dafür keinen gültigen Nachweis. Der Platz ging an die nächste Person.',
      body_other:
        'Ihnen stand ein Platz in {{offering}} zu, er kann Ihnen aber nicht angeboten werden: Das Modul setzt {{missing}} voraus, und Sie haben dafür keine gültigen Nachweise. Der Platz ging an die nächste Person.',
      again_one: 'Sobald Sie ihn haben, können Sie sich gern erneut bewerben.',
      again_other: 'Sobald Sie sie haben, können Sie sich gern erneut bewerben.',
    },
    credentialRevoked: {
      subject: 'Ihr Nachweis „{{name}}“ wurde widerrufen',
      revoked: 'Ihr Nachweis „{{name}}“, ausgestellt am {{issuedAt}}, wurde am {{revokedAt}} von seinem Aussteller widerrufen.',
      reason: 'Angegebener Grund: {{reason}}',
      status: 'Wer ihn jetzt prüft, sieht ihn als widerrufen. Der Nachweis und sein Status: {{url}}',
      mistake:
        'Wenn Sie glauben, dass es sich um einen Fehler handelt, antworten Sie auf diese Nachricht oder schreiben Sie dem Programmbüro.',
    },
    batchOpened: {
      subject_one: 'Prüfrunde eröffnet: {{n}} Bewerbung für den Studiengang',
      subject_other: 'Prüfrunde eröffnet: {{n}} Bewerbungen für den Studiengang',
      opened_one:
        'Der Zeitplan hat eine Prüfrunde mit {{n}} Bewerbung für den Studiengang eröffnet, die seit dem letzten Stichtag eingegangen ist.',
      opened_other:
        'Der Zeitplan hat eine Prüfrunde mit {{n}} Bewerbungen für den Studiengang eröffnet, die seit dem letzten Stichtag eingegangen sind.',
      decide: 'Bitte entscheiden Sie über jede und schließen Sie die Runde bis zum {{date}}.',
      review: 'Prüfen Sie sie in MAGIX: {{url}} (applications, decideApplication, closeReviewBatch).',
    },
    batchReminder: {
      subject_one: 'Erinnerung: {{n}} Bewerbung für den Studiengang bis zum {{date}} zu entscheiden',
      subject_other: 'Erinnerung: {{n}} Bewerbungen für den Studiengang bis zum {{date}} zu entscheiden',
      pending_one: 'In der offenen Prüfrunde ist noch {{n}} Bewerbung ohne Entscheidung; ihr Zeitraum endet am {{date}}.',
      pending_other: 'In der offenen Prüfrunde sind noch {{n}} Bewerbungen ohne Entscheidung; ihr Zeitraum endet am {{date}}.',
      decide: 'Entscheiden Sie sie und schließen Sie die Runde in MAGIX: {{url}} (decideApplication, closeReviewBatch).',
    },
    interestList: {
      footer: 'Sie erhalten diese Nachricht, weil Sie sich in die MAGIX-Interessentenliste eingetragen haben. Zum Austragen: {{url}}',
      openingSubject: 'Der Durchgang {{edition}} von MAGIX ist eröffnet',
      openingIntro: 'Der Durchgang {{edition}} des {{programme}} ist eröffnet. Er dauert vom {{from}} bis zum {{to}}.',
      windowDates: 'vom {{from}} bis zum {{to}}',
      windowNow: 'ab sofort bis zum {{to}}',
      degree_one: 'Bewerbungen für den gesamten Studiengang werden {{window}} angenommen, für {{n}} Platz.',
      degree_other: 'Bewerbungen für den gesamten Studiengang werden {{window}} angenommen, für {{n}} Plätze.',
      noDegree: 'Dieser Durchgang nimmt keine neuen Studierenden für den Studiengang auf; seine Module stehen allen offen.',
      apply: 'Bewerben Sie sich oder wählen Sie einzelne Module aus dem Katalog: {{url}}',
      confirmSubject: 'Bestätigen Sie Ihren Eintrag in der MAGIX-Interessentenliste',
      confirmAsk:
        'Jemand, hoffentlich Sie, möchte erfahren, wann der nächste Durchgang des gemeinsamen MAGIX-Masters beginnt. Um zu bestätigen, dass diese Adresse diese eine Nachricht erhalten soll, öffnen Sie diesen Link und drücken Sie die Schaltfläche:',
      confirmIgnore:
        'Wenn Sie das nicht angefordert haben, tun Sie nichts: Ohne Bestätigung erhalten Sie keine weitere Nachricht von der Liste, und die Adresse wird innerhalb von 30 Tagen gelöscht.',
      programme: 'Das Programm und seine Module: {{url}}',
    },
  },
  certificate: {
    heading: 'Zertifikat',
    certifies: 'Hiermit wird bescheinigt, dass',
    awardedDegree: 'den gemeinsamen Abschluss erworben hat',
    achieved: 'erfolgreich abgeschlossen hat',
    ects: 'ECTS-Punkte',
    eqf: 'EQR-Niveau',
    grade: 'Note',
    gradeOnScale: '{{grade}} ({{scale}})',
    scale: {
      numeric: 'Skala {{from}} bis {{to}}, bestanden ab {{pass}}',
      lowerIsBetter: 'Skala {{from}} bis {{to}}, beste {{from}}, bestanden bis {{pass}}',
      letters: 'Skala {{from}} bis {{to}}, bestanden bis {{pass}}',
    },
    date: 'Datum',
    issuedBy: 'Ausgestellt von',
    coAwardedBy: 'Gemeinsam verliehen von',
    check: 'Dieses Zertifikat prüfen',
    checkHow:
      'Scannen Sie den Code oder öffnen Sie die Adresse unten. Dort wird der signierte digitale Nachweis geprüft und angezeigt, ob er noch gültig ist.',
    credential: 'Nachweis {{id}}',
  },
};
