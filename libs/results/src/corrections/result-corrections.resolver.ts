import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Principal, Role, Roles } from '@magix/auth';
import { CorrectResultInput, CorrectResultPayload } from './correct-result.input';
import { ResultCorrectionsService } from './result-corrections.service';

@Resolver()
export class ResultCorrectionsResolver {
  constructor(private readonly corrections: ResultCorrectionsService) {}

  @Roles(Role.ISSUER)
  @Mutation(() => CorrectResultPayload, {
    description:
      'Correct a result your HEI recorded, with a reason (audited). Its credential is revoked as “superseded” and, for a pass, replaced by a new one; the two name each other (replacesCredentialId / supersededByCredentialId). The same correction again changes nothing (changed: false)',
  })
  correctResult(@Args('input') input: CorrectResultInput, @CurrentUser() user: Principal) {
    return this.corrections.correct(input, user);
  }
}
