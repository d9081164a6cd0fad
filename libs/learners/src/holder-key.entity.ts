import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The did:key the platform holds for a learner without a wallet, to sign presentations for them. */
@Entity('holder_key')
export class HolderKey {
  @PrimaryColumn({ name: 'learner_id', type: 'uuid' })
  learnerId!: string;

  @Column()
  did!: string;

  @Column({ name: 'verification_method' })
  verificationMethod!: string;

  @Column({ name: 'public_key_multibase' })
  publicKeyMultibase!: string;

  @Column({ name: 'sealed_secret_key', select: false })
  sealedSecretKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
