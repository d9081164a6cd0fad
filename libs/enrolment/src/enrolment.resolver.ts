import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated } from '@magix/common';
import { Offering } from '@magix/catalogue';
import { Learner } from '@magix/learners';
import { EnrolInput, EnrolmentFilter } from './dto/enrolment.inputs';
import { Enrolment } from './enrolment.entity';
import { EnrolmentService } from './enrolment.service';

const EnrolmentPage = Paginated(Enrolment);

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  constructor(private readonly service: EnrolmentService) {}

  @Query(() => EnrolmentPage, { description: 'ADMIN: all; ISSUER: your HEI’s offerings; LEARNER: your own' })
  enrolments(@Args() filter: EnrolmentFilter, @Args() page: PageArgs, @CurrentUser() user: Principal) {
    return this.service.list(filter, page, user);
  }

  @Roles(Role.ADMIN, Role.ISSUER)
  @Mutation(() => Enrolment, { description: 'Enrol a learner in an offering of your HEI' })
  enrol(@Args('input') input: EnrolInput, @CurrentUser() user: Principal) {
    return this.service.enrol(input, user);
  }

  @ResolveField(() => Learner)
  learner(@Parent() enrolment: Enrolment, @Context() context: GraphQLContext) {
    return context.loaders.byId(Learner).load(enrolment.learnerId);
  }

  @ResolveField(() => Offering)
  offering(@Parent() enrolment: Enrolment, @Context() context: GraphQLContext) {
    return context.loaders.byId(Offering).load(enrolment.offeringId);
  }
}
