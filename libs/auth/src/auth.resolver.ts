import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { AuthPayload, LoginInput } from './dto/login.input';
import { Principal } from './role';
import { User } from './user.entity';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchange an email and password for an access token' })
  login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.auth.login(input.email, input.password);
  }

  @Query(() => User, { description: 'The signed-in account' })
  me(@CurrentUser() principal: Principal): Promise<User> {
    return this.auth.me(principal);
  }
}
