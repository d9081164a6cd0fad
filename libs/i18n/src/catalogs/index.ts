import { Language } from '../languages';
import { de } from './de';
import { Catalog, en } from './en';
import { es } from './es';
import { et } from './et';
import { it } from './it';

/** TypeScript modules rather than JSON: `nest build` compiles them into dist with the code. */
export const catalogs: Record<Language, Catalog> = { en, es, it, de, et };

export type { Catalog };
