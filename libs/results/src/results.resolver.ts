import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { GraphQLContext } from '@magix/common';
import { Enrolment } from '@magix/enrolment';
import { IssuedCredential } from '@magix/issuance';
import { AssessmentResult } from './assessment-result.entity';
import { RecordResultInput, RecordResultPayload } from './dto/record-result.input';
import { ResultsService } from './results.service';

@Resolver(() => Enrolment)
export class ResultsResolver {
  constructor(private readonly results: ResultsService) {}

  @Roles(Role.ISSUER)
  @Mutation(() => RecordResultPayload, {
    description: 'Record an assessment result for an enrolment in your HEI’s module; a pass issues its credential, exactly once',
  })
  recordResult(@Args('input') input: RecordResultInput, @CurrentUser() user: Principal) {
    return this.results.record(input, user);
  }

  @ResolveField(() => AssessmentResult, { nullable: true })
  result(@Parent() enrolment: Enrolment, @Context() context: GraphQLContext) {
    return context.loaders.oneBy(AssessmentResult, 'enrolmentId').load(enrolment.id);
  }

  @ResolveField(() => IssuedCredential, { nullable: true, description: 'The credential issued for this enrolment’s result' })
  async credential(@Parent() enrolment: Enrolment, @Context() context: GraphQLContext) {
    const result = await context.loaders.oneBy(AssessmentResult, 'enrolmentId').load(enrolment.id);
    return result ? context.loaders.oneBy(IssuedCredential, 'resultId').load(result.id) : null;
  }
}
