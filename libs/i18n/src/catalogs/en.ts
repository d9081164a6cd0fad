/**
 * The English messages, the reference: every other catalog has exactly these keys (the type
 * says so, and catalogs.spec.ts checks the placeholders). i18next syntax: {{name}} is a value,
 * a _one/_other pair is chosen by `count` with Intl.PluralRules.
 */
export const en = {
  mail: {
    greeting: 'Dear {{name}},',
    officeSignature: 'The MAGIX programme office',
    platformSignature: 'MAGIX',
    keepInformed: 'To hear when the next editions open, join the interest list: {{url}}',
    commissionReason: 'The commission’s reason: {{reason}}',
    what: {
      offering: 'the module offering {{offering}}',
      degree: 'the MAGIX joint master’s programme',
    },
    degreeAdmitted: {
      subject: 'Your application: accepted',
      subjectFromReserve: 'A degree place in {{intake}} is yours',
      opening: 'Your application to the {{intake}} intake of the MAGIX joint master’s degree is accepted: you are admitted to the degree.',
      openingFromReserve:
        'A place freed up in the {{intake}} intake of the MAGIX joint master’s degree and it goes to you from the reserve list: you are admitted to the degree.',
      register: 'Next step: register through the official registration system of Universidad Politécnica de Madrid: {{url}}',
      starts: 'The edition starts on {{date}}.',
    },
    degreeWelcome: {
      subject: 'Welcome to MAGIX {{edition}}',
      registered:
        'Your registration at Universidad Politécnica de Madrid is confirmed: you are a student of the MAGIX joint master’s degree, {{edition}} edition.',
      runs: 'The edition runs from {{from}} to {{to}}.',
      platform: 'Your modules, results and credentials are in MAGIX: {{url}}',
    },
    placeOffered: {
      subject: 'Your application: accepted',
      subjectFromReserve: 'A place in {{offering}} is yours',
      opening: 'Your application to the module offering {{offering}} is accepted: a place is yours.',
      openingFromReserve: 'A place freed up in {{offering}} and it is offered to you from the reserve list.',
      take: 'Take it before {{deadline}} (in MAGIX: {{url}}, acceptOffer); then you are enrolled.',
      register: 'Register as well through the programme’s official registration system: {{url}}',
      starts: 'The module starts on {{date}}.',
    },
    reserve: {
      subject: 'Your application: reserve list',
      body: 'Your application to {{what}} is on the reserve list, in place {{rank}}. If a place frees up, it is offered to you and you hear from us at once.',
    },
    rejected: {
      subject: 'Your application: not accepted',
      body: 'Your application to {{what}} was not accepted this time.',
    },
    offerExpired: {
      subject: 'Your offer in {{offering}} has expired',
      body: 'The place offered to you in {{offering}} was not taken by {{deadline}} and went to the next on the reserve list.',
      bodyNoDeadline: 'The place offered to you in {{offering}} was not taken in time and went to the next on the reserve list.',
    },
    ineligible: {
      subject: 'No place in {{offering}}: a prerequisite is missing',
      body_one:
        'A place in {{offering}} was due to you, but it cannot be offered: the module requires {{missing}}, and you hold no valid credential for it. The place went to the next in line.',
      body_other:
        'A place in {{offering}} was due to you, but it cannot be offered: the module requires {{missing}}, and you hold no valid credential for them. The place went to the next in line.',
      again_one: 'Once you hold it, you are welcome to apply again.',
      again_other: 'Once you hold them, you are welcome to apply again.',
    },
    credentialRevoked: {
      subject: 'Your credential “{{name}}” was revoked',
      revoked: 'Your credential “{{name}}”, issued on {{issuedAt}}, was revoked by its issuer on {{revokedAt}}.',
      reason: 'The reason given: {{reason}}',
      status: 'A verifier checking it now sees it as revoked. The credential and its status: {{url}}',
      mistake: 'If you think this is a mistake, reply to this message or write to the programme office.',
    },
    batchOpened: {
      subject_one: 'Review batch opened: {{n}} degree application',
      subject_other: 'Review batch opened: {{n}} degree applications',
      opened_one: 'The schedule opened a review batch with {{n}} degree application submitted since the last cut-off.',
      opened_other: 'The schedule opened a review batch with {{n}} degree applications submitted since the last cut-off.',
      decide: 'Please decide each one and close the batch by {{date}}.',
      review: 'Review them in MAGIX: {{url}} (applications, decideApplication, closeReviewBatch).',
    },
    batchReminder: {
      subject_one: 'Reminder: {{n}} degree application to decide by {{date}}',
      subject_other: 'Reminder: {{n}} degree applications to decide by {{date}}',
      pending_one: 'The open review batch still has {{n}} application without a decision; its period ends on {{date}}.',
      pending_other: 'The open review batch still has {{n}} applications without a decision; its period ends on {{date}}.',
      decide: 'Decide them and close the batch in MAGIX: {{url}} (decideApplication, closeReviewBatch).',
    },
    interestList: {
      footer: 'You receive this because you joined the MAGIX interest list. To leave it: {{url}}',
      openingSubject: 'The {{edition}} edition of MAGIX is open',
      openingIntro: 'The {{edition}} edition of the {{programme}} is open. It runs from {{from}} to {{to}}.',
      windowDates: 'from {{from}} to {{to}}',
      windowNow: 'from now until {{to}}',
      degree_one: 'Applications to the full degree are taken {{window}}, for {{n}} place.',
      degree_other: 'Applications to the full degree are taken {{window}}, for {{n}} places.',
      noDegree: 'This edition takes no new degree students; its modules are open to everyone.',
      apply: 'Apply, or pick self-standing modules from the catalogue: {{url}}',
      confirmSubject: 'Confirm your place on the MAGIX interest list',
      confirmAsk:
        'Someone, we hope you, asked to hear when the next edition of the MAGIX joint master’s opens. To confirm that this address wants that one mail, follow this link and press the button:',
      confirmIgnore:
        'If you did not ask, do nothing: without a confirmation you get no other mail from the list, and the address is deleted within 30 days.',
      programme: 'The programme and its modules: {{url}}',
    },
  },
  certificate: {
    heading: 'Certificate',
    certifies: 'This certifies that',
    awardedDegree: 'has been awarded the joint degree',
    achieved: 'has achieved',
    ects: 'ECTS credits',
    eqf: 'EQF level',
    grade: 'Grade',
    gradeOnScale: '{{grade}} ({{scale}})',
    scale: {
      numeric: 'scale {{from}} to {{to}}, pass {{pass}}',
      lowerIsBetter: 'scale {{from}} to {{to}}, best {{from}}, pass {{pass}}',
      letters: 'scale {{from}} to {{to}}, pass {{pass}}',
    },
    date: 'Date',
    issuedBy: 'Issued by',
    coAwardedBy: 'Co-awarded by',
    check: 'Check this certificate',
    checkHow: 'Scan the code or open the address below. It verifies the signed digital credential and tells you whether it is still valid.',
    credential: 'Credential {{id}}',
  },
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** What every language's catalog holds: the English keys, each with a string. */
export type Catalog = Shape<typeof en>;
