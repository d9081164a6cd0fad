import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StatusPurpose } from '@magix/credentials';

/**
 * One HEI's status lists: one two-bit message list (status size 2, issued since issue 10), or a
 * revocation list and a suspension list in which a credential holds the same index (status size 1).
 */
@Entity('status_list_set')
export class StatusListSet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  /** Entries per list. */
  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'status_size', type: 'smallint' })
  statusSize!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('status_list')
export class StatusList {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'set_id', type: 'uuid' })
  setId!: string;

  @Column({ type: 'text' })
  purpose!: StatusPurpose;

  @Column({ type: 'bytea', select: false })
  bits!: Buffer;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'signed_document', type: 'text', nullable: true, select: false })
  signedDocument!: string | null;

  @Column({ name: 'signed_version', type: 'integer', nullable: true })
  signedVersion!: number | null;
}
