import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated } from '@magix/common';
import { IssuedCredential, JSONScalar } from '@magix/issuance';
import { Learner } from '@magix/learners';
import { DegreeService } from './degree.service';
import { PathwayProgressType, PathwayRulesVersionType, SetPathwayRulesInput } from './dto/pathway.types';
import { DecideRecognitionInput, ResolveDegreeReviewInput } from './dto/recognition.inputs';
import { DegreeAward, Recognition, RecognitionStatus } from './pathway.entities';
import { PathwayProgressService } from './pathway-progress.service';
import { PathwayRulesService } from './pathway-rules.service';
import { RecognitionService } from './recognition.service';

const RecognitionPage = Paginated(Recognition);

@Resolver()
export class PathwaysResolver {
  constructor(
    private readonly rules: PathwayRulesService,
    private readonly progress: PathwayProgressService,
    private readonly recognition: RecognitionService,
  ) {}

  @Query(() => PathwayRulesVersionType, { description: 'The degree rules in force for an edition' })
  pathwayRules(@Args('editionId', { type: () => ID }) editionId: string) {
    return this.rules.current(editionId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => PathwayRulesVersionType, {
    description: 'Set an edition’s degree rules (a new version); contradictory rules are refused',
  })
  setPathwayRules(@Args('input') input: SetPathwayRulesInput, @CurrentUser() user: Principal) {
    return this.rules.set(input.editionId, input.rules, user.userId);
  }

  @Roles(Role.ADMIN, Role.LEARNER)
  @Query(() => PathwayProgressType, { description: 'Progress toward the joint degree, group by group, and what is missing' })
  pathwayProgress(@Args('learnerId', { type: () => ID }) learnerId: string, @CurrentUser() user: Principal) {
    return this.progress.forLearner(learnerId, user);
  }

  @Roles(Role.LEARNER)
  @Query(() => PathwayProgressType, { description: 'Your progress toward the joint degree' })
  myPathwayProgress(@CurrentUser() user: Principal) {
    return this.progress.forLearner(user.learnerId!, user);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => Recognition, {
    description:
      'Hand in a credential earned elsewhere (JSON-LD or VC-JOSE); it is verified now. It must be yours: its subject is your DID ' +
      'or its OB identifier your email — or hand in a Verifiable Presentation of that one credential, signed by a key that controls ' +
      'its subject (your wallet), with your learner id as its challenge. A credential counts once, and never for a module you hold',
  })
  submitRecognition(
    @Args('credential', { type: () => JSONScalar }) credential: unknown,
    @CurrentUser() user: Principal,
    @Args('moduleCode', { nullable: true, description: 'The MAGIX module it should count as, if any' }) moduleCode?: string,
  ) {
    return this.recognition.submit(credential, user, moduleCode);
  }

  @Query(() => RecognitionPage, { description: 'LEARNER: your requests; staff: everyone’s' })
  recognitions(
    @CurrentUser() user: Principal,
    @Args() page: PageArgs,
    @Args('status', { type: () => RecognitionStatus, nullable: true }) status?: RecognitionStatus,
  ) {
    return this.recognition.list(user, page, status);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => Recognition, { description: 'Approve (with ECTS and group, within the cap) or reject a recognition request' })
  decideRecognition(@Args('input') input: DecideRecognitionInput, @CurrentUser() user: Principal) {
    return this.recognition.decide(input, user);
  }
}

@Resolver(() => DegreeAward)
export class DegreesResolver {
  constructor(private readonly degrees: DegreeService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => DegreeAward, {
    description:
      'Award the joint degree to an eligible learner admitted to it (NOT_ADMITTED_TO_DEGREE otherwise). Once: a repeat returns the ' +
      'award in force; after its credential is revoked, a new credential is issued that names the old one (replacesCredentialId)',
  })
  issueDegree(@Args('learnerId', { type: () => ID }) learnerId: string, @CurrentUser() user: Principal) {
    return this.degrees.issue(learnerId, user.userId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => DegreeAward, { description: 'Decide on a degree flagged for review: keep it or revoke it' })
  resolveDegreeReview(@Args('input') input: ResolveDegreeReviewInput, @CurrentUser() user: Principal) {
    return this.degrees.resolveReview(input.degreeAwardId, input.revoke, input.reason, user.userId);
  }

  @Roles(Role.ADMIN)
  @Query(() => [DegreeAward], { description: 'Degrees awaiting the programme office’s review' })
  degreesToReview() {
    return this.degrees.toReview();
  }

  @ResolveField(() => IssuedCredential)
  credential(@Parent() award: DegreeAward, @Context() context: GraphQLContext) {
    return context.loaders.byId(IssuedCredential).load(award.credentialId);
  }

  @ResolveField(() => Learner)
  learner(@Parent() award: DegreeAward, @Context() context: GraphQLContext) {
    return context.loaders.byId(Learner).load(award.learnerId);
  }
}
