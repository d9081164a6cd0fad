import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsString, Length, MaxLength } from 'class-validator';
import { ImportJob } from './import-job.entity';

/** A cohort's file is a few hundred rows; this bounds a mistaken upload, not a real one. */
export const MAX_CSV_LENGTH = 5_000_000;

@InputType()
export class ImportResultsInput {
  @Field({ description: 'The offering the results are for, e.g. UPM-AIG-01-2026' })
  @IsString()
  @Length(2, 40)
  offeringCode!: string;

  @Field({ description: 'The CSV: email, grade, assessed_on[, credits][, passed]' })
  @IsString()
  @MaxLength(MAX_CSV_LENGTH)
  csv!: string;

  @Field({ defaultValue: false, description: 'Only check and report; record nothing' })
  @IsBoolean()
  dryRun: boolean = false;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int)
  line!: number;

  @Field()
  column!: string;

  @Field()
  reason!: string;

  @Field({
    description:
      'Why: a result rule (the same code as recordResult’s extensions.rule, with the same message), or what the file or enrolment says (NOT_ENROLLED, ENROLMENT_WITHDRAWN, RESULT_ALREADY_RECORDED, DUPLICATE_LEARNER, MALFORMED_CELL, MALFORMED_FILE)',
  })
  code!: string;
}

@ObjectType({ description: 'What an import found, and the job recording it' })
export class ImportReport {
  @Field({ description: 'No row has an error: the file can be (or was) recorded' })
  valid!: boolean;

  @Field()
  dryRun!: boolean;

  @Field(() => Int)
  rows!: number;

  @Field(() => Int, { description: 'Rows that would record a new result' })
  toRecord!: number;

  @Field(() => Int, { description: 'Rows already recorded exactly so: nothing to do' })
  unchanged!: number;

  @Field(() => [ImportRowError])
  errors!: ImportRowError[];

  @Field(() => ImportJob, { nullable: true })
  job!: ImportJob | null;
}
