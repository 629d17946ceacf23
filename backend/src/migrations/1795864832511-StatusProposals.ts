import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatusProposals1795864832511 implements MigrationInterface {
  name = 'StatusProposals1795864832511';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "demand_status_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "demand_id" uuid NOT NULL, "response_id" uuid, "to_status" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "proposed_by_id" uuid, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "demand_status_proposals_status_check" CHECK ("status" IN ('pending', 'confirmed', 'rejected')), CONSTRAINT "demand_status_proposals_to_status_check" CHECK ("to_status" IN ('draft', 'sent', 'acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'no_response', 'withdrawn')), CONSTRAINT "PK_89c69626ad3ddb7876fb197d8ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "demand_status_proposals_response_id_idx" ON "demand_status_proposals"  ("response_id") `);
    await queryRunner.query(`CREATE INDEX "demand_status_proposals_proposed_by_id_idx" ON "demand_status_proposals"  ("proposed_by_id") `);
    await queryRunner.query(`CREATE INDEX "demand_status_proposals_decided_by_id_idx" ON "demand_status_proposals"  ("decided_by_id") `);
    await queryRunner.query(
      `CREATE INDEX "demand_status_proposals_demand_id_status_idx" ON "demand_status_proposals"  ("demand_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_status_proposals" ADD CONSTRAINT "demand_status_proposals_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_status_proposals" ADD CONSTRAINT "demand_status_proposals_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_status_proposals" ADD CONSTRAINT "demand_status_proposals_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_status_proposals" ADD CONSTRAINT "demand_status_proposals_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "demand_status_proposals" DROP CONSTRAINT "demand_status_proposals_decided_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demand_status_proposals" DROP CONSTRAINT "demand_status_proposals_proposed_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demand_status_proposals" DROP CONSTRAINT "demand_status_proposals_response_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demand_status_proposals" DROP CONSTRAINT "demand_status_proposals_demand_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."demand_status_proposals_demand_id_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demand_status_proposals_decided_by_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demand_status_proposals_proposed_by_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demand_status_proposals_response_id_idx"`);
    await queryRunner.query(`DROP TABLE "demand_status_proposals"`);
  }
}
