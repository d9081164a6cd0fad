import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { SECRETS, Secrets } from '@magix/config';
import { generateIssuerKey, IssuerDirectory, IssuerKeyMaterial, IssuerRecord, KeyVault } from '@magix/credentials';
import { Clock } from '@magix/common';
import { IssuerKey } from './issuer-key.entity';
import { Organisation, OrganisationKind } from './organisation.entity';
import { noSigningIdentity } from './organisations.errors';

export interface SigningIdentity {
  organisation: Organisation;
  key: IssuerKeyMaterial;
}

/** One line of the consortium's trust registry. */
export interface TrustRegistryEntry extends IssuerRecord {
  organisationShortName: string;
  active: boolean;
}

/**
 * The consortium HEIs' signing identities: creates and rotates them, opens them for signing inside
 * the server, and answers "was this DID trusted, and when?" for verification.
 */
@Injectable()
export class IssuerIdentityService implements IssuerDirectory {
  private readonly vault: KeyVault;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRETS) secrets: Secrets,
    private readonly clock: Clock,
  ) {
    this.vault = new KeyVault(secrets.masterKey);
  }

  async createIdentity(manager: EntityManager, organisationId: string, actorUserId: string | null): Promise<IssuerKey> {
    const material = await generateIssuerKey();
    const key = manager.create(IssuerKey, {
      organisationId,
      did: material.did,
      verificationMethod: material.verificationMethod,
      publicKeyMultibase: material.publicKeyMultibase,
      sealedSecretKey: this.vault.seal(material.secretKeyMultibase, material.did),
      active: true,
      validFrom: this.clock.now(),
    });
    await manager.insert(IssuerKey, key);
    await audit(manager, {
      action: AuditAction.ISSUER_KEY_CREATED,
      actorUserId,
      entityType: 'organisation',
      entityId: organisationId,
      details: { did: material.did },
    });
    return key;
  }

  /** Retires the active key (it keeps vouching for what it signed) and makes a new one. */
  async rotate(manager: EntityManager, organisationId: string, actorUserId: string | null): Promise<IssuerKey> {
    const current = await manager.findOne(IssuerKey, { where: { organisationId, active: true }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw noSigningIdentity(organisationId);
    await manager.update(IssuerKey, { id: current.id }, { active: false, retiredAt: this.clock.now() });
    await audit(manager, {
      action: AuditAction.ISSUER_KEY_ROTATED,
      actorUserId,
      entityType: 'organisation',
      entityId: organisationId,
      details: { retiredDid: current.did },
    });
    return this.createIdentity(manager, organisationId, actorUserId);
  }

  /** Distrusts what the key signed from `from` on; an active compromised key is also rotated out. */
  async reportCompromise(manager: EntityManager, key: IssuerKey, from: Date, reason: string, actorUserId: string): Promise<void> {
    await this.setCompromise(manager, key, from, reason, actorUserId);
    if (key.active) await this.rotate(manager, key.organisationId, actorUserId);
  }

  /** Withdraws a compromise report: the key vouches again for what it signed (a retired key stays retired). */
  async liftCompromise(manager: EntityManager, key: IssuerKey, reason: string, actorUserId: string): Promise<void> {
    await this.setCompromise(manager, key, null, reason, actorUserId);
  }

  /** Moves (or, with null, lifts) the compromise date, audited with the date it replaces. */
  private async setCompromise(manager: EntityManager, key: IssuerKey, from: Date | null, reason: string, actorUserId: string) {
    await manager.update(IssuerKey, { id: key.id }, { compromisedFrom: from, compromiseReason: from ? reason : null });
    await audit(manager, {
      action: AuditAction.ISSUER_KEY_COMPROMISED,
      actorUserId,
      entityType: 'organisation',
      entityId: key.organisationId,
      details: {
        did: key.did,
        compromisedFrom: from?.toISOString() ?? null,
        previousCompromisedFrom: key.compromisedFrom?.toISOString() ?? null,
        reason,
        ...(from ? {} : { lifted: true }),
      },
    });
  }

  /** The active key of an issuing HEI, opened for signing. */
  async signingIdentity(manager: EntityManager, organisationId: string): Promise<SigningIdentity> {
    const key = await this.sealedKeys(manager).where('k.organisationId = :organisationId AND k.active', { organisationId }).getOne();
    const organisation = await manager.findOneBy(Organisation, { id: organisationId });
    if (!key || !organisation) throw noSigningIdentity(organisationId);
    return { organisation, key: this.open(key) };
  }

  /** Any key of ours by its DID, opened, e.g. to give an older credential its VC-JOSE form. */
  async keyByDid(did: string): Promise<IssuerKeyMaterial | null> {
    const key = await this.sealedKeys(this.dataSource.manager).where('k.did = :did', { did }).getOne();
    return key ? this.open(key) : null;
  }

  async lookup(did: string): Promise<IssuerRecord | null> {
    return (await this.registry(did))[0] ?? null;
  }

  /** The consortium's issuer DIDs with their organisations and validity windows. */
  async registry(did?: string): Promise<TrustRegistryEntry[]> {
    const query = this.dataSource
      .createQueryBuilder(IssuerKey, 'k')
      .innerJoin(Organisation, 'o', 'o.id = k.organisationId')
      .select([
        'k.did AS did',
        'k.active AS active',
        'k.valid_from AS "validFrom"',
        'k.retired_at AS "retiredAt"',
        'k.compromised_from AS "compromisedFrom"',
        'o.id AS "organisationId"',
        'o.name AS name',
        'o.short_name AS "organisationShortName"',
        'o.country_code AS "countryCode"',
      ])
      .where('o.consortiumMember AND o.kind = :hei', { hei: OrganisationKind.HEI })
      .orderBy('o.name')
      .addOrderBy('k.valid_from');
    if (did) query.andWhere('k.did = :did', { did });
    return query.getRawMany<TrustRegistryEntry>();
  }

  private sealedKeys(manager: EntityManager) {
    return manager.createQueryBuilder(IssuerKey, 'k').addSelect('k.sealedSecretKey');
  }

  private open(key: IssuerKey): IssuerKeyMaterial {
    return {
      did: key.did,
      verificationMethod: key.verificationMethod,
      publicKeyMultibase: key.publicKeyMultibase,
      secretKeyMultibase: this.vault.open(key.sealedSecretKey, key.did),
    };
  }
}
