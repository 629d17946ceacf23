import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `queued_at`: when the sweep handed the reminder to BullMQ (ADR 0019). The sweep reads only the
 * pending rows not handed over yet, through the partial index, instead of the whole look-ahead on
 * every run. And the failed reminders, few among many, get an index of their own for the admin list.
 */
export class ReminderQueuedAt1796652725131 implements MigrationInterface {
  name = 'ReminderQueuedAt1796652725131';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" ADD "queued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "reminders_unqueued_fire_at_idx" ON "reminders" ("fire_at", "id") WHERE "status" = 'pending' AND "queued_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "reminders_failed_idx" ON "reminders" ("updated_at") WHERE "status" = 'failed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reminders_failed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_unqueued_fire_at_idx"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "queued_at"`);
  }
}
