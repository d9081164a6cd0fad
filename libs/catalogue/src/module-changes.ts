import { ModuleDescription, VERSIONED_FIELDS, VersionedField } from './catalogue.entities';
import { ModuleTranslation, sameTranslations } from './translations/module-translation';

export type ModuleChanges = Partial<{ [K in VersionedField]: ModuleDescription[K] | null }>;

const same = (field: VersionedField, a: unknown, b: unknown): boolean => {
  if (field === 'translations') return sameTranslations(a as ModuleTranslation[], b as ModuleTranslation[]);
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, i) => value === b[i]) : a === b;
};

/**
 * The fields of `changes` that differ from `current`: an absent or null field stays as it is. No
 * difference, no new version — so sending the same update twice makes one version.
 */
export function changedFields(current: ModuleDescription, changes: ModuleChanges): Partial<ModuleDescription> {
  const changed: Partial<Record<VersionedField, unknown>> = {};
  for (const field of VERSIONED_FIELDS) {
    const value = changes[field];
    if (value !== undefined && value !== null && !same(field, value, current[field])) changed[field] = value;
  }
  return changed as Partial<ModuleDescription>;
}

/** The descriptive fields of a module or version, e.g. to copy them into a new version. */
export function descriptionOf(source: ModuleDescription): Pick<ModuleDescription, VersionedField> {
  return Object.fromEntries(VERSIONED_FIELDS.map((field) => [field, source[field]])) as Pick<ModuleDescription, VersionedField>;
}
