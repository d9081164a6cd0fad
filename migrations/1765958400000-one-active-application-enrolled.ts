import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One live application per learner and target now includes ENROLLED (issue 12, review item 3):
 * a learner enrolled in the degree (or in an offering) cannot apply to it again and take a second
 * place. Existing rows that would break the index (a learner ENROLLED with another SUBMITTED,
 * ACCEPTED, RESERVE or ENROLLED application to the same target) are not settled silently: the
 * migration stops and names how many, so the office decides which one stands. The demo has none
 * (its enrolled learners hold one application per target).
 */
export class OneActiveApplicationEnrolled1765958400000 implements MigrationInterface {
  name = 'OneActiveApplicationEnrolled1765958400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      DECLARE conflicts integer;
      BEGIN
        SELECT count(*) INTO conflicts FROM (
          SELECT 1 FROM application WHERE status IN ('SUBMITTED', 'ACCEPTED', 'RESERVE', 'ENROLLED')
           GROUP BY learner_id, coalesce(offering_id, programme_id) HAVING count(*) > 1) c;
        IF conflicts > 0 THEN
          RAISE EXCEPTION '% learners hold an ENROLLED application and another live one to the same target; settle them first', conflicts;
        END IF;
      END $$;
      DROP INDEX application_one_active;
      -- One live application per learner and target: under review, on offer, or taken.
      CREATE UNIQUE INDEX application_one_active ON application (learner_id, coalesce(offering_id, programme_id))
        WHERE status IN ('SUBMITTED', 'ACCEPTED', 'RESERVE', 'ENROLLED');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX application_one_active;
      CREATE UNIQUE INDEX application_one_active ON application (learner_id, coalesce(offering_id, programme_id))
        WHERE status IN ('SUBMITTED', 'ACCEPTED', 'RESERVE');
    `);
  }
}
