import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ClientAddress, Public } from '@magix/auth';
import { InterestListAnswer, JoinInterestListInput } from './dto/interest-list.inputs';
import { InterestListService } from './interest-list.service';

@Resolver()
export class InterestListResolver {
  constructor(private readonly interestList: InterestListService) {}

  @Public()
  @Mutation(() => InterestListAnswer, {
    description:
      'Ask to join the interest list (no account): a PENDING membership and one mail with a confirmation link (at most one an hour); once confirmed, one mail when an edition opens. The same answer whether or not already on it',
  })
  async joinInterestList(@Args('input') input: JoinInterestListInput, @ClientAddress() address: string): Promise<InterestListAnswer> {
    return { message: await this.interestList.join(input, address) };
  }

  @Public()
  @Mutation(() => InterestListAnswer, {
    description:
      'Confirm a membership with the token of the confirmation mail’s link. A wrong or used token changes nothing and gets the same answer',
  })
  async confirmInterestList(@Args('token') token: string, @ClientAddress() address: string): Promise<InterestListAnswer> {
    return { message: await this.interestList.confirm(token, address) };
  }

  @Public()
  @Mutation(() => InterestListAnswer, { description: 'Leave the interest list with the token of a mail’s leave link' })
  async leaveInterestList(@Args('token') token: string, @ClientAddress() address: string): Promise<InterestListAnswer> {
    return { message: await this.interestList.leave(token, address) };
  }
}
