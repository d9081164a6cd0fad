import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig, SECRETS, Secrets } from '@magix/config';
import { CommonErrorCode, DomainError, notFound } from '@magix/common';
import { signAccessToken } from './access-token';
import { AuthPayload } from './dto/login.input';
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hasher';
import { Principal } from './role';
import { principalOf, User } from './user.entity';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<AuthPayload> {
    const user = await this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
    // Compare against a dummy hash for unknown accounts: same work, same answer, same timing.
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!user || !valid) {
      throw new DomainError(CommonErrorCode.UNAUTHENTICATED, 'Wrong email or password', undefined, 401);
    }
    const principal = principalOf(user);
    const ttl = this.config.accessTokenTtlSeconds;
    return {
      accessToken: await signAccessToken(principal, this.secrets.jwtSecret, ttl),
      expiresAt: new Date(Date.now() + ttl * 1000),
      user,
    };
  }

  async me(principal: Principal): Promise<User> {
    const user = await this.users.findOneBy({ id: principal.userId });
    if (!user) throw notFound('Account');
    return user;
  }
}
