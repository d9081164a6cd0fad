import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An HEI's signing identity. The secret key is sealed under the master key; never selected by default. */
@Entity('issuer_key')
export class IssuerKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column()
  did!: string;

  @Column({ name: 'verification_method' })
  verificationMethod!: string;

  @Column({ name: 'public_key_multibase' })
  publicKeyMultibase!: string;

  @Column({ name: 'sealed_secret_key', select: false })
  sealedSecretKey!: string;

  @Column()
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
