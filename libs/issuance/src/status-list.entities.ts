import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StatusPurpose } from '@magix/credentials';

/** A revocation list and a suspension list of one HEI; a credential holds the same index in both. */
@Entity('status_list_set')
export class StatusListSet {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'integer' })
  size!: number;

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
