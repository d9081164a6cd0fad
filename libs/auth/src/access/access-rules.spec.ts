import { Role } from '../role';
import { ACCESS_RULES, accessParameters } from './access-rules';
import { Permission } from './permission';

describe('access rules', () => {
  const bound = Object.keys(accessParameters({ userId: 'u', role: Role.ADMIN, organisationId: null, learnerId: null }));

  it.each(Object.values(Permission))('%s names only the parameters AccessService binds, on the alias it is given', (permission) => {
    for (const condition of Object.values(ACCESS_RULES[permission].byRole)) {
      if (typeof condition !== 'function') continue;
      const sql = condition('given_alias');
      const named = [...sql.matchAll(/(?<!:):([A-Za-z_]\w*)/g)].map((m) => m[1]);
      expect(named.filter((name) => !bound.includes(name))).toEqual([]);
      expect(sql).toContain('given_alias.');
    }
  });

  it('lets no learner act on staff permissions, and the office on every read', () => {
    for (const permission of [Permission.ENROLMENT_RECORD_RESULT, Permission.OFFERING_MANAGE, Permission.RECOGNITION_DECIDE]) {
      expect(ACCESS_RULES[permission].byRole[Role.LEARNER]).toBe('NONE');
    }
    for (const permission of [
      Permission.CREDENTIAL_READ,
      Permission.APPLICATION_READ,
      Permission.RECOGNITION_READ,
      Permission.LEARNER_READ,
    ]) {
      expect(ACCESS_RULES[permission].byRole[Role.ADMIN]).toBe('ALL');
    }
  });
});
