import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createApp } from '../apps/api/src/create-app';
import { ADDRESS_SIGNUP_POLICY, ThrottleService, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@magix/auth';
import { loadConfig, SECRETS, Secrets } from '@magix/config';
import { DEMO_PASSWORD } from '@magix/demo';
import { ADMIN, aLearner, LEARNER_PASSWORD, UPM_STAFF } from './support/factories';
import { Json, startTestServer, TestServer } from './support/test-server';

/**
 * Credential guessing and tokens that outlive their account (issue 11, finding 10). The server
 * does not trust X-Forwarded-For, so each "client" is a real source address on the loopback
 * network (127.0.0.2, 127.0.0.3 …): the server sees them as different addresses.
 */

interface Answer {
  status: number;
  retryAfter?: string;
  body: Json;
}

/** One GraphQL request sent from `from` (a loopback address), with optional extra headers. */
function gqlFrom(
  url: string,
  from: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const target = new URL(`${url}/graphql`);
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
            body: JSON.parse(text),
          });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const ME = '{ me { id email } }';
const REGISTER = 'mutation($input: RegisterLearnerInput!) { registerLearner(input: $input) { id } }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }';
const WEAK = ['          ', 'password123', 'qwertyuiop'];

const codeOf = (answer: Answer): string | undefined => answer.body.errors?.[0]?.extensions?.code;

function expectThrottled(answer: Answer, maxSeconds: number): void {
  expect({ status: answer.status, code: codeOf(answer) }).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
  const seconds = Number(answer.retryAfter);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(maxSeconds);
  expect(answer.body.errors[0].extensions.retryAfterSeconds).toBe(seconds);
}

describe('accounts: throttled sign-in, strong passwords, tokens that end with their account', () => {
  let server: TestServer;
  let second: INestApplication;
  let secondUrl: string;

  const login = (email: string, password: string, from = '127.0.0.1', url = server.url) =>
    gqlFrom(url, from, LOGIN, { input: { email, password } });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (token: string) => gqlFrom(server.url, '127.0.0.1', ME, {}, bearer(token));

  beforeAll(async () => {
    server = await startTestServer();
    // A second server process on the same database, as a second replica behind a load balancer.
    const config = loadConfig({ PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'magix-test-data-')), SEED_DEMO: 'false' });
    second = await createApp({
      config,
      secrets: { jwtSecret: randomBytes(32), masterKey: randomBytes(32) },
      databaseUrl: server.databaseUrl,
      logger: ['error'],
    });
    await second.listen(0, '127.0.0.1');
    secondUrl = (await second.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await second.close();
    await server.close();
  });

  describe('sign-in throttling', () => {
    it('locks an account after five wrong passwords, even for the right one, while another account still signs in', async () => {
      const victim = await aLearner(server);
      const other = await aLearner(server);
      for (let attempt = 1; attempt <= 5; attempt++) {
        const wrong = await login(victim.email, `wrong-guess-${attempt}`, '127.0.0.2');
        expect(wrong.status).toBe(200);
        expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      }
      expectThrottled(await login(victim.email, 'wrong-guess-6', '127.0.0.2'), 60);
      // The lock is the account's: the right password from another address is refused too …
      const right = await login(victim.email, LEARNER_PASSWORD, '127.0.0.1');
      expectThrottled(right, 60);
      expect(right.body.data).toBeNull();
      // … while another account signs in, from the attacker's address and from another one.
      expect((await login(other.email, LEARNER_PASSWORD, '127.0.0.1')).body.data.login.accessToken).toEqual(expect.any(String));
      expect((await login(other.email, LEARNER_PASSWORD, '127.0.0.2')).body.data.login.accessToken).toEqual(expect.any(String));
    });

    it('gives one more try after a lock and doubles the next lock; the right password then resets the count', async () => {
      const learner = await aLearner(server);
      for (let attempt = 1; attempt <= 6; attempt++) await login(learner.email, `wrong-${attempt}`, '127.0.0.8');
      const key = `login:account:${learner.email}`;
      const endLock = () => server.db.query(`UPDATE auth_throttle SET blocked_until = now() - interval '1 second' WHERE key = $1`, [key]);
      await endLock();
      expect(codeOf(await login(learner.email, 'wrong-again', '127.0.0.8'))).toBe('UNAUTHENTICATED');
      const second = await login(learner.email, 'wrong-once-more', '127.0.0.8');
      expectThrottled(second, 120);
      expect(Number(second.retryAfter)).toBeGreaterThan(60);
      await endLock();
      expect((await login(learner.email, LEARNER_PASSWORD, '127.0.0.8')).body.data.login.accessToken).toEqual(expect.any(String));
      expect((await server.db.query('SELECT 1 FROM auth_throttle WHERE key = $1', [key])).rowCount).toBe(0);
    });

    it('works on at most five of twenty parallel wrong passwords for one account', async () => {
      const learner = await aLearner(server);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(learner.email, `parallel-${i}`, '127.0.0.4')));
      const codes = answers.map(codeOf);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
      expect(codes.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(15);
    });

    it('holds across two server processes on one database', async () => {
      const learner = await aLearner(server);
      for (let attempt = 1; attempt <= 5; attempt++) {
        const url = attempt % 2 === 0 ? secondUrl : server.url;
        expect(codeOf(await login(learner.email, `wrong-${attempt}`, '127.0.0.5', url))).toBe('UNAUTHENTICATED');
      }
      expectThrottled(await login(learner.email, 'wrong-6', '127.0.0.5', secondUrl), 60);
      expectThrottled(await login(learner.email, LEARNER_PASSWORD, '127.0.0.1', server.url), 60);
      expectThrottled(await login(learner.email, LEARNER_PASSWORD, '127.0.0.1', secondUrl), 60);
    });

    it('locks an address that sprays wrong passwords over many accounts; X-Forwarded-For does not get around it', async () => {
      const learner = await aLearner(server);
      for (let attempt = 1; attempt <= 30; attempt++) {
        const answer = await login(`nobody-${attempt}@nowhere.example`, 'a-wrong-password', '127.0.0.3');
        expect(codeOf(answer)).toBe('UNAUTHENTICATED');
      }
      expectThrottled(await login('nobody-31@nowhere.example', 'a-wrong-password', '127.0.0.3'), 60);
      expectThrottled(await login(learner.email, LEARNER_PASSWORD, '127.0.0.3'), 60);
      const spoofed = await gqlFrom(
        server.url,
        '127.0.0.3',
        LOGIN,
        { input: { email: learner.email, password: LEARNER_PASSWORD } },
        { 'x-forwarded-for': '198.51.100.7' },
      );
      expectThrottled(spoofed, 60);
      // The same account from its owner's address is not locked: the lock was the address's.
      expect((await login(learner.email, LEARNER_PASSWORD, '127.0.0.1')).body.data.login.accessToken).toEqual(expect.any(String));
    });

    it('cleans up counters whose window is over, and only those', async () => {
      await server.db.query(
        `INSERT INTO auth_throttle (key, hits, window_ends_at) VALUES ('login:address:test-old', 3, now() - interval '1 minute'), ('login:address:test-live', 3, now() + interval '1 hour')`,
      );
      expect(await server.app.get(ThrottleService).cleanup()).toBeGreaterThanOrEqual(1);
      const { rows } = await server.db.query<{ key: string }>(`SELECT key FROM auth_throttle WHERE key LIKE 'login:address:test-%'`);
      expect(rows.map((row) => row.key)).toEqual(['login:address:test-live']);
    });
  });

  describe('sign-up', () => {
    const signUp = (email: string, password: string, from = '127.0.0.1') =>
      gqlFrom(server.url, from, REGISTER, {
        input: { givenName: 'Nuno', familyName: 'Sousa', email, countryCode: 'PT', sector: 'PRIVATE', password },
      });
    const rows = async () => [await server.count('learner'), await server.count('app_user')];

    it.each(WEAK)('refuses the weak password %j, naming the field, and writes nothing', async (password) => {
      const before = await rows();
      const answer = await signUp(`weak-${randomBytes(4).toString('hex')}@example.org`, password);
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.body.errors[0].extensions.field).toBe('input.password');
      expect(await rows()).toEqual(before);
    });

    it('answers a staff, the programme office’s and a learner’s email alike, and writes nothing', async () => {
      const before = await rows();
      const answers = await Promise.all(
        [UPM_STAFF, ADMIN, 'lucia.martin@madrid.example'].map((email) => signUp(email.toUpperCase(), 'a-fine-new-password')),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(codeOf(answer)).toBe('EMAIL_TAKEN');
        expect(answer.body.errors[0].extensions.field).toBe('input.email');
        expect(answer.body.errors[0].message).toMatch(/^An account with the email \S+ exists$/);
      }
      expect(await rows()).toEqual(before);
    });

    it('signs up with a strong password, and limits sign-ups per address', async () => {
      const email = `new-${randomBytes(4).toString('hex')}@example.org`;
      expect((await signUp(email, 'a-fine-new-password', '127.0.0.6')).body.data.registerLearner.id).toEqual(expect.any(String));
      for (let attempt = 2; attempt <= ADDRESS_SIGNUP_POLICY.limit; attempt++)
        expect(codeOf(await signUp(email, 'a-fine-new-password', '127.0.0.6'))).toBe('EMAIL_TAKEN');
      const before = await rows();
      expectThrottled(await signUp(`more-${randomBytes(4).toString('hex')}@example.org`, 'a-fine-new-password', '127.0.0.6'), 3600);
      expect(await rows()).toEqual(before);
    });
  });

  describe('password change', () => {
    it.each(WEAK)('refuses the weak new password %j, naming the field; the old password and token keep working', async (weak) => {
      const learner = await aLearner(server);
      const answer = await gqlFrom(
        server.url,
        '127.0.0.1',
        CHANGE_PASSWORD,
        { input: { currentPassword: LEARNER_PASSWORD, newPassword: weak } },
        bearer(learner.token),
      );
      expect(codeOf(answer)).toBe('BAD_USER_INPUT');
      expect(answer.body.errors[0].extensions.field).toBe('input.newPassword');
      expect((await me(learner.token)).body.data.me.email).toBe(learner.email);
      expect((await login(learner.email, LEARNER_PASSWORD)).body.data.login.accessToken).toEqual(expect.any(String));
    });

    it('ends every earlier token; the new password and the returned token work', async () => {
      const learner = await aLearner(server);
      const wrong = await gqlFrom(
        server.url,
        '127.0.0.1',
        CHANGE_PASSWORD,
        { input: { currentPassword: 'not-my-password', newPassword: 'a-fine-new-password' } },
        bearer(learner.token),
      );
      expect(wrong.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currentPassword' });
      expect((await me(learner.token)).body.data.me.email).toBe(learner.email);

      const changed = await gqlFrom(
        server.url,
        '127.0.0.1',
        CHANGE_PASSWORD,
        { input: { currentPassword: LEARNER_PASSWORD, newPassword: 'a-fine-new-password' } },
        bearer(learner.token),
      );
      const fresh: string = changed.body.data.changePassword.accessToken;
      expect(codeOf(await me(learner.token))).toBe('UNAUTHENTICATED');
      expect((await me(fresh)).body.data.me.email).toBe(learner.email);
      expect(codeOf(await login(learner.email, LEARNER_PASSWORD))).toBe('UNAUTHENTICATED');
      expect((await login(learner.email, 'a-fine-new-password')).body.data.login.accessToken).toEqual(expect.any(String));
    });

    it('counts wrong current passwords like wrong sign-ins', async () => {
      const learner = await aLearner(server);
      const change = (currentPassword: string) =>
        gqlFrom(
          server.url,
          '127.0.0.7',
          CHANGE_PASSWORD,
          { input: { currentPassword, newPassword: 'a-fine-new-password' } },
          bearer(learner.token),
        );
      for (let attempt = 1; attempt <= 5; attempt++) expect(codeOf(await change(`guess-${attempt}`))).toBe('BAD_USER_INPUT');
      expectThrottled(await change(LEARNER_PASSWORD), 60);
      expectThrottled(await login(learner.email, LEARNER_PASSWORD), 60);
    });
  });

  describe('tokens', () => {
    it('refuses the token of a deleted account', async () => {
      const learner = await aLearner(server);
      const { id } = (await me(learner.token)).body.data.me;
      await server.db.query('DELETE FROM app_user WHERE id = $1', [id]);
      const answer = await me(learner.token);
      expect(answer.status).toBe(200);
      expect(codeOf(answer)).toBe('UNAUTHENTICATED');
    });

    it('refuses the tokens and the sign-in of a disabled account until it is enabled; old tokens stay refused', async () => {
      const learner = await aLearner(server);
      const { id } = (await me(learner.token)).body.data.me;
      const admin = await server.login(ADMIN);
      const byLearner = await server.gql('mutation($id: ID!) { disableUser(userId: $id) { id } }', { id }, learner.token);
      expect(byLearner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const disabled = await server.gql('mutation($id: ID!) { disableUser(userId: $id) { id disabledAt } }', { id }, admin);
      expect(disabled.data.disableUser.disabledAt).toEqual(expect.any(String));
      expect(codeOf(await me(learner.token))).toBe('UNAUTHENTICATED');
      const refused = await login(learner.email, LEARNER_PASSWORD);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect(refused.body.errors[0].message).toMatch(/disabled/);

      const enabled = await server.gql('mutation($id: ID!) { enableUser(userId: $id) { disabledAt } }', { id }, admin);
      expect(enabled.data.enableUser.disabledAt).toBeNull();
      expect(codeOf(await me(learner.token))).toBe('UNAUTHENTICATED');
      const again: string = (await login(learner.email, LEARNER_PASSWORD)).body.data.login.accessToken;
      expect((await me(again)).body.data.me.id).toBe(id);
    });

    it('refuses a token signed with the server’s key but without exp, and accepts the same with one', async () => {
      const learner = await aLearner(server);
      const { id } = (await me(learner.token)).body.data.me;
      const { jwtSecret } = server.app.get<symbol, Secrets>(SECRETS);
      const forge = (exp: boolean) => {
        const jwt = new SignJWT({ role: 'LEARNER', ver: 0 })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(id)
          .setIssuer(TOKEN_ISSUER)
          .setAudience(TOKEN_AUDIENCE)
          .setIssuedAt();
        return (exp ? jwt.setExpirationTime('5m') : jwt).sign(jwtSecret);
      };
      expect((await me(await forge(true))).body.data.me.id).toBe(id);
      expect(codeOf(await me(await forge(false)))).toBe('UNAUTHENTICATED');
    });

    it('still signs in the demo accounts with the demo password', async () => {
      expect((await login(UPM_STAFF, DEMO_PASSWORD)).body.data.login.accessToken).toEqual(expect.any(String));
    });
  });
});
