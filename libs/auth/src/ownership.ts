import { forbidden } from '@magix/common';
import { Principal, Role } from './role';

export const NOT_YOUR_ORGANISATION = 'NOT_YOUR_ORGANISATION';

/**
 * Row-level check for HEI staff: an ISSUER acts only for its own organisation. The programme
 * office (ADMIN) may act for any, where the use case allows it.
 *
 * @deprecated Ask AccessService (./access) instead: one rule per permission, checked in SQL for a
 * whole set of ids, answering NOT_FOUND for someone else's rows. Kept only for the callers not yet
 * moved (the results import, the signing keys).
 */
export function assertActsFor(principal: Principal, organisationId: string, options: { adminAllowed: boolean }): void {
  if (principal.role === Role.ADMIN && options.adminAllowed) return;
  if (principal.role === Role.ISSUER && principal.organisationId === organisationId) return;
  throw forbidden('You can act only for your own organisation', NOT_YOUR_ORGANISATION);
}
