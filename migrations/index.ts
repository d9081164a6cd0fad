import { InitialSchema1763884800000 } from './1763884800000-initial-schema';

/** Every migration, in order. Listed by hand so that builds and tests load the same set. */
export const migrations = [InitialSchema1763884800000];
