import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '@magix/database';
import { GradingScaleSpec } from './grading-scale';

@ObjectType({ description: 'A national grading scale with its pass mark' })
@Entity('grading_scale')
export class GradingScale implements GradingScaleSpec {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  code!: string;

  @Field()
  @Column()
  name!: string;

  @Field()
  @Column({ type: 'text' })
  kind!: 'NUMERIC' | 'LETTER';

  @Column({ name: 'min_grade', type: 'numeric', nullable: true, transformer: numericColumn })
  minGrade!: number | null;

  @Column({ name: 'max_grade', type: 'numeric', nullable: true, transformer: numericColumn })
  maxGrade!: number | null;

  @Column({ name: 'pass_mark', type: 'numeric', nullable: true, transformer: numericColumn })
  passMark!: number | null;

  @Column({ name: 'higher_is_better' })
  higherIsBetter!: boolean;

  @Column({ type: 'smallint' })
  decimals!: number;

  @Column({ type: 'text', array: true, nullable: true })
  letters!: string[] | null;

  @Column({ name: 'passing_letters', type: 'text', array: true, nullable: true })
  passingLetters!: string[] | null;

  @Column({ type: 'text', nullable: true })
  honours!: string | null;
}
