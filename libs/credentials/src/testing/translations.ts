import { TextTranslation, TitleTranslation } from '../localized-text';

/** The test module (aModuleCredential's UPM-AIG-01) in the consortium's other languages. */
export const TEST_TRANSLATIONS: TextTranslation[] = [
  {
    language: 'es',
    title: 'IA para la gobernanza pública',
    description: 'Fundamentos de la IA en la administración pública.',
    learningOutcomes: ['Evaluar casos de uso de IA en los servicios públicos', 'Aplicar el Reglamento de IA de la UE a la contratación'],
  },
  {
    language: 'et',
    title: 'Tehisintellekt avalikus valitsemises',
    description: 'Tehisintellekti alused avalikus halduses.',
    learningOutcomes: ['Hinnata tehisintellekti kasutusjuhte avalikes teenustes', 'Rakendada ELi tehisintellekti määrust hangetes'],
  },
];

/** The test programme ('Joint Master in AI for Public Governance') in two other languages. */
export const TEST_PROGRAMME_TRANSLATIONS: TitleTranslation[] = [
  {
    language: 'de',
    title: 'Gemeinsamer Master in KI für die öffentliche Governance',
    description: 'Der gemeinsame Masterstudiengang des Konsortiums.',
  },
  { language: 'es', title: 'Máster conjunto en IA para la gobernanza pública', description: 'El máster conjunto del consorcio.' },
];
