import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * demands.latest_response_id, kept by the database: whatever path adds, edits, relinks or deletes
 * a response (the API, an import, a bulk load), the triggers below recompute the latest response
 * of exactly the demands touched, in the same transaction. Statement-level triggers with
 * transition tables: one recompute per statement, however many rows it touched. The demands are
 * locked first (in id order) so that the recompute, a new statement, sees responses committed by
 * a concurrent transaction that held them.
 */
const REFRESH = `
CREATE FUNCTION demands_refresh_latest_response(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM demands WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
  UPDATE demands d SET latest_response_id = (
    SELECT r.id FROM response_demands rd JOIN responses r ON r.id = rd.response_id
    WHERE rd.demand_id = d.id ORDER BY r.received_on DESC, r.created_at DESC, r.id DESC LIMIT 1)
  WHERE d.id = ANY(ids);
END $$`;

const ON_LINKS = `
CREATE FUNCTION response_demands_refresh_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM demands_refresh_latest_response(ARRAY(SELECT DISTINCT demand_id FROM new_links));
  ELSE
    PERFORM demands_refresh_latest_response(ARRAY(SELECT DISTINCT demand_id FROM old_links));
  END IF;
  RETURN NULL;
END $$`;

const ON_RESPONSES = `
CREATE FUNCTION responses_refresh_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM demands_refresh_latest_response(ARRAY(
    SELECT DISTINCT rd.demand_id FROM response_demands rd JOIN new_responses n ON n.id = rd.response_id));
  RETURN NULL;
END $$`;

export class LatestResponse1795879785421 implements MigrationInterface {
  name = 'LatestResponse1795879785421';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "demands" ADD "latest_response_id" uuid`);
    await queryRunner.query(`CREATE INDEX "demands_latest_response_id_idx" ON "demands"  ("latest_response_id") `);
    await queryRunner.query(
      `CREATE INDEX "follow_ups_open_campaign_id_due_at_idx" ON "follow_ups"  ("campaign_id", "due_at") WHERE "status" IN ('open', 'in_progress')`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "demands_latest_response_id_fkey" FOREIGN KEY ("latest_response_id") REFERENCES "responses"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(REFRESH);
    await queryRunner.query(ON_LINKS);
    await queryRunner.query(ON_RESPONSES);
    await queryRunner.query(
      `CREATE TRIGGER response_demands_after_insert AFTER INSERT ON response_demands REFERENCING NEW TABLE AS new_links
       FOR EACH STATEMENT EXECUTE FUNCTION response_demands_refresh_latest()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER response_demands_after_delete AFTER DELETE ON response_demands REFERENCING OLD TABLE AS old_links
       FOR EACH STATEMENT EXECUTE FUNCTION response_demands_refresh_latest()`,
    );
    // received_on decides which response is the latest; created_at and id never change.
    await queryRunner.query(
      `CREATE TRIGGER responses_after_update AFTER UPDATE ON responses REFERENCING NEW TABLE AS new_responses
       FOR EACH STATEMENT EXECUTE FUNCTION responses_refresh_latest()`,
    );
    await queryRunner.query(
      `UPDATE demands d SET latest_response_id = (
         SELECT r.id FROM response_demands rd JOIN responses r ON r.id = rd.response_id
         WHERE rd.demand_id = d.id ORDER BY r.received_on DESC, r.created_at DESC, r.id DESC LIMIT 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER responses_after_update ON responses`);
    await queryRunner.query(`DROP TRIGGER response_demands_after_delete ON response_demands`);
    await queryRunner.query(`DROP TRIGGER response_demands_after_insert ON response_demands`);
    await queryRunner.query(`DROP FUNCTION responses_refresh_latest()`);
    await queryRunner.query(`DROP FUNCTION response_demands_refresh_latest()`);
    await queryRunner.query(`DROP FUNCTION demands_refresh_latest_response(uuid[])`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "demands_latest_response_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_open_campaign_id_due_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demands_latest_response_id_idx"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP COLUMN "latest_response_id"`);
  }
}
