import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { CurrentUser, Principal, Public, Role, Roles } from '@magix/auth';
import { badInput, GraphQLContext, PageArgs, Paginated } from '@magix/common';
import { verifyCredential } from '@magix/credentials';
import { IssuerIdentityService, Organisation } from '@magix/organisations';
import { IssuedCredential, JSONScalar } from './credential.entity';
import { CredentialsQueryService } from './credentials-query.service';
import { VerificationResult } from './verification.types';

const CredentialPage = Paginated(IssuedCredential);
const uuid = new ParseUUIDPipe({ exceptionFactory: () => badInput('id', 'id must be a UUID') });

@Resolver(() => IssuedCredential)
export class CredentialsResolver {
  constructor(
    private readonly credentials: CredentialsQueryService,
    private readonly issuers: IssuerIdentityService,
  ) {}

  @Public()
  @Query(() => VerificationResult, {
    description: 'Verify any credential, as JSON or as text: signature, issuer, validity period, data model',
  })
  verifyCredential(@Args('credential', { type: () => JSONScalar }) credential: unknown): Promise<VerificationResult> {
    return verifyCredential(credential, this.issuers);
  }

  @Roles(Role.LEARNER)
  @Query(() => CredentialPage, { description: 'The signed-in learner’s credentials, newest first' })
  myCredentials(@CurrentUser() user: Principal, @Args() page: PageArgs) {
    return this.credentials.mine(user, page);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Query(() => CredentialPage, { description: 'ADMIN: all credentials; ISSUER: those your HEI issued' })
  issuedCredentials(@CurrentUser() user: Principal, @Args() page: PageArgs) {
    return this.credentials.list(user, page);
  }

  @Query(() => IssuedCredential)
  credential(@Args('id', { type: () => ID }, uuid) id: string, @CurrentUser() user: Principal) {
    return this.credentials.one(id, user);
  }

  @ResolveField(() => JSONScalar, { description: 'The signed credential as issued' })
  document(@Parent() credential: IssuedCredential): unknown {
    return JSON.parse(credential.json);
  }

  @ResolveField(() => String, { description: 'The signed credential, byte for byte as issued' })
  json(@Parent() credential: IssuedCredential): string {
    return credential.json;
  }

  @ResolveField(() => Organisation)
  issuer(@Parent() credential: IssuedCredential, @Context() context: GraphQLContext) {
    return context.loaders.byId(Organisation).load(credential.issuerOrganisationId);
  }
}
