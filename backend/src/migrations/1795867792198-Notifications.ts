import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795867792198 implements MigrationInterface {
  name = 'Notifications1795867792198';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL DEFAULT '', "link" text, "campaign_id" uuid, "dedupe_key" text, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_campaign_id_idx" ON "notifications"  ("campaign_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "notifications_unread_idx" ON "notifications"  ("user_id") WHERE "read_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"  ("user_id", "created_at", "id") `);
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_user_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_id_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_unread_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_dedupe_key_key"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_campaign_id_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
  }
}
