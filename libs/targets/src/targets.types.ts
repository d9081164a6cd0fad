import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

/*
 * The definitions below are the consortium's (docs/targets.md); each field says what it counts.
 * "Participant": a learner with at least one enrolment in a module offering that counts, i.e. not
 * withdrawn before the offering started. "Degree student": holds a valid joint degree or has a
 * degree-seeking application that was accepted.
 */

@ObjectType({ description: 'A count against its target, with a linear projection to the programme’s end' })
export class CountTarget {
  @Field(() => Float, {
    description:
      'The target, as the programme office set it (data, not code): the whole programme’s, or for one edition that edition’s; 0 when none is set (see targetSet)',
  })
  target!: number;

  @Field({ description: 'A target is set for this figure in this scope; when false, target is 0 and onTrack/reached are false' })
  targetSet!: boolean;

  @Field(() => Int)
  actual!: number;

  @Field(() => Float, { description: 'actual / target, in percent' })
  percentOfTarget!: number;

  @Field(() => Int, { nullable: true, description: 'Where the current pace leads by the programme’s end' })
  projected!: number | null;

  @Field({ description: 'The projection reaches the target' })
  onTrack!: boolean;
}

@ObjectType({
  description:
    'The share of all participants (degree students and self-standing alike) from the public sector, each counted in the sector ' +
    'reconciled with their employer: the employer organisation’s kind decides where it is known (PUBLIC_ADMINISTRATION: public; ' +
    'INDUSTRY, HEI: not public), the learner’s declaration otherwise',
})
export class ShareTarget {
  @Field(() => Float, { description: 'Target, in percent; 0 when none is set (see targetSet)' })
  target!: number;

  @Field({ description: 'A target is set for this figure in this scope; when false, target is 0 and onTrack/reached are false' })
  targetSet!: boolean;

  @Field(() => Float, { description: 'publicParticipants / participants, in percent' })
  actual!: number;

  @Field(() => Int, { description: 'Participants counted in the public sector after reconciliation with the employer' })
  publicParticipants!: number;

  @Field(() => Int, { description: 'All participants: learners with an enrolment that counts, degree students included' })
  participants!: number;

  @Field(() => Int, { description: 'Participants whose declared sector contradicts their employer’s kind (listed in sectorMismatches)' })
  mismatchedSectors!: number;

  @Field()
  onTrack!: boolean;
}

@ObjectType({ description: 'A figure of the consortium against its target' })
export class ConsortiumTarget {
  @Field(() => Float, { description: 'The target; 0 when none is set (see targetSet)' })
  target!: number;

  @Field({ description: 'A target is set for this figure in this scope; when false, target is 0 and onTrack/reached are false' })
  targetSet!: boolean;

  @Field(() => Int)
  actual!: number;

  @Field(() => Float, { description: 'actual / target, in percent' })
  percentOfTarget!: number;

  @Field({ description: 'actual ≥ target' })
  reached!: boolean;
}

@ObjectType()
export class TargetBreakdown {
  @Field({ description: 'The edition, country, partner HEI or sector' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int, { description: 'All participants in this group (degree students included)' })
  participants!: number;

  @Field(() => Int, { description: 'Participants in self-standing modules: participants who are not degree students' })
  selfStandingParticipants!: number;

  @Field(() => Int, { description: 'Participants counted in the public sector after reconciliation with the employer' })
  publicParticipants!: number;

  @Field(() => Float)
  publicSharePercent!: number;

  @Field(() => Int, { description: 'Valid joint degrees (neither revoked nor suspended)' })
  graduates!: number;
}

@ObjectType({ description: 'A participant whose declared sector contradicts the kind of their employer organisation' })
export class SectorMismatch {
  @Field(() => ID)
  learnerId!: string;

  @Field()
  name!: string;

  @Field({ description: 'What the learner declared' })
  declaredSector!: string;

  @Field({ description: 'The employer organisation’s short name' })
  employer!: string;

  @Field({ description: 'The employer organisation’s kind' })
  employerKind!: string;

  @Field({ description: 'The sector the learner is counted in: the one the employer’s kind gives' })
  countedSector!: string;
}

@ObjectType()
export class MonthlyTargetPoint {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: 'Cumulative participants in self-standing modules at the month’s end (by first counting enrolment)' })
  participants!: number;

  @Field(() => Int, { description: 'Cumulative participants of every kind at the month’s end' })
  allParticipants!: number;

  @Field(() => Int, { description: 'Cumulative graduates at the month’s end' })
  graduates!: number;

  @Field(() => Float, { description: 'Public-sector share of all participants at the month’s end' })
  publicSharePercent!: number;
}

@ObjectType({ description: 'The programme’s public targets, live; each figure for one edition when asked, else overall' })
export class ProgrammeTargets {
  @Field(() => ID, { nullable: true, description: 'The edition these figures are limited to, if any' })
  editionId!: string | null;

  @Field()
  asOf!: Date;

  @Field({ description: 'The date projections run to' })
  projectionTo!: string;

  @Field(() => CountTarget, {
    description: 'Graduates: valid joint degrees (neither revoked nor suspended); per edition, by the edition of the degree’s rules',
  })
  graduates!: CountTarget;

  @Field(() => CountTarget, {
    description:
      'Participants in self-standing modules: learners with a module enrolment that counts (not withdrawn before the offering ' +
      'started) who are not degree students (a valid joint degree, or an accepted degree-seeking application)',
  })
  moduleParticipants!: CountTarget;

  @Field(() => ShareTarget)
  publicSectorShare!: ShareTarget;

  @Field(() => ConsortiumTarget, {
    description: 'Member organisations: organisations marked as consortium members. Membership has no edition: the same in every scope',
  })
  memberOrganisations!: ConsortiumTarget;

  @Field(() => ConsortiumTarget, { description: 'Member countries: distinct ISO 3166-1 countries of the member organisations' })
  memberCountries!: ConsortiumTarget;

  @Field(() => [String], { description: 'The member countries (ISO 3166-1 alpha-2), sorted' })
  memberCountryCodes!: string[];

  @Field(() => [SectorMismatch], {
    description: 'Participants in scope whose declared sector contradicts their employer, for the office (first 500)',
  })
  sectorMismatches!: SectorMismatch[];

  @Field(() => [TargetBreakdown])
  byEdition!: TargetBreakdown[];

  @Field(() => [TargetBreakdown])
  byCountry!: TargetBreakdown[];

  @Field(() => [TargetBreakdown])
  byPartner!: TargetBreakdown[];

  @Field(() => [TargetBreakdown], { description: 'By the sector each participant is counted in (reconciled with the employer)' })
  bySector!: TargetBreakdown[];

  @Field(() => [MonthlyTargetPoint])
  monthly!: MonthlyTargetPoint[];
}
