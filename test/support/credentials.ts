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

/**
 * A credential UPM issues through the VC-API for a course outside the catalogue (so it verifies
 * VALID and names no MAGIX module), about `subject`: e.g. `{ id: <a learner's DID> }`.
 */
export async function aCourseCredentialFor(server: TestServer, subject: Record<string, unknown>, name = 'Summer school on AI ethics') {
  const { data } = await server.gql('{ organisations(countryCode: "ES", kind: HEI) { items { issuerDid } } }');
  const response = await fetch(`${server.url}/credentials/issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.login(UPM_STAFF)}` },
    body: JSON.stringify({
      credential: {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
        type: ['VerifiableCredential', 'ExampleCourseCredential'],
        issuer: data.organisations.items[0].issuerDid,
        name,
        credentialSubject: { course: name, ...subject },
      },
    }),
  });
  const body = (await response.json()) as Json;
  if (response.status !== 201) throw new Error(JSON.stringify(body));
  return body.verifiableCredential;
}

/** The demo's first module credential and its joint degree, as issued. */
export async function demoModuleAndDegree(server: TestServer): Promise<{ credential: Json; degree: Json }> {
  const { rows } = await server.db.query<{ kind: string; document: string }>(
    "SELECT DISTINCT ON (kind) kind, document FROM credential WHERE kind IN ('MODULE', 'DEGREE') ORDER BY kind, issued_at",
  );
  const documentOf = (kind: string) => JSON.parse(rows.find((r) => r.kind === kind)!.document);
  return { credential: documentOf('MODULE'), degree: documentOf('DEGREE') };
}
