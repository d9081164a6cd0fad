import { uploadACv } from './application-documents';
import { ADMIN, aPassingResult, FAU_STAFF, passingGradeFor, RECORD_RESULT, TestLearner, UPM_STAFF } from './factories';
import { Json, TestServer } from './test-server';

export const DEGREE_MOTIVATION = 'I work in a ministry’s digital unit and want the full joint degree in AI governance for our services.';

/** The learner applies to the degree (the latest open intake, or the one named) and uploads a CV. */
export async function applyToDegree(server: TestServer, learner: TestLearner, editionId?: string): Promise<Json> {
  const { data, errors } = await server.gql(
    'mutation($input: ApplyInput!) { apply(input: $input) { id status editionId } }',
    { input: { motivation: DEGREE_MOTIVATION, editionId } },
    learner.token,
  );
  if (!data) throw new Error(JSON.stringify(errors));
  await uploadACv(server, data.apply.id, learner.token);
  return data.apply;
}

/**
 * The programme office opens a degree review batch, decides each application as asked and closes
 * the batch; the applications as decided, in the order given.
 */
export async function reviewDegreeBatch(server: TestServer, decisions: Array<[string, string]>): Promise<Json[]> {
  const admin = await server.login(ADMIN);
  const opened = await server.gql('mutation { openReviewBatch(input: {}) { id } }', {}, admin);
  if (!opened.data) throw new Error(JSON.stringify(opened.errors));
  const batchId = opened.data.openReviewBatch.id;
  const decided: Json[] = [];
  for (const [applicationId, decision] of decisions) {
    const { data, errors } = await server.gql(
      'mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status reserveRank } }',
      { input: { batchId, applicationId, decision, reason: 'Commission review of the degree intake' } },
      admin,
    );
    if (!data) throw new Error(JSON.stringify(errors));
    decided.push(data.decideApplication);
  }
  const closed = await server.gql('mutation($id: ID!) { closeReviewBatch(batchId: $id) { id } }', { id: batchId }, admin);
  if (!closed.data) throw new Error(JSON.stringify(closed.errors));
  return decided;
}

/** Applies to the degree and has the application decided (ACCEPTED admits the learner). */
export async function decideDegreeApplication(server: TestServer, learner: TestLearner, decision = 'ACCEPTED'): Promise<Json> {
  const application = await applyToDegree(server, learner);
  const [decided] = await reviewDegreeBatch(server, [[application.id, decision]]);
  return decided;
}

/** Each demo HEI's registrar, by the HEI's short name in capitals. */
export const HEI_STAFF: Record<string, string> = {
  UPM: UPM_STAFF,
  POLIMI: 'registrar@polimi.example',
  FAU: FAU_STAFF,
  TALTECH: 'registrar@taltech.example',
};

/** Every demo module (62 ECTS from four HEIs): the demo degree rules are met. */
export const DEMO_PATHWAY = [
  'UPM-AIG-01',
  'UPM-CAP-03',
  'UPM-DSP-02',
  'POLIMI-DGT-01',
  'POLIMI-PPM-02',
  'POLIMI-SDM-03',
  'FAU-MLP-01',
  'FAU-LAW-02',
  'TALTECH-EGV-01',
  'TALTECH-CYB-02',
];

/** Enrols the learner in the 2025-2026 run of each module and records a pass, as each module's HEI: the credentials issued. */
export async function passModules(server: TestServer, learnerId: string, modules: string[] = DEMO_PATHWAY): Promise<Json[]> {
  const credentials: Json[] = [];
  const { data } = await server.gql('{ offerings(limit: 100) { items { id code startsOn module { provider { shortName } } } } }');
  for (const code of modules) {
    const offering = data.offerings.items.find((o: Json) => o.code === `${code}-2025`);
    const staff = await server.login(HEI_STAFF[offering.module.provider.shortName.toUpperCase()]);
    const enrolled = await server.gql(
      'mutation($input: EnrolInput!) { enrol(input: $input) { id } }',
      { input: { learnerId, offeringId: offering.id } },
      staff,
    );
    const assessedOn = new Date(Date.parse(offering.startsOn) + 60 * 86_400_000).toISOString().slice(0, 10);
    const recorded = await server.gql(
      RECORD_RESULT,
      { input: aPassingResult(enrolled.data.enrol.id, { assessedOn, grade: passingGradeFor(code) }) },
      staff,
    );
    if (!recorded.data) throw new Error(JSON.stringify(recorded.errors));
    credentials.push(recorded.data.recordResult.credential);
  }
  return credentials;
}
