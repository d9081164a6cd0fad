import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@magix/database';
import { ModuleTranslation } from './translations/module-translation';

export enum ParticipationForm {
  ONLINE = 'ONLINE',
  BLENDED = 'BLENDED',
  ON_SITE = 'ON_SITE',
}
registerEnumType(ParticipationForm, { name: 'ParticipationForm' });

/**
 * What a module says about itself, as its credentials state it: the fields each version of the
 * module holds (module_version) and the module row repeats for its current version.
 */
@ObjectType({ isAbstract: true })
export abstract class ModuleDescription {
  @Field()
  @Column()
  title!: string;

  @Field()
  @Column()
  description!: string;

  @Field(() => [String])
  @Column({ name: 'learning_outcomes', type: 'text', array: true })
  learningOutcomes!: string[];

  @Field(() => Float)
  @Column({ name: 'ects_credits', type: 'numeric', transformer: numericColumn })
  ectsCredits!: number;

  @Field(() => Int, { description: 'European Qualifications Framework level, 1 to 8' })
  @Column({ name: 'eqf_level', type: 'smallint' })
  eqfLevel!: number;

  @Field(() => Int)
  @Column({ name: 'workload_hours', type: 'integer' })
  workloadHours!: number;

  @Field({ description: 'BCP 47 language tag, e.g. en' })
  @Column()
  language!: string;

  @Field()
  @Column({ name: 'assessment_type' })
  assessmentType!: string;

  @Field(() => ParticipationForm)
  @Column({ name: 'participation_form', type: 'text' })
  participationForm!: ParticipationForm;

  @Field()
  @Column({ name: 'quality_assurance' })
  qualityAssurance!: string;

  @Field(() => [ModuleTranslation], {
    description: 'Title, description and learning outcomes in other languages than English (which the fields above hold)',
  })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  translations!: ModuleTranslation[];
}

/** The fields a new version may change; code, provider and prerequisites are the module's identity. */
export const VERSIONED_FIELDS = [
  'title',
  'description',
  'learningOutcomes',
  'ectsCredits',
  'eqfLevel',
  'workloadHours',
  'language',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
  'translations',
] as const satisfies ReadonlyArray<keyof ModuleDescription>;
export type VersionedField = (typeof VERSIONED_FIELDS)[number];

@ObjectType('Module', {
  description:
    'A credit-bearing unit of learning, with the elements the EU Council Recommendation on micro-credentials requires. ' +
    'Its descriptive fields are those of its current version.',
})
@Entity('module')
export class LearningModule extends ModuleDescription {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Unique, e.g. UPM-AIG-01' })
  @Column()
  code!: string;

  @Field(() => ID, { description: 'The HEI that provides and assesses it' })
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

  @Field(() => Int, { description: 'The current version: 1 when created, one more on each update' })
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When it was retired: no new offerings since; what exists keeps working' })
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'retired_reason', type: 'text', nullable: true })
  retiredReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@ObjectType({ description: 'One version of a module: what offerings created under it, and their credentials, state' })
@Entity('module_version')
export class ModuleVersion extends ModuleDescription {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Why it changed; none for version 1' })
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('module_prerequisite')
export class ModulePrerequisite {
  @PrimaryColumn({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @PrimaryColumn({ name: 'prerequisite_id', type: 'uuid' })
  prerequisiteId!: string;
}

@ObjectType({ description: 'A module run in one edition' })
@Entity('offering')
export class Offering {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Unique, e.g. UPM-AIG-01-2026' })
  @Column()
  code!: string;

  @Field(() => ID)
  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  /** The module version current when the offering was created: its credentials state that version. */
  @Column({ name: 'module_version_id', type: 'uuid' })
  moduleVersionId!: string;

  @Field(() => ID)
  @Column({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @Field()
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field()
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  capacity!: number;

  @Field(() => String, { nullable: true, description: 'First day to apply (ISO date); none: open now' })
  @Column({ name: 'applications_open_on', type: 'date', nullable: true })
  applicationsOpenOn!: string | null;

  @Field(() => Int, { description: 'Attempts a learner has at its assessment: the first and the resits after a fail' })
  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts!: number;

  @Field(() => String, { nullable: true, description: 'Last day to apply (ISO date); none: until the offering starts' })
  @Column({ name: 'applications_close_on', type: 'date', nullable: true })
  applicationsCloseOn!: string | null;
}
