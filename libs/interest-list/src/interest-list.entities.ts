import { registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The two student profiles of the call, as a hint of who the person is (the application records the full profile). */
export enum InterestProfile {
  /** A student of any discipline. */
  STUDENT = 'STUDENT',
  /** Staff of a public institution. */
  PUBLIC_STAFF = 'PUBLIC_STAFF',
}
registerEnumType(InterestProfile, {
  name: 'InterestProfile',
  description: 'STUDENT: of any discipline; PUBLIC_STAFF: of a public institution',
});

/** Someone who wants to hear when an edition opens. No account: the leave token is their only key. */
@Entity('interest_list_member')
export class InterestListMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  name!: string;

  @Column()
  email!: string;

  @Column({ name: 'preferred_language', type: 'text', nullable: true })
  preferredLanguage!: string | null;

  @Column({ type: 'text', nullable: true })
  profile!: InterestProfile | null;

  @Column({ name: 'leave_token' })
  leaveToken!: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;
}

/** That a member was told of an edition's opening: at most once (the primary key). */
@Entity('interest_list_notice')
export class InterestListNotice {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @Column({ name: 'noticed_at', type: 'timestamptz' })
  noticedAt!: Date;
}
