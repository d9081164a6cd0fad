import { InitialSchema1763884800000 } from './1763884800000-initial-schema';
import { CredentialLifecycle1763971200000 } from './1763971200000-credential-lifecycle';

/** Every migration, in order. Listed by hand so that builds and tests load the same set. */
export const migrations = [InitialSchema1763884800000, CredentialLifecycle1763971200000];
