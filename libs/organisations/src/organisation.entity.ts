import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OrganisationKind {
  HEI = 'HEI',
  PUBLIC_ADMINISTRATION = 'PUBLIC_ADMINISTRATION',
  INDUSTRY = 'INDUSTRY',
  OTHER = 'OTHER',
}
registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'HEI: a higher education institution' });

@ObjectType({ description: 'A consortium partner or a learner’s employer' })
@Entity('organisation')
export class Organisation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column()
  name!: string;

  @Field({ description: 'A short unique handle, e.g. UPM' })
  @Column({ name: 'short_name' })
  shortName!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Field(() => OrganisationKind)
  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Field({ description: 'A member of the AI4Gov-X consortium' })
  @Column({ name: 'consortium_member' })
  consortiumMember!: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Field(() => ID, { nullable: true, description: 'The grading scale its results are given in' })
  @Column({ name: 'grading_scale_id', type: 'uuid', nullable: true })
  gradingScaleId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
