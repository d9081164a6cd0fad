import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Public, Role, Roles } from '@magix/auth';
import { JSONScalar, PresentationVerificationResult } from '@magix/issuance';
import { Learner } from '@magix/learners';
import { PresentationRequestInput, PresentCredentialsInput, RegisterWalletInput } from './dto/presentation.inputs';
import { PresentationRequest } from './presentation-request.entity';
import { PresentationsService } from './presentations.service';

@Resolver()
export class PresentationsResolver {
  constructor(private readonly presentations: PresentationsService) {}

  @Public()
  @Mutation(() => PresentationRequest, {
    description: 'A verifier asks for a presentation: a one-time challenge for its domain, valid one hour',
  })
  requestPresentation(@Args('input') input: PresentationRequestInput) {
    return this.presentations.request(input.domain);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => JSONScalar, { description: 'Present chosen credentials for a request, signed with the key the platform holds for you' })
  presentCredentials(@Args('input') input: PresentCredentialsInput, @CurrentUser() user: Principal) {
    return this.presentations.present(input, user);
  }

  @Public()
  @Query(() => PresentationVerificationResult, {
    description:
      'Verify a presentation for the challenge (and domain) the verifier gave. A challenge from requestPresentation verifies once: the first presentation that verifies uses it up. Each credential must be the presenter’s (a HOLDER check per credential)',
  })
  verifyPresentation(
    @Args('presentation', { type: () => JSONScalar }) presentation: unknown,
    @Args('challenge') challenge: string,
    @Args('domain', { nullable: true }) domain?: string,
  ) {
    return this.presentations.verify(presentation, challenge, domain);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => Learner, { description: 'Register your wallet’s DID: credentials issued from now on name it as their subject' })
  registerWallet(@Args('input') input: RegisterWalletInput, @CurrentUser() user: Principal) {
    return this.presentations.registerWallet(input.did, user);
  }
}
