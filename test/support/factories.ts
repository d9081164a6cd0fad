import { randomBytes } from 'node:crypto';
import { TestServer } from './test-server';

export const ADMIN = 'office@magix.example';
export const UPM_STAFF = 'registrar@upm.example';
export const FAU_STAFF = 'registrar@fau.example';
export const LEARNER_PASSWORD = 'a-learner-password';

export interface TestLearner {
  id: string;
  email: string;
  token: string;
}

/** A new learner with an account, created by the programme office. */
export async function aLearner(server: TestServer, overrides: Record<string, unknown> = {}): Promise<TestLearner> {
  const email = `learner-${randomBytes(4).toString('hex')}@example.org`;
  const admin = await server.login(ADMIN);
  const { data, errors } = await server.gql(
    'mutation($input: CreateLearnerInput!) { createLearner(input: $input) { id email } }',
    {
      input: {
        givenName: 'Elena',
        familyName: 'García',
        email,
        countryCode: 'ES',
        sector: 'PUBLIC',
        password: LEARNER_PASSWORD,
        ...overrides,
      },
    },
    admin,
  );
  if (!data?.createLearner) throw new Error(JSON.stringify(errors));
  return { id: data.createLearner.id, email, token: await server.login(email, LEARNER_PASSWORD) };
}

export async function offeringId(server: TestServer, moduleCode: string): Promise<string> {
  const { data, errors } = await server.gql('query($code: String!) { module(code: $code) { id } }', { code: moduleCode });
  if (!data?.module) throw new Error(JSON.stringify(errors));
  const offerings = await server.gql('query($m: ID) { offerings(moduleId: $m) { items { id code } } }', { m: data.module.id });
  if (!offerings.data) throw new Error(JSON.stringify(offerings.errors));
  // The current (2026-2027) run of the module.
  return offerings.data.offerings.items.find((o: { code: string }) => o.code === `${moduleCode}-2026`).id;
}

/** Enrols the learner in the module's 2026-2027 offering, as its HEI's staff. */
export async function anEnrolment(server: TestServer, learnerId: string, moduleCode = 'UPM-AIG-01', staff = UPM_STAFF): Promise<string> {
  const token = await server.login(staff);
  const { data, errors } = await server.gql(
    'mutation($input: EnrolInput!) { enrol(input: $input) { id } }',
    { input: { learnerId, offeringId: await offeringId(server, moduleCode) } },
    token,
  );
  if (!data?.enrol) throw new Error(JSON.stringify(errors));
  return data.enrol.id;
}

export const RECORD_RESULT = `
  mutation($input: RecordResultInput!) {
    recordResult(input: $input) {
      alreadyRecorded
      result { id grade passed creditsAwarded }
      credential { id issuerDid document json }
    }
  }`;

/** A passing grade in each demo HEI's own scale. */
export const PASSING_GRADE: Record<string, string> = { UPM: '8.5', POLIMI: '27/30', FAU: '1.7', TALTECH: 'B' };
export const passingGradeFor = (moduleCode: string) => PASSING_GRADE[moduleCode.split('-')[0]] ?? '8.5';

export const aPassingResult = (enrolmentId: string, overrides: Record<string, unknown> = {}) => ({
  enrolmentId,
  grade: '8.5',
  passed: true,
  assessedOn: '2026-11-10',
  ...overrides,
});

/**
 * `size` new learners enrolled in one offering, straight into the database (the API path is
 * tested elsewhere): a cohort for bulk imports. Returns their emails, in order.
 */
export async function anEnrolledCohort(server: TestServer, offeringCode: string, size: number, countryCode = 'ES'): Promise<string[]> {
  const tag = randomBytes(3).toString('hex');
  const { rows } = await server.db.query('SELECT id FROM offering WHERE code = $1', [offeringCode]);
  if (rows.length !== 1) throw new Error(`no offering ${offeringCode}`);
  await server.db.query(
    `INSERT INTO learner (given_name, family_name, email, country_code, sector)
     SELECT 'Cohort', 'Learner ' || i, 'cohort' || i || '-' || $1 || '@example.org', $2, 'PUBLIC' FROM generate_series(1, $3::int) i`,
    [tag, countryCode, size],
  );
  await server.db.query(
    `INSERT INTO enrolment (learner_id, offering_id) SELECT id, $1 FROM learner WHERE email LIKE 'cohort%-' || $2 || '@example.org'`,
    [rows[0].id, tag],
  );
  return Array.from({ length: size }, (_, i) => `cohort${i + 1}-${tag}@example.org`);
}
