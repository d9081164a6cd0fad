import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum Sector {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
  ACADEMIC = 'ACADEMIC',
  NONPROFIT = 'NONPROFIT',
  OTHER = 'OTHER',
}
registerEnumType(Sector, { name: 'Sector', description: 'Where the learner works; PUBLIC counts toward the 40 % target' });

@ObjectType({ description: 'A civil servant or student taking modules' })
@Entity('learner')
export class Learner {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column({ name: 'given_name' })
  givenName!: string;

  @Field()
  @Column({ name: 'family_name' })
  familyName!: string;

  @Field()
  @Column()
  email!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @Field(() => Sector)
  @Column({ type: 'text' })
  sector!: Sector;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'employer_id', type: 'uuid', nullable: true })
  employerId!: string | null;

  @Field(() => String, { nullable: true, description: 'The learner’s own wallet DID: the subject of credentials issued from then on' })
  @Column({ name: 'wallet_did', type: 'text', nullable: true })
  walletDid!: string | null;

  @Field({ description: 'IANA time zone in which letters write dates for the learner; Europe/Madrid (the programme office’s) unless set' })
  @Column({ name: 'time_zone', default: 'Europe/Madrid' })
  timeZone!: string;

  @Field({ description: 'The language MAGIX writes to the learner in (mails): en, es, it, de or et; en unless set' })
  @Column({ name: 'preferred_language', default: 'en' })
  preferredLanguage!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const fullName = (learner: Pick<Learner, 'givenName' | 'familyName'>) => `${learner.givenName} ${learner.familyName}`;
