import { uploadACv } from './application-documents';
import { ADMIN, TestLearner } from './factories';
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
