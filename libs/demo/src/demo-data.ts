import { ParticipationForm } from '@magix/catalogue';
import { Sector } from '@magix/learners';
import { OrganisationKind } from '@magix/organisations';

/** The demo programme: what a newcomer sees on a fresh start. Plain data, no logic. */
export const DEMO_PASSWORD = 'magix-demo-2026';
export const DEMO_ADMIN_EMAIL = 'office@magix.example';

export const demoProgramme = {
  code: 'MAGIX',
  title: 'Joint Master in AI, Data and Digital Governance for the Public Sector',
  description: 'The AI4Gov-X joint master’s degree for civil servants, cut into credit-bearing modules that stack into the degree.',
  totalEcts: 60,
  startsOn: '2025-09-01',
  endsOn: '2029-08-31',
  coordinator: 'UPM',
  editions: [
    { code: '2025-2026', startsOn: '2025-09-01', endsOn: '2026-08-31' },
    { code: '2026-2027', startsOn: '2026-09-01', endsOn: '2027-08-31' },
  ],
  targets: { GRADUATES: 800, MODULE_PARTICIPANTS: 2200, PUBLIC_SECTOR_SHARE: 40, MEMBER_ORGANISATIONS: 38, MEMBER_COUNTRIES: 20 },
};

/** The degree rules of every demo edition. */
export const demoPathwayRules = {
  totalEcts: 60,
  mandatoryModules: ['UPM-AIG-01', 'UPM-CAP-03'],
  electiveGroups: [
    { name: 'Data and AI', moduleCodes: ['UPM-DSP-02', 'FAU-MLP-01', 'TALTECH-CYB-02'], minEcts: 6 },
    { name: 'Governance and law', moduleCodes: ['POLIMI-DGT-01', 'POLIMI-PPM-02', 'FAU-LAW-02'], minEcts: 6 },
  ],
  minPartnerHeis: 3,
  maxRecognitionEcts: 12,
  timeLimitMonths: 48,
  minEqfLevel: 7,
};

/** The 2025-2026 runs of the modules (the 2026-2027 dates are on each module). */
export const lastYear = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

export interface DemoHei {
  shortName: string;
  /** A scale from the grading_scale table (see the admissions migration). */
  gradingScale: string;
  name: string;
  countryCode: string;
  website: string;
  staffEmail: string;
  qualityAssurance: string;
  modules: Array<{
    code: string;
    title: string;
    description: string;
    learningOutcomes: string[];
    ectsCredits: number;
    eqfLevel: number;
    workloadHours: number;
    language: string;
    assessmentType: string;
    participationForm: ParticipationForm;
    startsOn: string;
    endsOn: string;
    capacity: number;
    prerequisiteCodes?: string[];
  }>;
}

export const demoHeis: DemoHei[] = [
  {
    shortName: 'UPM',
    gradingScale: 'ES-10',
    name: 'Universidad Politécnica de Madrid',
    countryCode: 'ES',
    website: 'https://www.upm.es',
    staffEmail: 'registrar@upm.example',
    qualityAssurance: 'Verified by ANECA (Spanish National Agency for Quality Assessment and Accreditation)',
    modules: [
      {
        code: 'UPM-AIG-01',
        title: 'AI for Public Governance',
        description: 'How AI systems change public decision-making, and how administrations govern them.',
        learningOutcomes: ['Assess AI use cases against public-service values', 'Design governance for an AI system in an administration'],
        ectsCredits: 6,
        eqfLevel: 7,
        workloadHours: 150,
        language: 'en',
        assessmentType: 'Case study report and oral defence',
        participationForm: ParticipationForm.ONLINE,
        startsOn: '2026-09-15',
        endsOn: '2026-12-18',
        capacity: 60,
      },
      {
        code: 'UPM-DSP-02',
        title: 'Data Spaces and Interoperability',
        description: 'European data spaces, interoperability frameworks and data sharing between administrations.',
        learningOutcomes: ['Explain the European Interoperability Framework', 'Plan a data-sharing agreement between public bodies'],
        ectsCredits: 6,
        eqfLevel: 7,
        workloadHours: 150,
        language: 'en',
        assessmentType: 'Project',
        participationForm: ParticipationForm.BLENDED,
        startsOn: '2027-01-11',
        endsOn: '2027-04-16',
        capacity: 40,
      },
      {
        code: 'UPM-CAP-03',
        title: 'Capstone: AI in a Real Administration',
        description: 'An applied project with a partner administration, using the AI4Scale sandbox.',
        learningOutcomes: ['Deliver an AI pilot with a public-sector partner', 'Evaluate its impact and risks'],
        ectsCredits: 12,
        eqfLevel: 7,
        workloadHours: 300,
        language: 'en',
        assessmentType: 'Project and public presentation',
        participationForm: ParticipationForm.ON_SITE,
        startsOn: '2027-05-03',
        endsOn: '2027-07-16',
        capacity: 25,
        prerequisiteCodes: ['UPM-AIG-01'],
      },
    ],
  },
  {
    shortName: 'POLIMI',
    gradingScale: 'IT-30',
    name: 'Politecnico di Milano',
    countryCode: 'IT',
    website: 'https://www.polimi.it',
    staffEmail: 'registrar@polimi.example',
    qualityAssurance: 'Accredited by ANVUR (Italian National Agency for the Evaluation of Universities and Research Institutes)',
    modules: [
      {
        code: 'POLIMI-DGT-01',
        title: 'Digital Government Transformation',
        description: 'Strategy, organisation and change management for digital public services.',
        learningOutcomes: ['Map a public service for redesign', 'Lead a digital transformation roadmap'],
        ectsCredits: 6,
        eqfLevel: 7,
        workloadHours: 150,
        language: 'en',
        assessmentType: 'Written examination',
        participationForm: ParticipationForm.ONLINE,
        startsOn: '2026-09-21',
        endsOn: '2026-12-11',
        capacity: 80,
      },
      {
        code: 'POLIMI-PPM-02',
        title: 'Public Procurement of AI',
        description: 'Buying AI responsibly: requirements, the EU AI Act and contract management.',
        learningOutcomes: ['Write AI procurement requirements', 'Apply the EU AI Act obligations of deployers'],
        ectsCredits: 3,
        eqfLevel: 7,
        workloadHours: 75,
        language: 'en',
        assessmentType: 'Tender simulation',
        participationForm: ParticipationForm.ONLINE,
        startsOn: '2027-02-01',
        endsOn: '2027-03-12',
        capacity: 80,
      },
      {
        code: 'POLIMI-SDM-03',
        title: 'Service Design Methods',
        description: 'User research and co-design for public services.',
        learningOutcomes: ['Run user research with citizens', 'Prototype and test a service'],
        ectsCredits: 6,
        eqfLevel: 7,
        workloadHours: 150,
        language: 'it',
        assessmentType: 'Portfolio',
        participationForm: ParticipationForm.BLENDED,
        startsOn: '2027-03-01',
        endsOn: '2027-06-04',
        capacity: 35,
      },
    ],
  },
  {
    shortName: 'FAU',
    gradingScale: 'DE-5',
    name: 'Friedrich-Alexander-Universität Erlangen-Nürnberg',
    countryCode: 'DE',
    website: 'https://www.fau.de',
    staffEmail: 'registrar@fau.example',
    qualityAssurance: 'System accreditation under the German Accreditation Council (Akkreditierungsrat)',
    modules: [
      {
        code: 'FAU-MLP-01',
        title: 'Machine Learning for Policy Analysis',
        description: 'Statistical learning methods to analyse policy and administrative data.',
        learningOutcomes: ['Train and validate predictive models on public data', 'Communicate model uncertainty to decision-makers'],
        ectsCredits: 6,
        eqfLevel: 7,
        workloadHours: 180,
        language: 'en',
        assessmentType: 'Written examination and lab work',
        participationForm: ParticipationForm.BLENDED,
        startsOn: '2026-10-05',
        endsOn: '2027-02-05',
        capacity: 50,
      },
      {
        code: 'FAU-LAW-02',
        title: 'Law and Ethics of Algorithmic Administration',
        description: 'Administrative law, data protection and ethics for automated decisions.',
        learningOutcomes: ['Assess the legality of an automated decision', 'Apply GDPR to public-sector AI'],
        ectsCredits: 5,
        eqfLevel: 7,
        workloadHours: 125,
        language: 'de',
        assessmentType: 'Term paper',
        participationForm: ParticipationForm.ONLINE,
        startsOn: '2027-04-12',
        endsOn: '2027-07-16',
        capacity: 60,
      },
    ],
  },
  {
    shortName: 'TalTech',
    gradingScale: 'EE-AF',
    name: 'Tallinn University of Technology',
    countryCode: 'EE',
    website: 'https://taltech.ee',
    staffEmail: 'registrar@taltech.example',
    qualityAssurance: 'Institutional accreditation by HAKA (Estonian Quality Agency for Education)',
    modules: [
      {
        code: 'TALTECH-EGV-01',
        title: 'e-Governance Architectures',
        description: 'X-Road, digital identity and once-only principles, from the Estonian experience.',
        learningOutcomes: ['Describe a secure data exchange layer', 'Evaluate digital identity schemes'],
        ectsCredits: 6,
        eqfLevel: 7,
        workloadHours: 156,
        language: 'en',
        assessmentType: 'Project and examination',
        participationForm: ParticipationForm.ONLINE,
        startsOn: '2026-09-07',
        endsOn: '2026-12-20',
        capacity: 70,
      },
      {
        code: 'TALTECH-CYB-02',
        title: 'Cybersecurity for Public Services',
        description: 'Risk management and resilience for critical digital public services.',
        learningOutcomes: ['Perform a risk assessment of a public service', 'Plan incident response under NIS2'],
        ectsCredits: 6,
        eqfLevel: 7,
        workloadHours: 156,
        language: 'en',
        assessmentType: 'Exercise and report',
        participationForm: ParticipationForm.BLENDED,
        startsOn: '2027-02-07',
        endsOn: '2027-05-28',
        capacity: 40,
      },
    ],
  },
];

export const demoEmployers = [
  { shortName: 'MAD-CITY', name: 'Ayuntamiento de Madrid', countryCode: 'ES', kind: OrganisationKind.PUBLIC_ADMINISTRATION },
  { shortName: 'LOMBARDIA', name: 'Regione Lombardia', countryCode: 'IT', kind: OrganisationKind.PUBLIC_ADMINISTRATION },
  { shortName: 'RIA', name: 'Information System Authority (RIA)', countryCode: 'EE', kind: OrganisationKind.PUBLIC_ADMINISTRATION },
  { shortName: 'DATAWERK', name: 'Datawerk Analytics GmbH', countryCode: 'DE', kind: OrganisationKind.INDUSTRY },
];

export interface DemoLearner {
  givenName: string;
  familyName: string;
  email: string;
  countryCode: string;
  sector: Sector;
  employer?: string;
  /** Offerings (by module code, in 2026-2027 unless said) and, where assessed, the result. */
  enrolments: Array<{ module: string; edition?: string; result?: { grade: string; passed: boolean; assessedOn: string } }>;
  /** Awarded the joint degree in the demo. */
  graduate?: boolean;
  /** Hands in a credential from outside the consortium for recognition. */
  recognition?: boolean;
}

const past = (module: string, grade: string, assessedOn: string) => ({
  module,
  edition: '2025-2026',
  result: { grade, passed: true, assessedOn },
});

export const demoLearners: DemoLearner[] = [
  {
    givenName: 'Ieva',
    familyName: 'Bērziņa',
    email: 'ieva.berzina@vid.example',
    countryCode: 'LV',
    sector: Sector.PUBLIC,
    graduate: true,
    enrolments: [
      past('UPM-AIG-01', '9.0', '2025-12-12'),
      past('POLIMI-DGT-01', '29/30', '2025-12-05'),
      past('TALTECH-EGV-01', 'A', '2025-12-18'),
      past('FAU-MLP-01', '1.3', '2026-02-02'),
      past('UPM-DSP-02', '8.5', '2026-04-10'),
      past('POLIMI-SDM-03', '27/30', '2026-06-01'),
      past('FAU-LAW-02', '1.7', '2026-07-10'),
      past('UPM-CAP-03', '9.5', '2026-07-14'),
      past('TALTECH-CYB-02', 'A', '2026-05-25'),
      past('POLIMI-PPM-02', '30 e lode', '2026-03-10'),
    ],
  },
  {
    givenName: 'Pablo',
    familyName: 'Ortega',
    email: 'pablo.ortega@hacienda.example',
    countryCode: 'ES',
    sector: Sector.PUBLIC,
    employer: 'MAD-CITY',
    recognition: true,
    enrolments: [
      past('UPM-AIG-01', '7.5', '2025-12-12'),
      past('FAU-MLP-01', '2.0', '2026-02-02'),
      past('POLIMI-PPM-02', '26/30', '2026-03-10'),
      past('TALTECH-CYB-02', 'B', '2026-05-25'),
      { module: 'UPM-CAP-03' },
    ],
  },
  {
    givenName: 'Lucía',
    familyName: 'Martín',
    email: 'lucia.martin@madrid.example',
    countryCode: 'ES',
    sector: Sector.PUBLIC,
    employer: 'MAD-CITY',
    enrolments: [
      { module: 'UPM-AIG-01', result: { grade: '9.2', passed: true, assessedOn: '2026-11-20' } },
      { module: 'POLIMI-DGT-01', result: { grade: '28/30', passed: true, assessedOn: '2026-11-18' } },
      { module: 'TALTECH-EGV-01', result: { grade: 'A', passed: true, assessedOn: '2026-11-16' } },
      { module: 'UPM-DSP-02' },
    ],
  },
  {
    givenName: 'Marco',
    familyName: 'Rossi',
    email: 'marco.rossi@lombardia.example',
    countryCode: 'IT',
    sector: Sector.PUBLIC,
    employer: 'LOMBARDIA',
    enrolments: [
      { module: 'POLIMI-DGT-01', result: { grade: '30 e lode', passed: true, assessedOn: '2026-11-18' } },
      { module: 'FAU-MLP-01', result: { grade: '1.7', passed: true, assessedOn: '2026-11-19' } },
      { module: 'POLIMI-PPM-02' },
    ],
  },
  {
    givenName: 'Kadri',
    familyName: 'Tamm',
    email: 'kadri.tamm@ria.example',
    countryCode: 'EE',
    sector: Sector.PUBLIC,
    employer: 'RIA',
    enrolments: [
      { module: 'TALTECH-EGV-01', result: { grade: 'B', passed: true, assessedOn: '2026-11-16' } },
      { module: 'TALTECH-CYB-02' },
    ],
  },
  {
    givenName: 'Anna',
    familyName: 'Schmidt',
    email: 'anna.schmidt@datawerk.example',
    countryCode: 'DE',
    sector: Sector.PRIVATE,
    employer: 'DATAWERK',
    enrolments: [
      { module: 'FAU-MLP-01', result: { grade: '2.3', passed: true, assessedOn: '2026-11-19' } },
      { module: 'UPM-AIG-01', result: { grade: '4.1', passed: false, assessedOn: '2026-11-20' } },
    ],
  },
  {
    givenName: 'Jonas',
    familyName: 'Weber',
    email: 'jonas.weber@uni.example',
    countryCode: 'DE',
    sector: Sector.ACADEMIC,
    enrolments: [{ module: 'FAU-MLP-01' }, { module: 'TALTECH-EGV-01' }],
  },
  {
    givenName: 'Sofia',
    familyName: 'Ferrari',
    email: 'sofia.ferrari@civic.example',
    countryCode: 'IT',
    sector: Sector.NONPROFIT,
    enrolments: [{ module: 'POLIMI-DGT-01' }],
  },
];
