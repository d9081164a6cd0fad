import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { GraphQLContext } from '@magix/common';
import { Enrolment } from '@magix/enrolment';
import { IssuedCredential } from '@magix/issuance';
import { AssessmentResult } from './assessment-result.entity';
import { RecordResultInput, RecordResultPayload } from './dto/record-result.input';
import { ResultsService } from './results.service';

/** The results of an enrolment, every attempt and correction kept, first recorded first. */
const history = (enrolment: Enrolment, context: GraphQLContext) =>
  context.loaders.manyBy(AssessmentResult, 'enrolmentId', { attempt: 'ASC', recordedAt: 'ASC' }).load(enrolment.id);

/** The result in force of the latest attempt. */
async function resultInForce(enrolment: Enrolment, context: GraphQLContext): Promise<AssessmentResult | null> {
  const inForce = (await history(enrolment, context)).filter((r) => r.supersededAt === null);
  return inForce[inForce.length - 1] ?? null;
}

@Resolver(() => Enrolment)
export class ResultsResolver {
  constructor(private readonly results: ResultsService) {}

  @Roles(Role.ISSUER)
  @Mutation(() => RecordResultPayload, {
    description:
      'Record an assessment result for an enrolment in your HEI’s module — the first attempt, or with `attempt` a resit after a fail; a pass issues its credential, exactly once',
  })
  recordResult(@Args('input') input: RecordResultInput, @CurrentUser() user: Principal) {
    return this.results.record(input, user);
  }

  @ResolveField(() => AssessmentResult, { nullable: true, description: 'The result in force of the latest attempt' })
  result(@Parent() enrolment: Enrolment, @Context() context: GraphQLContext) {
    return resultInForce(enrolment, context);
  }

  @ResolveField(() => [AssessmentResult], {
    description:
      'Every attempt and every correction, first recorded first: a corrected result has supersededAt, its successor replacesResultId',
  })
  attempts(@Parent() enrolment: Enrolment, @Context() context: GraphQLContext) {
    return history(enrolment, context);
  }

  @ResolveField(() => IssuedCredential, { nullable: true, description: 'The credential issued for the result in force' })
  async credential(@Parent() enrolment: Enrolment, @Context() context: GraphQLContext) {
    const result = await resultInForce(enrolment, context);
    return result ? context.loaders.oneBy(IssuedCredential, 'resultId').load(result.id) : null;
  }
}
