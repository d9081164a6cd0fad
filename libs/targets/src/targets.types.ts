import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A count against its target, with a linear projection to the programme’s end' })
export class CountTarget {
  @Field(() => Float)
  target!: number;

  @Field(() => Int)
  actual!: number;

  @Field(() => Float, { description: 'actual / target, in percent' })
  percentOfTarget!: number;

  @Field(() => Int, { nullable: true, description: 'Where the current pace leads by the programme’s end' })
  projected!: number | null;

  @Field({ description: 'The projection reaches the target' })
  onTrack!: boolean;
}

@ObjectType({ description: 'The share of participants from the public sector against its target' })
export class ShareTarget {
  @Field(() => Float, { description: 'Target, in percent' })
  target!: number;

  @Field(() => Float, { description: 'Actual, in percent of participants' })
  actual!: number;

  @Field(() => Int)
  publicParticipants!: number;

  @Field(() => Int)
  participants!: number;

  @Field()
  onTrack!: boolean;
}

@ObjectType()
export class TargetBreakdown {
  @Field({ description: 'The edition, country, partner HEI or sector' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  participants!: number;

  @Field(() => Int)
  publicParticipants!: number;

  @Field(() => Float)
  publicSharePercent!: number;

  @Field(() => Int)
  graduates!: number;
}

@ObjectType()
export class MonthlyTargetPoint {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: 'Cumulative participants at the month’s end' })
  participants!: number;

  @Field(() => Int, { description: 'Cumulative graduates at the month’s end' })
  graduates!: number;

  @Field(() => Float)
  publicSharePercent!: number;
}

@ObjectType({ description: 'The programme’s public targets, live' })
export class ProgrammeTargets {
  @Field(() => ID, { nullable: true, description: 'The edition these figures are limited to, if any' })
  editionId!: string | null;

  @Field()
  asOf!: Date;

  @Field({ description: 'The date projections run to' })
  projectionTo!: string;

  @Field(() => CountTarget)
  graduates!: CountTarget;

  @Field(() => CountTarget)
  moduleParticipants!: CountTarget;

  @Field(() => ShareTarget)
  publicSectorShare!: ShareTarget;

  @Field(() => [TargetBreakdown])
  byEdition!: TargetBreakdown[];

  @Field(() => [TargetBreakdown])
  byCountry!: TargetBreakdown[];

  @Field(() => [TargetBreakdown])
  byPartner!: TargetBreakdown[];

  @Field(() => [TargetBreakdown])
  bySector!: TargetBreakdown[];

  @Field(() => [MonthlyTargetPoint])
  monthly!: MonthlyTargetPoint[];
}
