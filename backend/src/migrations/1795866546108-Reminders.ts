import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795866546108 implements MigrationInterface {
  name = 'Reminders1795866546108';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "recipient_id" uuid NOT NULL, "kind" text NOT NULL, "offset_days" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "sent_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reminders_kind_check" CHECK ("kind" IN ('before', 'due', 'overdue')), CONSTRAINT "reminders_status_check" CHECK ("status" IN ('pending', 'sent', 'cancelled', 'failed')), CONSTRAINT "reminders_subject_type_check" CHECK ("subject_type" IN ('follow_up', 'demand')), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "reminders_campaign_id_idx" ON "reminders"  ("campaign_id") `);
    await queryRunner.query(`CREATE INDEX "reminders_recipient_id_idx" ON "reminders"  ("recipient_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "reminders_pending_key" ON "reminders"  ("subject_type", "subject_id", "recipient_id", "kind", "offset_days") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "reminders_pending_fire_at_idx" ON "reminders"  ("fire_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "reminders_subject_idx" ON "reminders"  ("subject_type", "subject_id") `);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "reminder_policy" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "reminders_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "reminders_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "reminders_recipient_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "reminders_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "reminder_policy"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_subject_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_pending_fire_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_pending_key"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_recipient_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_campaign_id_idx"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
  }
}
