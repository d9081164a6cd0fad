import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { byLanguageTag, checkTranslationLanguages, IsLanguageTag, MAX_TRANSLATIONS } from '@magix/common';

/** The programme's title and description in one more language; English is the programme's own. */
@ObjectType({ description: 'The programme’s title and description in a language other than English' })
export class ProgrammeTranslation {
  @Field({ description: 'BCP 47 language tag, e.g. es, it, de, et' })
  language!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;
}

// A title of spaces would print as nothing on a degree: it is refused as an empty one is.
const NOT_BLANK = /\S/;

/** Validated as a module translation's title and description are (the same lengths and tags). */
@InputType()
export class ProgrammeTranslationInput {
  @Field({ description: 'BCP 47 language tag in canonical form, other than English: e.g. es, it, de, et' })
  @IsLanguageTag()
  language!: string;

  @Field()
  @IsString()
  @Length(3, 200)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field()
  @IsString()
  @Length(10, 5000)
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  description!: string;
}

@InputType()
export class SetProgrammeTranslationsInput {
  @Field({ nullable: true, defaultValue: 'MAGIX', description: 'The programme (its code)' })
  @IsString()
  @Length(1, 40)
  programmeCode!: string;

  @Field(() => [ProgrammeTranslationInput], {
    description: 'Every language other than English, one per language: they replace those set before; none removes them all',
  })
  @ArrayMaxSize(MAX_TRANSLATIONS)
  @ValidateNested({ each: true })
  @Type(() => ProgrammeTranslationInput)
  translations!: ProgrammeTranslationInput[];
}

/**
 * The translations as stored: plain objects, one per language other than English, sorted by
 * language (the module translations' rules, `checkTranslationLanguages`). A typed BAD_USER_INPUT
 * naming `field` otherwise.
 */
export function normalizedProgrammeTranslations(translations: readonly ProgrammeTranslation[], field: string): ProgrammeTranslation[] {
  checkTranslationLanguages(translations, field, 'the programme’s own title and description');
  return byLanguageTag(translations.map(({ language, title, description }) => ({ language, title, description })));
}

/** Equal translations, whatever the key order jsonb gave them back in. */
export function sameProgrammeTranslations(a: readonly ProgrammeTranslation[], b: readonly ProgrammeTranslation[]): boolean {
  const text = (list: readonly ProgrammeTranslation[]) => JSON.stringify(list.map((t) => [t.language, t.title, t.description]));
  return text(a) === text(b);
}

/**
 * The programme's title in a language (a mail's, "es"), else its English title: the exact tag
 * first, then a translation in the same primary language ("es-ES" for "es").
 */
export function programmeTitleIn(
  programme: { title: string; translations: readonly Pick<ProgrammeTranslation, 'language' | 'title'>[] },
  language: string,
): string {
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  const found =
    programme.translations.find((t) => t.language === language) ??
    programme.translations.find((t) => primary(t.language) === primary(language));
  return found?.title ?? programme.title;
}
