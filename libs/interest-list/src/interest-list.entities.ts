import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ApplicantProfile } from '@magix/admissions';

/** PENDING until the address's owner follows the confirmation link; only CONFIRMED members hear of openings. */
export enum MembershipStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
}

/** Someone who wants to hear when an edition opens. No account: the leave and confirmation tokens are their only keys. */
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

  /** One of the call's two student profiles, as a hint of who the person is (the application records the full profile). */
  @Column({ type: 'text', nullable: true })
  profile!: ApplicantProfile | null;

  @Column({ name: 'leave_token' })
  leaveToken!: string;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ type: 'text' })
  status!: MembershipStatus;

  /** The capability of the confirmation link; cleared once used. */
  @Column({ name: 'confirm_token', type: 'text', nullable: true })
  confirmToken!: string | null;

  /** When the last confirmation mail was put in the outbox: at most one an hour, and the purge counts from it. */
  @Column({ name: 'confirmation_sent_at', type: 'timestamptz', nullable: true })
  confirmationSentAt!: Date | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;
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
