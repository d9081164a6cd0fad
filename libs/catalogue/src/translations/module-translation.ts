import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsString, Length } from 'class-validator';
import { badInput, byLanguageTag, checkTranslationLanguages, IsLanguageTag } from '@magix/common';

// The tag check and the limits are shared with the programme's translations (issue 14).
export { isCanonicalLanguageTag, IsLanguageTag, MAX_TRANSLATIONS } from '@magix/common';

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

/**
 * The translations as stored: plain objects, one per language, sorted by language, each with as
 * many learning outcomes as the module. A typed BAD_USER_INPUT naming `field` otherwise.
 */
export function normalizedTranslations(
  translations: readonly ModuleTranslation[],
  outcomeCount: number,
  field: string,
): ModuleTranslation[] {
  checkTranslationLanguages(translations, field, 'the module’s own title, description and outcomes');
  for (const { language, learningOutcomes } of translations) {
    if (learningOutcomes.length !== outcomeCount) {
      throw badInput(
        field,
        `The ${language} translation gives ${learningOutcomes.length} learning outcomes; the module has ${outcomeCount}`,
      );
    }
  }
  return byLanguageTag(
    translations.map(({ language, title, description, learningOutcomes }) => ({
      language,
      title,
      description,
      learningOutcomes: [...learningOutcomes],
    })),
  );
}

/** Equal translations, whatever the key order jsonb gave them back in. */
export function sameTranslations(a: readonly ModuleTranslation[], b: readonly ModuleTranslation[]): boolean {
  const text = (list: readonly ModuleTranslation[]) =>
    JSON.stringify(list.map((t) => [t.language, t.title, t.description, t.learningOutcomes]));
  return text(a) === text(b);
}
