import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { Learner } from '@magix/learners';
import { Edition } from '@magix/programme';
import { Organisation } from '@magix/organisations';
import { Application, ApplicationDocument, ApplicationDocumentInfo, DocumentKind, ReviewBatch } from './admission.entities';
import { ApplicationsService } from './applications.service';
import { ApplicationFilter, ApplyInput, DecideApplicationInput, OpenBatchInput, SetDegreeIntakeInput } from './dto/admission.inputs';
import { PlacesService } from './places.service';
import { ReviewBatchesService } from './review-batches.service';

const ApplicationPage = Paginated(Application);

@Resolver(() => Application)
export class AdmissionsResolver {
  constructor(
    private readonly service: ApplicationsService,
    private readonly batches: ReviewBatchesService,
    private readonly places: PlacesService,
  ) {}

  @Roles(Role.LEARNER)
  @Mutation(() => Application, {
    description:
      'Apply to the degree programme, or to one module offering, with your profile; then upload your CV (POST /applications/{id}/cv) and, unless given as text, your motivation letter (POST /applications/{id}/motivation)',
  })
  apply(@Args('input') input: ApplyInput, @CurrentUser() user: Principal) {
    return this.service.apply(input, user);
  }

  @Query(() => ApplicationPage, { description: 'LEARNER: yours; ISSUER: those to your HEI’s offerings; ADMIN: all' })
  applications(@Args() filter: ApplicationFilter, @Args() page: PageArgs, @CurrentUser() user: Principal) {
    return this.service.list(filter, page, user);
  }

  @Query(() => Application)
  application(@Args('id', { type: () => ID }) id: string, @CurrentUser() user: Principal) {
    return this.service.visible(id, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => ReviewBatch, { description: 'Open a review batch with every application submitted since the last cut-off' })
  openReviewBatch(@Args('input') input: OpenBatchInput, @CurrentUser() user: Principal) {
    return this.batches.open(input.offeringId, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => Application, { description: 'ACCEPTED, RESERVE (ranked) or REJECTED, with a reason' })
  decideApplication(@Args('input') input: DecideApplicationInput, @CurrentUser() user: Principal) {
    return this.batches.decide(input, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => ReviewBatch, { description: 'Close the batch and send every applicant the decision (closing twice changes nothing)' })
  closeReviewBatch(@Args('batchId', { type: () => ID }) batchId: string, @CurrentUser() user: Principal) {
    return this.batches.close(batchId, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Edition, {
    description: 'Set an edition’s degree intake: its degree places and application window; added places go to the reserve list',
  })
  setDegreeIntake(@Args('input') input: SetDegreeIntakeInput, @CurrentUser() user: Principal) {
    return this.places.setDegreeIntake(input, user);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => Application, {
    description:
      'Take an offered module place: you are enrolled. A degree place is taken by registering at UPM’s official registration system (REGISTER_AT_UPM here); the programme office then confirms it',
  })
  acceptOffer(@Args('applicationId', { type: () => ID }) applicationId: string, @CurrentUser() user: Principal) {
    return this.places.acceptOffer(applicationId, user);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => Application, { description: 'Decline an offered place, or an admission to the degree: it goes to the reserve list' })
  declineOffer(@Args('applicationId', { type: () => ID }) applicationId: string, @CurrentUser() user: Principal) {
    return this.places.decline(applicationId, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Application, {
    description:
      'The programme office confirms that an admitted degree applicant registered at UPM: ENROLLED, with a welcome mail (confirming again changes nothing)',
  })
  confirmDegreeRegistration(@Args('applicationId', { type: () => ID }) applicationId: string, @CurrentUser() user: Principal) {
    return this.places.confirmDegreeRegistration(applicationId, user);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => Application, { description: 'Withdraw an application, or the enrolment it led to before the offering starts' })
  withdrawApplication(@Args('applicationId', { type: () => ID }) applicationId: string, @CurrentUser() user: Principal) {
    return this.places.withdraw(applicationId, user);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Int, { description: 'Pass expired offers to the reserve list now (the server also does this every minute)' })
  processExpiredOffers() {
    return this.places.processExpiredOffers();
  }

  @ResolveField(() => Learner)
  learner(@Parent() application: Application, @Context() context: GraphQLContext) {
    return context.loaders.byId(Learner).load(application.learnerId);
  }

  @ResolveField(() => Offering, { nullable: true })
  offering(@Parent() application: Application, @Context() context: GraphQLContext) {
    return application.offeringId ? context.loaders.byId(Offering).load(application.offeringId) : null;
  }

  @ResolveField(() => Edition, { nullable: true, description: 'The intake a degree application applies to' })
  edition(@Parent() application: Application, @Context() context: GraphQLContext) {
    return application.editionId ? context.loaders.byId(Edition).load(application.editionId) : null;
  }

  @ResolveField(() => ApplicationDocumentInfo, { nullable: true, description: 'The CV, once uploaded (needed to be accepted)' })
  cv(@Parent() application: Application, @Context() context: GraphQLContext) {
    return context.loaders.oneBy(ApplicationDocument, 'applicationId', { kind: DocumentKind.CV }).load(application.id);
  }

  @ResolveField(() => ApplicationDocumentInfo, {
    nullable: true,
    description: 'The motivation letter as a one-page PDF, once uploaded (POST /applications/{id}/motivation)',
  })
  motivationLetter(@Parent() application: Application, @Context() context: GraphQLContext) {
    return context.loaders.oneBy(ApplicationDocument, 'applicationId', { kind: DocumentKind.MOTIVATION }).load(application.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'An admission to the degree: where the place is taken (UPM’s official registration system); null otherwise',
  })
  registrationUrl(@Parent() application: Application) {
    return this.places.registrationUrlFor(application);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'PUBLIC_STAFF: the public employer named, when on the platform' })
  publicEmployer(@Parent() application: Application, @Context() context: GraphQLContext) {
    return application.publicEmployerId ? context.loaders.byId(Organisation).load(application.publicEmployerId) : null;
  }
}
