import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ClientAddress, CurrentUser, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import { ChangePasswordInput, UserIdArgs } from './dto/account.inputs';
import { AuthPayload, LoginInput } from './dto/login.input';
import { Principal, Role } from './role';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Exchange an email and password for an access token; repeated failures lock the account and the address for a while',
  })
  login(@Args('input') input: LoginInput, @ClientAddress() address: string): Promise<AuthPayload> {
    return this.auth.login(input.email, input.password, address);
  }

  @Mutation(() => AuthPayload, { description: 'Change your own password: every earlier access token stops working; a new one is returned' })
  changePassword(
    @Args('input') input: ChangePasswordInput,
    @CurrentUser() principal: Principal,
    @ClientAddress() address: string,
  ): Promise<AuthPayload> {
    return this.auth.changePassword(principal, input.currentPassword, input.newPassword, address);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'The account can no longer sign in, and its access tokens stop working at once' })
  disableUser(@Args() args: UserIdArgs, @CurrentUser() principal: Principal): Promise<User> {
    return this.auth.setDisabled(principal, args.userId, true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, { description: 'A disabled account can sign in again (its old tokens stay invalid)' })
  enableUser(@Args() args: UserIdArgs, @CurrentUser() principal: Principal): Promise<User> {
    return this.auth.setDisabled(principal, args.userId, false);
  }

  @Query(() => User, { description: 'The signed-in account' })
  me(@CurrentUser() principal: Principal): Promise<User> {
    return this.auth.me(principal);
  }
}
