import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Public, Role, Roles } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated, uuidParam } from '@magix/common';
import { Organisation } from '@magix/organisations';
import { CredentialState, IssuedCredential, JSONScalar, stateOf } from './credential.entity';
import { CredentialStatusService, StatusChange } from './credential-status.service';
import { CredentialsQueryService } from './credentials-query.service';
import { CredentialStatusInput } from './dto/status-change.input';
import { VerificationService } from './verification.service';
import { VerificationResult } from './verification.types';

const CredentialPage = Paginated(IssuedCredential);

@Resolver(() => IssuedCredential)
export class CredentialsResolver {
  constructor(
    private readonly credentials: CredentialsQueryService,
    private readonly verification: VerificationService,
    private readonly status: CredentialStatusService,
  ) {}

  @Public()
  @Query(() => VerificationResult, {
    description: 'Verify any credential — JSON, JSON text, or a VC-JOSE compact JWS — check by check',
  })
  verifyCredential(@Args('credential', { type: () => JSONScalar }) credential: unknown): Promise<VerificationResult> {
    return this.verification.credential(credential);
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
  credential(@Args('id', { type: () => ID }, uuidParam()) id: string, @CurrentUser() user: Principal) {
    return this.credentials.one(id, user);
  }

  @Roles(Role.ISSUER)
  @Mutation(() => IssuedCredential, { description: 'Revoke a credential your HEI issued. Final.' })
  revokeCredential(@Args('input') input: CredentialStatusInput, @CurrentUser() user: Principal) {
    return this.status.change(input.id, StatusChange.REVOKE, input.reason, user);
  }

  @Roles(Role.ISSUER)
  @Mutation(() => IssuedCredential, { description: 'Suspend a credential your HEI issued, until reinstated' })
  suspendCredential(@Args('input') input: CredentialStatusInput, @CurrentUser() user: Principal) {
    return this.status.change(input.id, StatusChange.SUSPEND, input.reason, user);
  }

  @Roles(Role.ISSUER)
  @Mutation(() => IssuedCredential, { description: 'Lift a suspension' })
  reinstateCredential(@Args('input') input: CredentialStatusInput, @CurrentUser() user: Principal) {
    return this.status.change(input.id, StatusChange.REINSTATE, input.reason, user);
  }

  @ResolveField(() => CredentialState)
  state(@Parent() credential: IssuedCredential): CredentialState {
    return stateOf(credential);
  }

  @ResolveField(() => JSONScalar, { description: 'The signed credential as issued' })
  document(@Parent() credential: IssuedCredential): unknown {
    return JSON.parse(credential.json);
  }

  @ResolveField(() => String, { description: 'The signed credential, byte for byte as issued' })
  json(@Parent() credential: IssuedCredential): string {
    return credential.json;
  }

  @ResolveField(() => String, { description: 'The same credential secured as VC-JOSE (application/vc+jwt), by the same issuer key' })
  jwt(@Parent() credential: IssuedCredential): Promise<string> {
    return this.credentials.jwtOf(credential);
  }

  @ResolveField(() => Organisation)
  issuer(@Parent() credential: IssuedCredential, @Context() context: GraphQLContext) {
    return context.loaders.byId(Organisation).load(credential.issuerOrganisationId);
  }
}
