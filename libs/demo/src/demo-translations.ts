import type { ModuleTranslation } from '@magix/catalogue';
import type { ProgrammeTranslation } from '@magix/programme';

type Texts = [title: string, description: string, outcomes: string[]];

/** Sorted by language, as the catalogue stores translations. */
const inLanguages = (texts: Record<'es' | 'it' | 'de' | 'et', Texts>): ModuleTranslation[] =>
  Object.entries(texts)
    .map(([language, [title, description, learningOutcomes]]) => ({ language, title, description, learningOutcomes }))
    .sort((a, b) => a.language.localeCompare(b.language));

/**
 * The demo modules in the consortium's other languages (their English texts are in demo-data.ts),
 * outcomes in the same order: what their credentials carry as language-tagged values.
 */
export const demoModuleTranslations: Record<string, ModuleTranslation[]> = {
  'UPM-AIG-01': inLanguages({
    es: [
      'IA para la gobernanza pública',
      'Cómo los sistemas de IA cambian la toma de decisiones públicas y cómo las administraciones los gobiernan.',
      [
        'Evaluar casos de uso de la IA conforme a los valores del servicio público',
        'Diseñar la gobernanza de un sistema de IA en una administración',
      ],
    ],
    it: [
      'IA per la governance pubblica',
      'Come i sistemi di IA cambiano il processo decisionale pubblico e come le amministrazioni li governano.',
      [
        'Valutare i casi d’uso dell’IA rispetto ai valori del servizio pubblico',
        'Progettare la governance di un sistema di IA in un’amministrazione',
      ],
    ],
    de: [
      'KI für die öffentliche Governance',
      'Wie KI-Systeme öffentliche Entscheidungen verändern und wie Verwaltungen sie steuern.',
      [
        'KI-Anwendungsfälle an den Werten des öffentlichen Dienstes messen',
        'Die Governance eines KI-Systems in einer Verwaltung gestalten',
      ],
    ],
    et: [
      'Tehisintellekt avalikus valitsemises',
      'Kuidas tehisintellektisüsteemid muudavad avalikku otsustusprotsessi ja kuidas ametiasutused neid juhivad.',
      [
        'Hinnata tehisintellekti kasutusjuhte avaliku teenistuse väärtuste alusel',
        'Kavandada tehisintellektisüsteemi juhtimine ametiasutuses',
      ],
    ],
  }),
  'UPM-DSP-02': inLanguages({
    es: [
      'Espacios de datos e interoperabilidad',
      'Espacios europeos de datos, marcos de interoperabilidad e intercambio de datos entre administraciones.',
      ['Explicar el Marco Europeo de Interoperabilidad', 'Planificar un acuerdo de intercambio de datos entre organismos públicos'],
    ],
    it: [
      'Spazi di dati e interoperabilità',
      'Spazi europei di dati, quadri di interoperabilità e condivisione dei dati tra amministrazioni.',
      ['Spiegare il Quadro europeo di interoperabilità', 'Pianificare un accordo di condivisione dei dati tra enti pubblici'],
    ],
    de: [
      'Datenräume und Interoperabilität',
      'Europäische Datenräume, Interoperabilitätsrahmen und Datenaustausch zwischen Verwaltungen.',
      ['Den Europäischen Interoperabilitätsrahmen erklären', 'Eine Vereinbarung zum Datenaustausch zwischen öffentlichen Stellen planen'],
    ],
    et: [
      'Andmeruumid ja koosvõime',
      'Euroopa andmeruumid, koosvõime raamistikud ja andmete jagamine ametiasutuste vahel.',
      ['Selgitada Euroopa koosvõime raamistikku', 'Kavandada andmejagamisleping avaliku sektori asutuste vahel'],
    ],
  }),
  'UPM-CAP-03': inLanguages({
    es: [
      'Proyecto final: IA en una administración real',
      'Un proyecto aplicado con una administración colaboradora, en el entorno de pruebas AI4Scale.',
      ['Llevar a cabo un piloto de IA con un socio del sector público', 'Evaluar su impacto y sus riesgos'],
    ],
    it: [
      'Progetto finale: l’IA in un’amministrazione reale',
      'Un progetto applicato con un’amministrazione partner, nell’ambiente di sperimentazione AI4Scale.',
      ['Realizzare un progetto pilota di IA con un partner del settore pubblico', 'Valutarne l’impatto e i rischi'],
    ],
    de: [
      'Abschlussprojekt: KI in einer realen Verwaltung',
      'Ein Praxisprojekt mit einer Partnerverwaltung in der AI4Scale-Sandbox.',
      ['Ein KI-Pilotprojekt mit einem Partner aus dem öffentlichen Sektor umsetzen', 'Seine Wirkung und Risiken bewerten'],
    ],
    et: [
      'Lõpuprojekt: tehisintellekt päris ametiasutuses',
      'Rakendusprojekt partnerasutusega AI4Scale’i katsekeskkonnas.',
      ['Viia koos avaliku sektori partneriga ellu tehisintellekti pilootprojekt', 'Hinnata selle mõju ja riske'],
    ],
  }),
  'POLIMI-DGT-01': inLanguages({
    es: [
      'Transformación digital de la administración',
      'Estrategia, organización y gestión del cambio para los servicios públicos digitales.',
      ['Mapear un servicio público para rediseñarlo', 'Dirigir una hoja de ruta de transformación digital'],
    ],
    it: [
      'Trasformazione digitale della pubblica amministrazione',
      'Strategia, organizzazione e gestione del cambiamento per i servizi pubblici digitali.',
      ['Mappare un servizio pubblico per riprogettarlo', 'Guidare una roadmap di trasformazione digitale'],
    ],
    de: [
      'Digitale Transformation der Verwaltung',
      'Strategie, Organisation und Veränderungsmanagement für digitale öffentliche Dienste.',
      ['Einen öffentlichen Dienst für die Neugestaltung erfassen', 'Einen Fahrplan für die digitale Transformation leiten'],
    ],
    et: [
      'Digiriigi ümberkujundamine',
      'Digitaalsete avalike teenuste strateegia, korraldus ja muudatuste juhtimine.',
      ['Kaardistada avalik teenus selle ümberkujundamiseks', 'Juhtida digitaalse ümberkujundamise teekaarti'],
    ],
  }),
  'POLIMI-PPM-02': inLanguages({
    es: [
      'Contratación pública de IA',
      'Comprar IA de forma responsable: requisitos, el Reglamento de IA de la UE y la gestión de contratos.',
      [
        'Redactar los requisitos de una contratación de IA',
        'Aplicar las obligaciones de los responsables del despliegue según el Reglamento de IA',
      ],
    ],
    it: [
      'Appalti pubblici di IA',
      'Acquistare l’IA in modo responsabile: requisiti, il regolamento UE sull’IA e la gestione dei contratti.',
      ['Redigere i requisiti di un appalto di IA', 'Applicare gli obblighi dei deployer previsti dal regolamento UE sull’IA'],
    ],
    de: [
      'Öffentliche Beschaffung von KI',
      'KI verantwortungsvoll einkaufen: Anforderungen, die KI-Verordnung der EU und Vertragsmanagement.',
      ['Anforderungen für eine KI-Beschaffung formulieren', 'Die Pflichten der Betreiber nach der KI-Verordnung der EU anwenden'],
    ],
    et: [
      'Tehisintellekti riigihanked',
      'Tehisintellekti vastutustundlik ostmine: nõuded, ELi tehisintellekti määrus ja lepingute haldamine.',
      ['Koostada tehisintellekti hanke nõuded', 'Rakendada ELi tehisintellekti määruse juurutajate kohustusi'],
    ],
  }),
  'POLIMI-SDM-03': inLanguages({
    es: [
      'Métodos de diseño de servicios',
      'Investigación con usuarios y codiseño de servicios públicos.',
      ['Investigar con la ciudadanía como usuaria del servicio', 'Prototipar y probar un servicio'],
    ],
    it: [
      'Metodi di service design',
      'Ricerca sugli utenti e co-progettazione per i servizi pubblici.',
      ['Condurre ricerche sugli utenti con i cittadini', 'Prototipare e testare un servizio'],
    ],
    de: [
      'Methoden des Service-Designs',
      'Nutzerforschung und Co-Design für öffentliche Dienste.',
      ['Nutzerforschung mit Bürgerinnen und Bürgern durchführen', 'Einen Dienst als Prototyp entwickeln und testen'],
    ],
    et: [
      'Teenusedisaini meetodid',
      'Kasutajauuringud ja koosloome avalike teenuste jaoks.',
      ['Viia läbi kasutajauuringuid koos kodanikega', 'Luua teenuse prototüüp ja seda testida'],
    ],
  }),
  'FAU-MLP-01': inLanguages({
    es: [
      'Aprendizaje automático para el análisis de políticas',
      'Métodos de aprendizaje estadístico para analizar datos de políticas públicas y datos administrativos.',
      [
        'Entrenar y validar modelos predictivos con datos públicos',
        'Comunicar la incertidumbre de los modelos a quienes toman las decisiones',
      ],
    ],
    it: [
      'Machine learning per l’analisi delle politiche',
      'Metodi di apprendimento statistico per analizzare dati sulle politiche e dati amministrativi.',
      ['Addestrare e validare modelli predittivi su dati pubblici', 'Comunicare l’incertezza dei modelli ai decisori'],
    ],
    de: [
      'Maschinelles Lernen für die Politikanalyse',
      'Methoden des statistischen Lernens zur Analyse von Politik- und Verwaltungsdaten.',
      [
        'Vorhersagemodelle mit öffentlichen Daten trainieren und validieren',
        'Entscheidungsträgern die Unsicherheit von Modellen vermitteln',
      ],
    ],
    et: [
      'Masinõpe poliitikaanalüüsiks',
      'Statistilise õppimise meetodid poliitika- ja haldusandmete analüüsimiseks.',
      ['Treenida ja valideerida ennustusmudeleid avalike andmete põhjal', 'Selgitada otsustajatele mudelite määramatust'],
    ],
  }),
  'FAU-LAW-02': inLanguages({
    es: [
      'Derecho y ética de la administración algorítmica',
      'Derecho administrativo, protección de datos y ética de las decisiones automatizadas.',
      ['Evaluar la legalidad de una decisión automatizada', 'Aplicar el RGPD a la IA del sector público'],
    ],
    it: [
      'Diritto ed etica dell’amministrazione algoritmica',
      'Diritto amministrativo, protezione dei dati ed etica delle decisioni automatizzate.',
      ['Valutare la legittimità di una decisione automatizzata', 'Applicare il GDPR all’IA del settore pubblico'],
    ],
    de: [
      'Recht und Ethik der algorithmischen Verwaltung',
      'Verwaltungsrecht, Datenschutz und Ethik automatisierter Entscheidungen.',
      ['Die Rechtmäßigkeit einer automatisierten Entscheidung beurteilen', 'Die DSGVO auf KI im öffentlichen Sektor anwenden'],
    ],
    et: [
      'Algoritmilise halduse õigus ja eetika',
      'Haldusõigus, andmekaitse ja automatiseeritud otsuste eetika.',
      ['Hinnata automatiseeritud otsuse õiguspärasust', 'Rakendada isikuandmete kaitse üldmäärust avaliku sektori tehisintellektile'],
    ],
  }),
  'TALTECH-EGV-01': inLanguages({
    es: [
      'Arquitecturas de administración electrónica',
      'X-Road, identidad digital y el principio de «solo una vez», desde la experiencia de Estonia.',
      ['Describir una capa segura de intercambio de datos', 'Evaluar sistemas de identidad digital'],
    ],
    it: [
      'Architetture di e-government',
      'X-Road, identità digitale e principio «once only», dall’esperienza estone.',
      ['Descrivere un livello sicuro di scambio dei dati', 'Valutare sistemi di identità digitale'],
    ],
    de: [
      'E-Governance-Architekturen',
      'X-Road, digitale Identität und das Once-Only-Prinzip aus der estnischen Erfahrung.',
      ['Eine sichere Datenaustauschschicht beschreiben', 'Systeme der digitalen Identität bewerten'],
    ],
    et: [
      'E-valitsemise arhitektuurid',
      'X-tee, digitaalne identiteet ja andmete ühekordse küsimise põhimõte Eesti kogemuse põhjal.',
      ['Kirjeldada turvalist andmevahetuskihti', 'Hinnata digitaalse identiteedi lahendusi'],
    ],
  }),
  'TALTECH-CYB-02': inLanguages({
    es: [
      'Ciberseguridad para los servicios públicos',
      'Gestión de riesgos y resiliencia de los servicios públicos digitales críticos.',
      ['Realizar una evaluación de riesgos de un servicio público', 'Planificar la respuesta a incidentes conforme a la NIS2'],
    ],
    it: [
      'Cybersicurezza per i servizi pubblici',
      'Gestione del rischio e resilienza dei servizi pubblici digitali critici.',
      ['Effettuare una valutazione del rischio di un servizio pubblico', 'Pianificare la risposta agli incidenti secondo la NIS2'],
    ],
    de: [
      'Cybersicherheit für öffentliche Dienste',
      'Risikomanagement und Resilienz kritischer digitaler öffentlicher Dienste.',
      ['Eine Risikobewertung für einen öffentlichen Dienst durchführen', 'Die Reaktion auf Sicherheitsvorfälle nach NIS2 planen'],
    ],
    et: [
      'Avalike teenuste küberturvalisus',
      'Kriitiliste digitaalsete avalike teenuste riskijuhtimine ja toimepidevus.',
      ['Teha avaliku teenuse riskihindamine', 'Kavandada intsidentidele reageerimine NIS2 direktiivi järgi'],
    ],
  }),
};

/**
 * The demo programme's title and description (demo-data.ts) in the same four languages, sorted
 * by language: what its degree carries as language-tagged values.
 */
export const demoProgrammeTranslations: ProgrammeTranslation[] = [
  {
    language: 'de',
    title: 'Gemeinsamer Master in KI, Daten und digitaler Governance für den öffentlichen Sektor',
    description:
      'Der gemeinsame Masterstudiengang von AI4Gov-X für Beschäftigte im öffentlichen Dienst, gegliedert in Module mit Leistungspunkten, die sich zum Abschluss addieren.',
  },
  {
    language: 'es',
    title: 'Máster conjunto en IA, datos y gobernanza digital para el sector público',
    description:
      'El máster conjunto de AI4Gov-X para empleados públicos, dividido en módulos con créditos que se acumulan hasta obtener el título.',
  },
  {
    language: 'et',
    title: 'Tehisintellekti, andmete ja digitaalse valitsemise ühismagistriõpe avalikule sektorile',
    description:
      'AI4Gov-X-i ühismagistriõpe avalikele teenistujatele, jaotatud ainepunkte andvateks mooduliteks, mis kokku annavad magistrikraadi.',
  },
  {
    language: 'it',
    title: 'Master congiunto in IA, dati e governance digitale per il settore pubblico',
    description:
      'Il master congiunto di AI4Gov-X per i dipendenti pubblici, suddiviso in moduli con crediti che si sommano fino al conseguimento del titolo.',
  },
];
