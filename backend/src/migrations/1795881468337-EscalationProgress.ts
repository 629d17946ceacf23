import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation progress per follow-up, so the sweep moves past follow-ups it has escalated instead of
 * picking the same oldest 500 every time. Follow-ups escalated before this have no progress yet:
 * the next sweeps pick them once more, find their notification already recorded (its dedupe key
 * holds the level), record nothing new, and note their level.
 */

export class EscalationProgress1795881468337 implements MigrationInterface {
  name = 'EscalationProgress1795881468337';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_ups" ADD "escalated_level" integer`);
    await queryRunner.query(`ALTER TABLE "follow_ups" ADD "escalated_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "follow_ups_open_due_at_idx" ON "follow_ups"  ("due_at") WHERE "status" IN ('open', 'in_progress')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."follow_ups_open_due_at_idx"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP COLUMN "escalated_due_at"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP COLUMN "escalated_level"`);
  }
}
