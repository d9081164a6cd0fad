import { aLearner, ADMIN, FAU_STAFF } from './support/factories';
import { applyToDegree } from './support/degree-admission';
import { startTestServer, TestServer } from './support/test-server';

/** The two reads the programme office's page needs: its review batches and the audit log. */
describe('office queries: review batches and the audit log', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(ADMIN);
  });
  afterAll(() => server?.close());

  it('lists the open review batch first, and its applications through applications(batchId)', async () => {
    const learner = await aLearner(server);
    const application = await applyToDegree(server, learner);
    const opened = await server.gql('mutation { openReviewBatch(input: {}) { id } }', {}, admin);
    const batchId = opened.data.openReviewBatch.id;

    const { data } = await server.gql('{ reviewBatches(open: true) { totalCount items { id closedAt } } }', {}, admin);
    expect(data.reviewBatches.items).toEqual([{ id: batchId, closedAt: null }]);
    const all = await server.gql('{ reviewBatches(limit: 100) { items { id closedAt } } }', {}, admin);
    expect(all.data.reviewBatches.items[0].id).toBe(batchId);
    expect(all.data.reviewBatches.items.slice(1).every((b: { closedAt: string | null }) => b.closedAt !== null)).toBe(true);
    const closed = await server.gql('{ reviewBatches(open: false, limit: 100) { items { id } } }', {}, admin);
    expect(closed.data.reviewBatches.items.map((b: { id: string }) => b.id)).not.toContain(batchId);

    const inBatch = await server.gql('query($b: ID) { applications(batchId: $b) { items { id } } }', { b: batchId }, admin);
    expect(inBatch.data.applications.items.map((a: { id: string }) => a.id)).toContain(application.id);
  });

  it('pages the audit log newest first, with the acting account’s email, filtered by action', async () => {
    const first = await server.gql(
      '{ auditLog(limit: 2) { totalCount hasMore items { id action occurredAt actorEmail entityType } } }',
      {},
      admin,
    );
    const page = first.data.auditLog;
    expect(page.items).toHaveLength(2);
    expect(page.totalCount).toBeGreaterThan(2);
    expect(page.hasMore).toBe(true);
    expect(Number(page.items[0].id)).toBeGreaterThan(Number(page.items[1].id));
    expect(page.items[0].action).toBe('REVIEW_BATCH_OPENED');
    expect(page.items[0].actorEmail).toBe(ADMIN);

    const second = await server.gql('{ auditLog(limit: 2, offset: 2) { items { id } } }', {}, admin);
    expect(Number(second.data.auditLog.items[0].id)).toBeLessThan(Number(page.items[1].id));

    const opened = await server.gql('{ auditLog(action: "REVIEW_BATCH_OPENED", limit: 100) { items { action } } }', {}, admin);
    expect(new Set(opened.data.auditLog.items.map((e: { action: string }) => e.action))).toEqual(new Set(['REVIEW_BATCH_OPENED']));
  });

  it('refuses an unknown action as bad input, and both reads to HEI staff and anonymous callers', async () => {
    const bad = await server.gql('{ auditLog(action: "DROP TABLE") { totalCount } }', {}, admin);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const staff = await server.login(FAU_STAFF);
    for (const query of ['{ auditLog { totalCount } }', '{ reviewBatches { totalCount } }']) {
      expect((await server.gql(query, {}, staff)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await server.gql(query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
