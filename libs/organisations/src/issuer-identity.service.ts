import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { audit, AuditAction } from '@magix/audit';
import { SECRETS, Secrets } from '@magix/config';
import { generateIssuerKey, IssuerDirectory, IssuerKeyMaterial, KeyVault, TrustedIssuer } from '@magix/credentials';
import { IssuerKey } from './issuer-key.entity';
import { Organisation, OrganisationKind } from './organisation.entity';
import { noSigningIdentity } from './organisations.errors';

export interface SigningIdentity {
  organisation: Organisation;
  key: IssuerKeyMaterial;
}

/**
 * The consortium HEIs' signing identities: creates them, opens them for signing inside the
 * server, and answers "is this DID one of ours?" for verification.
 */
@Injectable()
export class IssuerIdentityService implements IssuerDirectory {
  private readonly vault: KeyVault;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SECRETS) secrets: Secrets,
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

  /** The active key of an issuing HEI, opened for signing. */
  async signingIdentity(manager: EntityManager, organisationId: string): Promise<SigningIdentity> {
    const key = await manager
      .createQueryBuilder(IssuerKey, 'k')
      .addSelect('k.sealedSecretKey')
      .where('k.organisationId = :organisationId AND k.active', { organisationId })
      .getOne();
    const organisation = await manager.findOneBy(Organisation, { id: organisationId });
    if (!key || !organisation) throw noSigningIdentity(organisationId);
    return {
      organisation,
      key: {
        did: key.did,
        verificationMethod: key.verificationMethod,
        publicKeyMultibase: key.publicKeyMultibase,
        secretKeyMultibase: this.vault.open(key.sealedSecretKey, key.did),
      },
    };
  }

  async findTrusted(did: string): Promise<TrustedIssuer | null> {
    const row = await this.dataSource
      .createQueryBuilder(IssuerKey, 'k')
      .innerJoin(Organisation, 'o', 'o.id = k.organisationId')
      .select(['k.did AS did', 'o.name AS name', 'o.country_code AS "countryCode"'])
      .where('k.did = :did AND o.consortiumMember AND o.kind = :hei', { did, hei: OrganisationKind.HEI })
      .getRawOne<TrustedIssuer>();
    return row ?? null;
  }
}
