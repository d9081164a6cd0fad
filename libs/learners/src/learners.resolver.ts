import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ClientAddress, CurrentUser, Principal, Public, Role, Roles } from '@magix/auth';
import { GraphQLContext, PageArgs, Paginated } from '@magix/common';
import { Organisation } from '@magix/organisations';
import { CreateLearnerInput, LearnerFilter, RegisterLearnerInput, SetPreferredLanguageInput } from './dto/learner.inputs';
import { Learner } from './learner.entity';
import { LearnersService } from './learners.service';

const LearnerPage = Paginated(Learner);

@Resolver(() => Learner)
export class LearnersResolver {
  constructor(private readonly service: LearnersService) {}

  @Query(() => LearnerPage, { description: 'ADMIN: all; ISSUER: those enrolled with your HEI; LEARNER: yourself' })
  learners(@Args() filter: LearnerFilter, @Args() page: PageArgs, @CurrentUser() user: Principal) {
    return this.service.list(filter, page, user);
  }

  @Roles(Role.LEARNER)
  @Query(() => Learner, { description: 'The signed-in learner’s profile' })
  myProfile(@CurrentUser() user: Principal) {
    return this.service.self(user);
  }

  @Roles(Role.LEARNER)
  @Mutation(() => Learner, { description: 'The language MAGIX writes your mails in: en, es, it, de or et' })
  setMyPreferredLanguage(@Args('input') input: SetPreferredLanguageInput, @CurrentUser() user: Principal) {
    return this.service.setPreferredLanguage(user, input.language);
  }

  @Public()
  @Mutation(() => Learner, {
    description:
      'Sign up as a learner, to apply to the programme or a module; then sign in with login. EMAIL_TAKEN if any account has the email',
  })
  registerLearner(@Args('input') input: RegisterLearnerInput, @ClientAddress() address: string) {
    return this.service.register(input, address);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Learner)
  createLearner(@Args('input') input: CreateLearnerInput) {
    return this.service.create(input);
  }

  @ResolveField(() => Organisation, { nullable: true })
  employer(@Parent() learner: Learner, @Context() context: GraphQLContext) {
    return learner.employerId ? context.loaders.byId(Organisation).load(learner.employerId) : null;
  }
}
