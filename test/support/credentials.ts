import { aLearner, anEnrolment, aPassingResult, passingGradeFor, RECORD_RESULT, UPM_STAFF } from './factories';
import { Json, TestServer } from './test-server';

export const VERIFY = `
  query($credential: JSON!) {
    verifyCredential(credential: $credential) { verified verdict securedWith issuer { did name } checks { name outcome message } }
  }`;

/** A fresh learner's UPM module credential: `{ id, document, json, issuerDid }` plus the learner. */
export async function anIssuedCredential(server: TestServer, moduleCode = 'UPM-AIG-01', staff = UPM_STAFF) {
  const learner = await aLearner(server);
  const enrolmentId = await anEnrolment(server, learner.id, moduleCode, staff);
  const { data, errors } = await server.gql(
    RECORD_RESULT,
    { input: aPassingResult(enrolmentId, { grade: passingGradeFor(moduleCode) }) },
    await server.login(staff),
  );
  if (!data?.recordResult) throw new Error(JSON.stringify(errors));
  return { learner, credential: data.recordResult.credential };
}

export async function verify(server: TestServer, credential: unknown): Promise<Json> {
  const { data, errors } = await server.gql(VERIFY, { credential });
  if (!data) throw new Error(JSON.stringify(errors));
  return data.verifyCredential;
}

export const checkOf = (report: Json, name: string): Json => report.checks.find((c: Json) => c.name === name);
