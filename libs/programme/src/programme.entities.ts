import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@magix/database';
import { ProgrammeTranslation } from './translations/programme-translation';

@ObjectType({ description: 'The joint master’s degree programme' })
@Entity('programme')
export class Programme {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  title!: string;

  @Field()
  @Column()
  description!: string;

  @Field(() => [ProgrammeTranslation], {
    description: 'The title and description in other languages than English, sorted by language; the degree carries them',
  })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  translations!: ProgrammeTranslation[];

  @Field(() => Float, { description: 'ECTS credits of the full degree' })
  @Column({ name: 'total_ects', type: 'numeric', transformer: numericColumn })
  totalEcts!: number;

  @Field({ description: 'First day of the programme (ISO date)' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field({ description: 'Last day of the programme (ISO date)' })
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Field(() => ID, { nullable: true, description: 'The HEI that issues the joint degree, with the co-awarding partners' })
  @Column({ name: 'coordinator_id', type: 'uuid', nullable: true })
  coordinatorId!: string | null;
}

/** PLANNED: the office is preparing it; OPEN: announced, the interest list was told (see docs/editions.md). */
export enum EditionState {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
}
registerEnumType(EditionState, {
  name: 'EditionState',
  description: 'PLANNED: being prepared by the office; OPEN: announced to the interest list',
});

@ObjectType({ description: 'An academic year of the programme' })
@Entity('edition')
export class Edition {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Field({ description: 'e.g. 2026-2027' })
  @Column()
  code!: string;

  @Field()
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field()
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Field(() => Int, { description: 'Places for degree students in this intake; accepted beyond them go on the reserve list' })
  @Column({ name: 'degree_places', type: 'integer' })
  degreePlaces!: number;

  @Field(() => String, { nullable: true, description: 'First day degree applications are taken (ISO date); none: already open' })
  @Column({ name: 'degree_applications_open_on', type: 'date', nullable: true })
  degreeApplicationsOpenOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Last day degree applications are taken (ISO date); none: until the edition ends' })
  @Column({ name: 'degree_applications_close_on', type: 'date', nullable: true })
  degreeApplicationsCloseOn!: string | null;

  @Field(() => EditionState)
  @Column({ type: 'text', default: EditionState.PLANNED })
  state!: EditionState;

  @Field(() => Date, { nullable: true, description: 'When the office opened it (and the interest list was told)' })
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;
}

export enum TargetMetric {
  GRADUATES = 'GRADUATES',
  MODULE_PARTICIPANTS = 'MODULE_PARTICIPANTS',
  PUBLIC_SECTOR_SHARE = 'PUBLIC_SECTOR_SHARE',
  MEMBER_ORGANISATIONS = 'MEMBER_ORGANISATIONS',
  MEMBER_COUNTRIES = 'MEMBER_COUNTRIES',
}
registerEnumType(TargetMetric, { name: 'TargetMetric' });

@ObjectType({ description: 'A public target of the programme; PUBLIC_SECTOR_SHARE is a percentage' })
@Entity('programme_target')
export class ProgrammeTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId!: string;

  @Field(() => ID, { nullable: true, description: 'The edition this target is for; none: the whole programme' })
  @Column({ name: 'edition_id', type: 'uuid', nullable: true })
  editionId!: string | null;

  @Field(() => TargetMetric)
  @Column({ type: 'text' })
  metric!: TargetMetric;

  @Field(() => Float)
  @Column({ name: 'target_value', type: 'numeric', transformer: numericColumn })
  targetValue!: number;
}
