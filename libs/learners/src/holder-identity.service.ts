import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SECRETS, Secrets } from '@magix/config';
import { generateIssuerKey, IssuerKeyMaterial, KeyVault } from '@magix/credentials';
import { HolderKey } from './holder-key.entity';
import { Learner } from './learner.entity';

/**
 * Learners' identities as credential subjects: their own wallet DID when they registered one,
 * otherwise a did:key the platform keeps for them (sealed like issuer keys) to present on their behalf.
 */
@Injectable()
export class HolderIdentityService {
  private readonly vault: KeyVault;

  constructor(@Inject(SECRETS) secrets: Secrets) {
    this.vault = new KeyVault(secrets.masterKey);
  }

  async subjectDid(manager: EntityManager, learner: Learner): Promise<string> {
    return learner.walletDid ?? (await this.platformKey(manager, learner.id)).did;
  }

  /**
   * `subjectDid` for many learners at once (a cohort's chunk): one read, the missing platform keys
   * generated and written by one INSERT, one read of what won (concurrent first uses agree).
   */
  async subjectDids(manager: EntityManager, learners: Learner[]): Promise<Map<string, string>> {
    const dids = new Map<string, string>();
    const needKeys = [...new Set(learners.filter((l) => !l.walletDid).map((l) => l.id))];
    for (const l of learners) if (l.walletDid) dids.set(l.id, l.walletDid);
    if (needKeys.length === 0) return dids;
    const read = async (ids: string[]) => {
      const rows = await manager.query<Array<{ learner_id: string; did: string }>>(
        'SELECT learner_id, did FROM holder_key WHERE learner_id = ANY($1::uuid[])',
        [ids],
      );
      for (const row of rows) dids.set(row.learner_id, row.did);
    };
    await read(needKeys);
    const missing = needKeys.filter((id) => !dids.has(id));
    if (missing.length === 0) return dids;
    const keys = await Promise.all(missing.map(() => generateIssuerKey()));
    const values = missing.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`);
    await manager.query(
      `INSERT INTO holder_key (learner_id, did, verification_method, public_key_multibase, sealed_secret_key)
       VALUES ${values.join(', ')} ON CONFLICT (learner_id) DO NOTHING`,
      missing.flatMap((id, i) => [
        id,
        keys[i].did,
        keys[i].verificationMethod,
        keys[i].publicKeyMultibase,
        this.vault.seal(keys[i].secretKeyMultibase, keys[i].did),
      ]),
    );
    await read(missing);
    return dids;
  }

  /** The platform-held key, created on first use; concurrent first uses agree on one key. */
  async platformKey(manager: EntityManager, learnerId: string): Promise<IssuerKeyMaterial> {
    const existing = await this.load(manager, learnerId);
    if (existing) return existing;
    const material = await generateIssuerKey();
    await manager.query(
      `INSERT INTO holder_key (learner_id, did, verification_method, public_key_multibase, sealed_secret_key)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (learner_id) DO NOTHING`,
      [
        learnerId,
        material.did,
        material.verificationMethod,
        material.publicKeyMultibase,
        this.vault.seal(material.secretKeyMultibase, material.did),
      ],
    );
    return (await this.load(manager, learnerId))!;
  }

  /**
   * Who else may present a credential issued to `subjectDid`: the learner's registered wallet when
   * it is the key the platform holds for them, and that key when it is the wallet of exactly one
   * learner (a wallet DID is registered unproven, so a shared one vouches for nobody).
   */
  async presentersOf(manager: EntityManager, subjectDid: string): Promise<string[]> {
    const rows = await manager.query<Array<{ did: string }>>(
      `SELECT l.wallet_did AS did FROM holder_key h JOIN learner l ON l.id = h.learner_id WHERE h.did = $1 AND l.wallet_did IS NOT NULL
       UNION
       SELECT h.did FROM learner l JOIN holder_key h ON h.learner_id = l.id
        WHERE l.wallet_did = $1 AND (SELECT count(*) FROM learner w WHERE w.wallet_did = $1) = 1`,
      [subjectDid],
    );
    return rows.map((row) => row.did);
  }

  private async load(manager: EntityManager, learnerId: string): Promise<IssuerKeyMaterial | null> {
    const key = await manager
      .createQueryBuilder(HolderKey, 'h')
      .addSelect('h.sealedSecretKey')
      .where('h.learnerId = :learnerId', { learnerId })
      .getOne();
    if (!key) return null;
    return {
      did: key.did,
      verificationMethod: key.verificationMethod,
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: this.vault.open(key.sealedSecretKey, key.did),
    };
  }
}
