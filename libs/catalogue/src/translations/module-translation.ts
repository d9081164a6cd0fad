import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsString, Length, registerDecorator, ValidationOptions } from 'class-validator';
import { badInput } from '@magix/common';

/** A well-formed BCP 47 tag, written as Intl canonicalizes it (so `es` and `ES` cannot both exist). */
export function isCanonicalLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(value)[0] === value;
  } catch {
    return false;
  }
}

export function IsLanguageTag(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLanguageTag',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a BCP 47 language tag in canonical form, such as es, it, de, et or pt-BR`, ...options },
      validator: { validate: isCanonicalLanguageTag },
    });
}

/** The module's text in one more language; English is the module's own title, description and outcomes. */
@ObjectType({ description: 'A module’s title, description and learning outcomes in a language other than English' })
export class ModuleTranslation {
  @Field({ description: 'BCP 47 language tag, e.g. es, it, de, et' })
  language!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [String], { description: 'As many as the module’s, in the same order' })
  learningOutcomes!: string[];
}

/** Validated as the English fields are at creation (the same lengths). */
@InputType()
export class ModuleTranslationInput {
  @Field({ description: 'BCP 47 language tag in canonical form, other than English: e.g. es, it, de, et' })
  @IsLanguageTag()
  language!: string;

  @Field()
  @IsString()
  @Length(3, 200)
  title!: string;

  @Field()
  @IsString()
  @Length(10, 5000)
  description!: string;

  @Field(() => [String], { description: 'As many as the module’s, in the same order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  learningOutcomes!: string[];
}

/** At most one translation per language, at most this many languages. */
export const MAX_TRANSLATIONS = 30;

/**
 * The translations as stored: plain objects, one per language, sorted by language, each with as
 * many learning outcomes as the module. A typed BAD_USER_INPUT naming `field` otherwise.
 */
export function normalizedTranslations(
  translations: readonly ModuleTranslation[],
  outcomeCount: number,
  field: string,
): ModuleTranslation[] {
  const seen = new Set<string>();
  for (const { language, learningOutcomes } of translations) {
    if (language === 'en' || language.startsWith('en-')) {
      throw badInput(field, 'English is the module’s own title, description and outcomes: give other languages here');
    }
    if (seen.has(language)) throw badInput(field, `Two translations into ${language}: give one per language`);
    seen.add(language);
    if (learningOutcomes.length !== outcomeCount) {
      throw badInput(
        field,
        `The ${language} translation gives ${learningOutcomes.length} learning outcomes; the module has ${outcomeCount}`,
      );
    }
  }
  return translations
    .map(({ language, title, description, learningOutcomes }) => ({
      language,
      title,
      description,
      learningOutcomes: [...learningOutcomes],
    }))
    .sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0));
}

/** Equal translations, whatever the key order jsonb gave them back in. */
export function sameTranslations(a: readonly ModuleTranslation[], b: readonly ModuleTranslation[]): boolean {
  const text = (list: readonly ModuleTranslation[]) =>
    JSON.stringify(list.map((t) => [t.language, t.title, t.description, t.learningOutcomes]));
  return text(a) === text(b);
}
