import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  /** The programme office. */
  ADMIN = 'ADMIN',
  /** Staff of one partner organisation. */
  ISSUER = 'ISSUER',
  LEARNER = 'LEARNER',
}
registerEnumType(Role, { name: 'Role' });

/** Who is calling, as the access token says. */
export interface Principal {
  userId: string;
  role: Role;
  organisationId: string | null;
  learnerId: string | null;
}
