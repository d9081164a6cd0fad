import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seeds' admission process (issue 12, item 6): the motivation as text or a one-page PDF (a
 * second document kind beside the CV); the applicant's profile (a student of any discipline, or
 * staff of a public institution); review batches opened by the schedule (by no one) with their
 * period and reminder; a learner not offered a place for missing prerequisites (INELIGIBLE); and
 * the learner's time zone, in which letters write dates.
 */
export class AdmissionProcess1765699200000 implements MigrationInterface {
  name = 'AdmissionProcess1765699200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE learner ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Madrid';

      ALTER TABLE application ALTER COLUMN motivation DROP NOT NULL;
      ALTER TABLE application DROP CONSTRAINT application_status_check;
      ALTER TABLE application ADD CONSTRAINT application_status_check CHECK (status IN
        ('SUBMITTED', 'ACCEPTED', 'RESERVE', 'REJECTED', 'ENROLLED', 'DECLINED', 'EXPIRED', 'WITHDRAWN', 'INELIGIBLE'));
      ALTER TABLE application
        ADD COLUMN profile text CHECK (profile IN ('STUDENT', 'PUBLIC_STAFF')),
        ADD COLUMN discipline text CHECK (length(discipline) BETWEEN 2 AND 200),
        ADD COLUMN public_employer_id uuid REFERENCES organisation(id),
        ADD COLUMN public_employer_name text CHECK (length(public_employer_name) BETWEEN 2 AND 200),
        ADD CONSTRAINT application_profile_shape CHECK (
          (profile IS NULL AND discipline IS NULL AND public_employer_id IS NULL AND public_employer_name IS NULL)
          OR (profile = 'STUDENT' AND discipline IS NOT NULL AND public_employer_id IS NULL AND public_employer_name IS NULL)
          OR (profile = 'PUBLIC_STAFF' AND discipline IS NULL AND (public_employer_id IS NULL) <> (public_employer_name IS NULL)));

      ALTER TABLE application_document ADD COLUMN kind text NOT NULL DEFAULT 'CV' CHECK (kind IN ('CV', 'MOTIVATION'));
      ALTER TABLE application_document DROP CONSTRAINT application_document_pkey;
      ALTER TABLE application_document ADD PRIMARY KEY (application_id, kind);

      ALTER TABLE review_batch
        ALTER COLUMN opened_by DROP NOT NULL,
        ADD COLUMN period_starts_on date,
        ADD COLUMN period_ends_on date,
        ADD COLUMN reminded_for_period date;
      -- One scheduled batch per programme and period: running the schedule twice opens one.
      CREATE UNIQUE INDEX review_batch_scheduled ON review_batch (programme_id, period_starts_on) WHERE period_starts_on IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX review_batch_scheduled;
      ALTER TABLE review_batch DROP COLUMN reminded_for_period, DROP COLUMN period_ends_on, DROP COLUMN period_starts_on;
      DELETE FROM application_document WHERE kind <> 'CV';
      ALTER TABLE application_document DROP CONSTRAINT application_document_pkey;
      ALTER TABLE application_document ADD PRIMARY KEY (application_id);
      ALTER TABLE application_document DROP COLUMN kind;
      ALTER TABLE application DROP CONSTRAINT application_profile_shape,
        DROP COLUMN public_employer_name, DROP COLUMN public_employer_id, DROP COLUMN discipline, DROP COLUMN profile;
      UPDATE application SET status = 'DECLINED' WHERE status = 'INELIGIBLE';
      ALTER TABLE application DROP CONSTRAINT application_status_check;
      ALTER TABLE application ADD CONSTRAINT application_status_check CHECK (status IN
        ('SUBMITTED', 'ACCEPTED', 'RESERVE', 'REJECTED', 'ENROLLED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'));
      UPDATE application SET motivation = '(in the motivation PDF)' WHERE motivation IS NULL;
      ALTER TABLE application ALTER COLUMN motivation SET NOT NULL;
      ALTER TABLE learner DROP COLUMN time_zone;
    `);
  }
}
