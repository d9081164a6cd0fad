import { Catalog } from './en';

export const et: Catalog = {
  mail: {
    greeting: 'Lugupeetud {{name}}',
    officeSignature: 'MAGIXi programmibüroo',
    platformSignature: 'MAGIX',
    keepInformed: 'Kui soovite teada, millal järgmised õppeaastad avatakse, liituge huviliste nimekirjaga: {{url}}',
    commissionReason: 'Komisjoni põhjendus: {{reason}}',
    what: {
      offering: 'mooduli pakkumisele {{offering}}',
      degree: 'MAGIXi ühismagistriõppesse',
    },
    degreeAdmitted: {
      subject: 'Teie avaldus: vastu võetud',
      subjectFromReserve: 'Magistriõppe koht vastuvõtus {{intake}} on teie',
      opening: 'Teie avaldus MAGIXi ühismagistriõppe vastuvõtule {{intake}} on rahuldatud: olete magistriõppesse vastu võetud.',
      openingFromReserve:
        'MAGIXi ühismagistriõppe vastuvõtus {{intake}} vabanes koht ja see antakse teile reservnimekirjast: olete magistriõppesse vastu võetud.',
      register: 'Järgmine samm: registreeruge Universidad Politécnica de Madridi ametlikus registreerimissüsteemis: {{url}}',
      starts: 'Õppeaasta algab {{date}}.',
    },
    degreeWelcome: {
      subject: 'Tere tulemast MAGIXi õppeaastasse {{edition}}',
      registered:
        'Teie registreerimine Universidad Politécnica de Madridis on kinnitatud: olete MAGIXi ühismagistriõppe üliõpilane, õppeaasta {{edition}}.',
      runs: 'Õppeaasta kestab {{from}} kuni {{to}}.',
      platform: 'Teie moodulid, tulemused ja tõendid on MAGIXis: {{url}}',
    },
    placeOffered: {
      subject: 'Teie avaldus: vastu võetud',
      subjectFromReserve: 'Koht moodulis {{offering}} on teie',
      opening: 'Teie avaldus mooduli pakkumisele {{offering}} on rahuldatud: koht on teie.',
      openingFromReserve: 'Moodulis {{offering}} vabanes koht ja seda pakutakse teile reservnimekirjast.',
      take: 'Võtke see vastu enne {{deadline}} (MAGIXis: {{url}}, acceptOffer); siis olete registreeritud.',
      register: 'Registreeruge ka programmi ametlikus registreerimissüsteemis: {{url}}',
      starts: 'Moodul algab {{date}}.',
    },
    reserve: {
      subject: 'Teie avaldus: reservnimekiri',
      body: 'Teie avaldus {{what}} on reservnimekirjas, kohal {{rank}}. Kui mõni koht vabaneb, pakutakse seda teile ja anname teile kohe teada.',
    },
    rejected: {
      subject: 'Teie avaldus: ei võetud vastu',
      body: 'Teie avaldust {{what}} seekord ei rahuldatud.',
    },
    offerExpired: {
      subject: 'Teie pakkumine moodulis {{offering}} on aegunud',
      body: 'Teile moodulis {{offering}} pakutud kohta ei võetud vastu {{deadline}} ja see läks reservnimekirjas järgmisele.',
      bodyNoDeadline: 'Teile moodulis {{offering}} pakutud kohta ei võetud õigel ajal vastu ja see läks reservnimekirjas järgmisele.',
    },
    ineligible: {
      subject: 'Kohta moodulis {{offering}} ei ole: eeldus on puudu',
      body_one:
        'Teile oleks kuulunud koht moodulis {{offering}}, kuid seda ei saa pakkuda: moodul eeldab {{missing}} ja teil ei ole selle kohta kehtivat tõendit. Koht läks järjekorras järgmisele.',
      body_other:
        'Teile oleks kuulunud koht moodulis {{offering}}, kuid seda ei saa pakkuda: moodul eeldab {{missing}} ja teil ei ole nende kohta kehtivaid tõendeid. Koht läks järjekorras järgmisele.',
      again_one: 'Kui teil see on, võite uuesti kandideerida.',
      again_other: 'Kui teil need on, võite uuesti kandideerida.',
    },
    credentialRevoked: {
      subject: 'Teie tõend „{{name}}“ tunnistati kehtetuks',
      revoked: 'Teie tõendi „{{name}}“, välja antud {{issuedAt}}, tunnistas selle väljaandja kehtetuks {{revokedAt}}.',
      reason: 'Esitatud põhjus: {{reason}}',
      status: 'Kes seda nüüd kontrollib, näeb seda kehtetuna. Tõend ja selle olek: {{url}}',
      mistake: 'Kui arvate, et see on viga, vastake sellele kirjale või kirjutage programmibüroole.',
    },
    batchOpened: {
      subject_one: 'Hindamisvoor avatud: {{n}} magistriõppe avaldus',
      subject_other: 'Hindamisvoor avatud: {{n}} magistriõppe avaldust',
      opened_one: 'Ajakava avas hindamisvooru {{n}} magistriõppe avaldusega, mis on esitatud pärast viimast tähtaega.',
      opened_other: 'Ajakava avas hindamisvooru {{n}} magistriõppe avaldusega, mis on esitatud pärast viimast tähtaega.',
      decide: 'Palun otsustage igaüks ja sulgege voor hiljemalt {{date}}.',
      review: 'Vaadake need üle MAGIXis: {{url}} (applications, decideApplication, closeReviewBatch).',
    },
    batchReminder: {
      subject_one: 'Meeldetuletus: {{n}} magistriõppe avaldus otsustada hiljemalt {{date}}',
      subject_other: 'Meeldetuletus: {{n}} magistriõppe avaldust otsustada hiljemalt {{date}}',
      pending_one: 'Avatud hindamisvoorus on veel {{n}} otsuseta avaldus; selle periood lõpeb {{date}}.',
      pending_other: 'Avatud hindamisvoorus on veel {{n}} otsuseta avaldust; selle periood lõpeb {{date}}.',
      decide: 'Otsustage need ja sulgege voor MAGIXis: {{url}} (decideApplication, closeReviewBatch).',
    },
    interestList: {
      footer: 'Saate selle kirja, sest liitusite MAGIXi huviliste nimekirjaga. Nimekirjast lahkumiseks: {{url}}',
      openingSubject: 'MAGIXi õppeaasta {{edition}} on avatud',
      openingIntro: 'Programmi {{programme}} õppeaasta {{edition}} on avatud. See kestab {{from}} kuni {{to}}.',
      windowDates: '{{from}} kuni {{to}}',
      windowNow: 'alates praegusest kuni {{to}}',
      degree_one: 'Avaldusi kogu magistriõppesse võetakse vastu {{window}}, {{n}} kohale.',
      degree_other: 'Avaldusi kogu magistriõppesse võetakse vastu {{window}}, {{n}} kohale.',
      noDegree: 'See õppeaasta uusi magistriõppe üliõpilasi vastu ei võta; selle moodulid on kõigile avatud.',
      apply: 'Kandideerige või valige kataloogist eraldiseisvaid mooduleid: {{url}}',
      confirmSubject: 'Kinnitage oma koht MAGIXi huviliste nimekirjas',
      confirmAsk:
        'Keegi, loodetavasti teie, soovis teada, millal MAGIXi ühismagistriõppe järgmine õppeaasta avatakse. Kinnitamaks, et see aadress soovib seda üht kirja, avage see link ja vajutage nuppu:',
      confirmIgnore:
        'Kui te seda ei soovinud, ärge tehke midagi: ilma kinnituseta ei saa te nimekirjast ühtegi teist kirja ja aadress kustutatakse 30 päeva jooksul.',
      programme: 'Programm ja selle moodulid: {{url}}',
    },
  },
  certificate: {
    heading: 'Tunnistus',
    certifies: 'Käesolevaga tõendatakse, et',
    awardedDegree: 'on omandanud ühiskraadi',
    achieved: 'on läbinud',
    ects: 'EAP (ECTS)',
    eqf: 'EKR tase',
    grade: 'Hinne',
    gradeOnScale: '{{grade}} ({{scale}})',
    scale: {
      numeric: 'skaala {{from}} kuni {{to}}, positiivne alates {{pass}}',
      lowerIsBetter: 'skaala {{from}} kuni {{to}}, parim {{from}}, positiivne kuni {{pass}}',
      letters: 'skaala {{from}} kuni {{to}}, positiivne kuni {{pass}}',
    },
    date: 'Kuupäev',
    issuedBy: 'Väljaandja',
    coAwardedBy: 'Kaasväljaandja',
    check: 'Kontrollige seda tunnistust',
    checkHow:
      'Skannige kood või avage allolev aadress. See kontrollib allkirjastatud digitaalset tõendit ja näitab, kas see kehtib endiselt.',
    credential: 'Tõend {{id}}',
  },
};
