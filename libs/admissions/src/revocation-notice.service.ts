import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, DomainEvents } from '@magix/common';
import type { IssuedCredential } from '@magix/issuance';
import { credentialRevokedLetter } from './letters';
import { PlacesService } from './places.service';

/** The name a person knows the credential by: its achievement's, else the credential's own. */
export function credentialName(credential: Pick<IssuedCredential, 'json' | 'kind'>): string {
  try {
    const document = JSON.parse(credential.json) as { name?: unknown; credentialSubject?: { achievement?: { name?: unknown } } };
    const name = document.credentialSubject?.achievement?.name ?? document.name;
    if (typeof name === 'string' && name.trim()) return name.trim();
  } catch {
    // A stored credential is JSON; if not, the kind still says what it was.
  }
  return `${credential.kind.toLowerCase()} credential`;
}

/**
 * The learner is told when one of their credentials is revoked: which one, why, when, and the
 * link to it. The mail is queued in the outbox inside the revoking transaction ('credential.revoked'
 * is emitted once per credential), so it exists exactly when the revocation does.
 */
@Injectable()
export class RevocationNoticeService implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly places: PlacesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('credential.revoked', (manager, { credential, reason }) => this.tell(manager, credential, reason));
  }

  private async tell(manager: EntityManager, credential: IssuedCredential, reason: string): Promise<void> {
    // A credential issued through the VC-API to a subject outside the platform has no learner to tell.
    if (!credential.learnerId) return;
    const notice = {
      id: credential.id,
      name: credentialName(credential),
      issuedAt: credential.issuedAt,
      revokedAt: credential.revokedAt ?? this.clock.now(),
      reason,
    };
    await this.places.notify(manager, credential.learnerId, (reader) => credentialRevokedLetter(reader, this.places.links, notice));
  }
}
