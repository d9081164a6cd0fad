import { DomainError } from '@magix/common';
import { DEMO_PASSWORD } from '@magix/demo';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each(['          ', 'password123', 'qwertyuiop', 'Password2026', '1234567890', 'iloveyou12'])('refuses %j', (password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });

  it('refuses short and overlong passwords, counting characters rather than UTF-16 units', () => {
    expect(passwordProblem('Zq8#vP2!')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
    expect(passwordProblem('😀🎉🚀🌍🔥💡🎈🍀⚡🌙') ?? '').not.toMatch(/at least/);
  });

  it('accepts long uncommon phrases and the demo password', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('a-good-password')).toBeNull();
    expect(passwordProblem(DEMO_PASSWORD)).toBeNull();
  });

  it('refuses a password made of the account’s own email', () => {
    expect(passwordProblem('lucia.martin@madrid.example')).toBeNull();
    expect(passwordProblem('lucia.martin@madrid.example', ['lucia.martin@madrid.example'])).not.toBeNull();
  });

  it('answers BAD_USER_INPUT naming the field', () => {
    let error: unknown;
    try {
      assertAcceptablePassword('input.newPassword', 'qwertyuiop');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.newPassword' });
    expect((error as Error).message).toMatch(/^newPassword is too easy to guess/);
  });
});
