import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ResultRow } from './results-csv';

@ObjectType({ description: 'A bulk results import, recorded by a background job' })
@Entity('import_job')
export class ImportJob {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID)
  @Column({ name: 'offering_id', type: 'uuid' })
  offeringId!: string;

  @Field({ description: 'SHA-256 of the file: the same file again is the same import' })
  @Column({ name: 'file_sha256' })
  fileSha256!: string;

  /**
   * The file's rows, read only by the worker that records them (ImportLease.claim): a job's status,
   * polled while it runs, would otherwise parse the whole file each time (450 KB for 3,000 rows).
   */
  @Column({ type: 'jsonb', select: false })
  rows!: Array<ResultRow & { enrolmentId: string }>;

  @Field(() => Int)
  @Column({ type: 'integer' })
  total!: number;

  @Field(() => Int, { description: 'Rows processed so far' })
  @Column({ type: 'integer' })
  done!: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  failed!: number;

  @Field(() => Int, { description: 'Credentials newly issued' })
  @Column({ type: 'integer' })
  issued!: number;

  @Field({ description: 'QUEUED, RUNNING, DONE or FAILED' })
  @Column({ type: 'text' })
  status!: string;

  @Field(() => [String])
  @Column({ type: 'jsonb' })
  failures!: string[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
