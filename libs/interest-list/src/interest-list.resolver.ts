import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ClientAddress, Public } from '@magix/auth';
import { InterestListAnswer, JoinInterestListInput } from './dto/interest-list.inputs';
import { InterestListService } from './interest-list.service';

@Resolver()
export class InterestListResolver {
  constructor(private readonly interestList: InterestListService) {}

  @Public()
  @Mutation(() => InterestListAnswer, {
    description: 'Join the interest list (no account): one mail when an edition opens. The same answer whether or not already on it',
  })
  async joinInterestList(@Args('input') input: JoinInterestListInput, @ClientAddress() address: string): Promise<InterestListAnswer> {
    return { message: await this.interestList.join(input, address) };
  }

  @Public()
  @Mutation(() => InterestListAnswer, { description: 'Leave the interest list with the token of a mail’s leave link' })
  async leaveInterestList(@Args('token') token: string, @ClientAddress() address: string): Promise<InterestListAnswer> {
    return { message: await this.interestList.leave(token, address) };
  }
}
