import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Targets per edition (issue 12): a target row either belongs to the whole programme (no
 * edition, as before) or to one edition, at most one per metric in each.
 */
export class EditionTargets1765353600000 implements MigrationInterface {
  name = 'EditionTargets1765353600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE programme_target ADD COLUMN edition_id uuid REFERENCES edition(id) ON DELETE CASCADE;
      ALTER TABLE programme_target DROP CONSTRAINT programme_target_programme_id_metric_key;
      CREATE UNIQUE INDEX programme_target_overall ON programme_target (programme_id, metric) WHERE edition_id IS NULL;
      CREATE UNIQUE INDEX programme_target_edition ON programme_target (edition_id, metric) WHERE edition_id IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM programme_target WHERE edition_id IS NOT NULL;
      DROP INDEX programme_target_edition;
      DROP INDEX programme_target_overall;
      ALTER TABLE programme_target ADD CONSTRAINT programme_target_programme_id_metric_key UNIQUE (programme_id, metric);
      ALTER TABLE programme_target DROP COLUMN edition_id;
    `);
  }
}
