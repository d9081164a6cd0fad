import { Catalog } from './en';

export const es: Catalog = {
  mail: {
    greeting: 'Estimado/a {{name}}:',
    officeSignature: 'La oficina del programa MAGIX',
    platformSignature: 'MAGIX',
    keepInformed: 'Para saber cuándo se abren las próximas ediciones, apúntese a la lista de interés: {{url}}',
    commissionReason: 'Motivo de la comisión: {{reason}}',
    what: {
      offering: 'la oferta del módulo {{offering}}',
      degree: 'el máster conjunto MAGIX',
    },
    degreeAdmitted: {
      subject: 'Su solicitud: aceptada',
      subjectFromReserve: 'Una plaza del máster en {{intake}} es suya',
      opening: 'Su solicitud para la admisión {{intake}} del máster conjunto MAGIX ha sido aceptada: queda admitido/a en el máster.',
      openingFromReserve:
        'Ha quedado libre una plaza en la admisión {{intake}} del máster conjunto MAGIX y se le asigna desde la lista de reserva: queda admitido/a en el máster.',
      register: 'Siguiente paso: matricúlese a través del sistema oficial de matrícula de la Universidad Politécnica de Madrid: {{url}}',
      starts: 'La edición comienza el {{date}}.',
    },
    degreeWelcome: {
      subject: 'Bienvenido/a a MAGIX {{edition}}',
      registered:
        'Su matrícula en la Universidad Politécnica de Madrid está confirmada: es estudiante del máster conjunto MAGIX, edición {{edition}}.',
      runs: 'La edición va del {{from}} al {{to}}.',
      platform: 'Sus módulos, resultados y credenciales están en MAGIX: {{url}}',
    },
    placeOffered: {
      subject: 'Su solicitud: aceptada',
      subjectFromReserve: 'Una plaza en {{offering}} es suya',
      opening: 'Su solicitud para la oferta del módulo {{offering}} ha sido aceptada: tiene una plaza.',
      openingFromReserve: 'Ha quedado libre una plaza en {{offering}} y se le ofrece desde la lista de reserva.',
      take: 'Acéptela antes del {{deadline}} (en MAGIX: {{url}}, acceptOffer); entonces quedará inscrito/a.',
      register: 'Matricúlese también a través del sistema oficial de matrícula del programa: {{url}}',
      starts: 'El módulo comienza el {{date}}.',
    },
    reserve: {
      subject: 'Su solicitud: lista de reserva',
      body: 'Su solicitud para {{what}} está en la lista de reserva, en el puesto {{rank}}. Si queda libre una plaza, se le ofrece y le avisamos de inmediato.',
    },
    rejected: {
      subject: 'Su solicitud: no aceptada',
      body: 'Su solicitud para {{what}} no ha sido aceptada en esta ocasión.',
    },
    offerExpired: {
      subject: 'Su oferta en {{offering}} ha caducado',
      body: 'La plaza que se le ofreció en {{offering}} no se aceptó antes del {{deadline}} y ha pasado a la siguiente persona de la lista de reserva.',
      bodyNoDeadline:
        'La plaza que se le ofreció en {{offering}} no se aceptó a tiempo y ha pasado a la siguiente persona de la lista de reserva.',
    },
    ineligible: {
      subject: 'Sin plaza en {{offering}}: falta un requisito previo',
      body_one:
        'Le correspondía una plaza en {{offering}}, pero no se le puede ofrecer: el módulo requiere {{missing}} y usted no tiene una credencial válida de él. La plaza ha pasado a la siguiente persona.',
      body_other:
        'Le correspondía una plaza en {{offering}}, pero no se le puede ofrecer: el módulo requiere {{missing}} y usted no tiene una credencial válida de ellos. La plaza ha pasado a la siguiente persona.',
      again_one: 'Cuando lo tenga, puede volver a solicitarla.',
      again_other: 'Cuando los tenga, puede volver a solicitarla.',
    },
    credentialRevoked: {
      subject: 'Su credencial «{{name}}» ha sido revocada',
      revoked: 'Su credencial «{{name}}», emitida el {{issuedAt}}, fue revocada por su emisor el {{revokedAt}}.',
      reason: 'Motivo indicado: {{reason}}',
      status: 'Quien la verifique ahora la verá como revocada. La credencial y su estado: {{url}}',
      mistake: 'Si cree que se trata de un error, responda a este mensaje o escriba a la oficina del programa.',
    },
    batchOpened: {
      subject_one: 'Lote de revisión abierto: {{n}} solicitud al máster',
      subject_other: 'Lote de revisión abierto: {{n}} solicitudes al máster',
      opened_one: 'El calendario ha abierto un lote de revisión con {{n}} solicitud al máster presentada desde el último corte.',
      opened_other: 'El calendario ha abierto un lote de revisión con {{n}} solicitudes al máster presentadas desde el último corte.',
      decide: 'Decida cada una y cierre el lote antes del {{date}}.',
      review: 'Revíselas en MAGIX: {{url}} (applications, decideApplication, closeReviewBatch).',
    },
    batchReminder: {
      subject_one: 'Recordatorio: {{n}} solicitud al máster por decidir antes del {{date}}',
      subject_other: 'Recordatorio: {{n}} solicitudes al máster por decidir antes del {{date}}',
      pending_one: 'El lote de revisión abierto aún tiene {{n}} solicitud sin decisión; su plazo termina el {{date}}.',
      pending_other: 'El lote de revisión abierto aún tiene {{n}} solicitudes sin decisión; su plazo termina el {{date}}.',
      decide: 'Decídalas y cierre el lote en MAGIX: {{url}} (decideApplication, closeReviewBatch).',
    },
    interestList: {
      footer: 'Recibe este mensaje porque se apuntó a la lista de interés de MAGIX. Para darse de baja: {{url}}',
      openingSubject: 'La edición {{edition}} de MAGIX está abierta',
      openingIntro: 'La edición {{edition}} del {{programme}} está abierta. Va del {{from}} al {{to}}.',
      windowDates: 'del {{from}} al {{to}}',
      windowNow: 'desde hoy hasta el {{to}}',
      degree_one: 'Las solicitudes al máster completo se admiten {{window}}, para {{n}} plaza.',
      degree_other: 'Las solicitudes al máster completo se admiten {{window}}, para {{n}} plazas.',
      noDegree: 'Esta edición no admite nuevos estudiantes de máster; sus módulos están abiertos a todo el mundo.',
      apply: 'Presente su solicitud o elija módulos independientes en el catálogo: {{url}}',
      confirmSubject: 'Confirme su inscripción en la lista de interés de MAGIX',
      confirmAsk:
        'Alguien, esperamos que usted, ha pedido que le avisemos cuando se abra la próxima edición del máster conjunto MAGIX. Para confirmar que esta dirección quiere recibir ese único mensaje, siga este enlace y pulse el botón:',
      confirmIgnore:
        'Si no lo ha pedido, no haga nada: sin confirmación no recibirá ningún otro mensaje de la lista y la dirección se borrará en un plazo de 30 días.',
      programme: 'El programa y sus módulos: {{url}}',
    },
  },
  certificate: {
    heading: 'Certificado',
    certifies: 'Se certifica que',
    awardedDegree: 'ha obtenido el título conjunto',
    achieved: 'ha superado',
    ects: 'Créditos ECTS',
    eqf: 'Nivel EQF',
    grade: 'Calificación',
    gradeOnScale: '{{grade}} ({{scale}})',
    scale: {
      numeric: 'escala de {{from}} a {{to}}, aprobado desde {{pass}}',
      lowerIsBetter: 'escala de {{from}} a {{to}}, mejor {{from}}, aprobado hasta {{pass}}',
      letters: 'escala de {{from}} a {{to}}, aprobado hasta {{pass}}',
    },
    date: 'Fecha',
    issuedBy: 'Emitido por',
    coAwardedBy: 'Otorgado conjuntamente por',
    check: 'Verifique este certificado',
    checkHow: 'Escanee el código o abra la dirección de abajo. Verifica la credencial digital firmada e indica si sigue siendo válida.',
    credential: 'Credencial {{id}}',
  },
};
