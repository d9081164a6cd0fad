import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@magix/database';

export enum ParticipationForm {
  ONLINE = 'ONLINE',
  BLENDED = 'BLENDED',
  ON_SITE = 'ON_SITE',
}
registerEnumType(ParticipationForm, { name: 'ParticipationForm' });

@ObjectType('Module', {
  description: 'A credit-bearing unit of learning, with the elements the EU Council Recommendation on micro-credentials requires',
})
@Entity('module')
export class LearningModule {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Unique, e.g. UPM-AIG-01' })
  @Column()
  code!: string;

  @Field(() => ID, { description: 'The HEI that provides and assesses it' })
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId!: string;

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

  @Field(() => String, { nullable: true, description: 'Last day to apply (ISO date); none: until the offering starts' })
  @Column({ name: 'applications_close_on', type: 'date', nullable: true })
  applicationsCloseOn!: string | null;
}
