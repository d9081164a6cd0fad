import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { APP_CONFIG, AppConfig, SECRETS, Secrets } from '@magix/config';
import { badInput, Clock, CommonErrorCode, DomainError, notFound } from '@magix/common';
import { signAccessToken, verifyAccessToken } from './access-token';
import { AuthPayload } from './dto/login.input';
import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { Principal } from './role';
import { ACCOUNT_LOGIN_POLICY, ADDRESS_LOGIN_POLICY } from './throttle/throttle-policy';
import { ThrottleService } from './throttle/throttle.service';
import { principalOf, User } from './user.entity';

const unauthenticated = (message: string) => new DomainError(CommonErrorCode.UNAUTHENTICATED, message, undefined, 401);
const SIGN_IN_FIRST = 'Sign in first: a valid bearer access token is required';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: ThrottleService,
    private readonly clock: Clock,
  ) {}

  async login(email: string, password: string, clientAddress: string): Promise<AuthPayload> {
    // Counted first, per account and per address, so a refusal costs no hashing and parallel
    // guesses cannot slip past the limit. Unknown emails are counted the same: the answer does not tell.
    await this.throttle.hit(
      [
        { policy: ACCOUNT_LOGIN_POLICY, subject: email },
        { policy: ADDRESS_LOGIN_POLICY, subject: clientAddress },
      ],
      'Too many sign-in attempts: try again later',
    );
    const user = await this.byEmail(email);
    // Compare against a dummy hash for unknown accounts: same work, same answer, same timing.
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
    if (!user || !valid) throw unauthenticated('Wrong email or password');
    await this.forgiveAttempt(email, clientAddress);
    if (user.disabledAt) throw unauthenticated('This account is disabled');
    return this.issue(user);
  }

  /** The signed-in user's own password; every earlier token of the account stops working. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, clientAddress: string): Promise<AuthPayload> {
    const user = await this.users.findOneBy({ id: principal.userId });
    if (!user) throw unauthenticated(SIGN_IN_FIRST);
    // A stolen token must not become a way to guess the password: the same counters as login.
    await this.throttle.hit(
      [
        { policy: ACCOUNT_LOGIN_POLICY, subject: user.email },
        { policy: ADDRESS_LOGIN_POLICY, subject: clientAddress },
      ],
      'Too many password attempts: try again later',
    );
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw badInput('input.currentPassword', 'currentPassword is not the password of this account');
    }
    await this.forgiveAttempt(user.email, clientAddress);
    assertAcceptablePassword('input.newPassword', newPassword, [user.email]);
    const passwordHash = await hashPassword(newPassword);
    await this.users
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash, tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id: user.id })
      .execute();
    return this.issue(await this.users.findOneByOrFail({ id: user.id }));
  }

  /** ADMIN: the account can no longer sign in, and its tokens stop working at once. */
  async setDisabled(principal: Principal, userId: string, disabled: boolean): Promise<User> {
    if (disabled && userId === principal.userId) throw badInput('userId', 'You cannot disable your own account');
    const result = await this.users
      .createQueryBuilder()
      .update(User)
      .set(disabled ? { disabledAt: this.clock.now(), tokenVersion: () => 'token_version + 1' } : { disabledAt: null })
      .where('id = :userId', { userId })
      .execute();
    if (!result.affected) throw notFound('Account');
    return this.users.findOneByOrFail({ id: userId });
  }

  /**
   * The principal a bearer token stands for, from the account as it is now (one primary-key read):
   * refused once the account is deleted or disabled, or its password changed since the token.
   */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const [scheme, token, extra] = (authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || extra !== undefined) throw unauthenticated(SIGN_IN_FIRST);
    const claims = await verifyAccessToken(token, this.secrets.jwtSecret, this.clock.now());
    if (!claims) throw unauthenticated(SIGN_IN_FIRST);
    const user = await this.users.findOneBy({ id: claims.userId });
    if (!user || user.disabledAt || user.tokenVersion !== claims.tokenVersion) {
      throw unauthenticated('This access token is no longer valid: sign in again');
    }
    return principalOf(user);
  }

  async me(principal: Principal): Promise<User> {
    const user = await this.users.findOneBy({ id: principal.userId });
    if (!user) throw notFound('Account');
    return user;
  }

  private byEmail(email: string): Promise<User | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** The right password: the account's counter starts again, the address gets its attempt back. */
  private async forgiveAttempt(email: string, clientAddress: string): Promise<void> {
    await Promise.all([this.throttle.reset(ACCOUNT_LOGIN_POLICY, email), this.throttle.forgive(ADDRESS_LOGIN_POLICY, clientAddress)]);
  }

  private async issue(user: User): Promise<AuthPayload> {
    const ttl = this.config.accessTokenTtlSeconds;
    const now = this.clock.now();
    return {
      accessToken: await signAccessToken(principalOf(user), user.tokenVersion, this.secrets.jwtSecret, ttl, now),
      expiresAt: new Date(now.getTime() + ttl * 1000),
      user,
    };
  }
}
