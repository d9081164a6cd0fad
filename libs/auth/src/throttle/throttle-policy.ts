/**
 * How many attempts a key (an account, a client address) gets before it is locked out, and for how
 * long. Attempts are counted before any work is done, so parallel requests cannot race past the
 * limit; a success may give its attempt back (see ThrottleService.forgive).
 */
export interface ThrottlePolicy {
  /** Names the counter, e.g. `login:account`; the key of a row is `<name>:<subject>`. */
  name: string;
  /** Attempts allowed in one window. */
  limit: number;
  /** A window starts with the first attempt; once it is over without a lock the count starts again. */
  windowSeconds: number;
  /** The first lock; each further lock in a row doubles it, up to `maxLockSeconds`. */
  lockSeconds: number;
  maxLockSeconds: number;
}

/**
 * Logins (and password changes) of one account: five wrong passwords, then 1 min, 2, 4 … up to
 * 1 h, with one more try after each lock. The counter resets on a successful sign-in.
 */
export const ACCOUNT_LOGIN_POLICY: ThrottlePolicy = {
  name: 'login:account',
  limit: 5,
  windowSeconds: 15 * 60,
  lockSeconds: 60,
  maxLockSeconds: 60 * 60,
};

/**
 * Wrong passwords from one client address, whatever the account (password spraying): 30 in a
 * window, then the same growing lock. A success gives its own attempt back, nothing more.
 */
export const ADDRESS_LOGIN_POLICY: ThrottlePolicy = {
  name: 'login:address',
  limit: 30,
  windowSeconds: 15 * 60,
  lockSeconds: 60,
  maxLockSeconds: 60 * 60,
};

/**
 * Sign-ups from one client address: each costs a password hash and tells whether an email is
 * taken. Generous, since a campus or an office may sign up many learners from behind one NAT.
 */
export const ADDRESS_SIGNUP_POLICY: ThrottlePolicy = {
  name: 'signup:address',
  limit: 100,
  windowSeconds: 60 * 60,
  lockSeconds: 15 * 60,
  maxLockSeconds: 60 * 60,
};

/** The row key of a subject under a policy; emails are compared case-insensitively. */
export function throttleKey(policy: ThrottlePolicy, subject: string): string {
  return `${policy.name}:${subject.trim().toLowerCase()}`;
}
