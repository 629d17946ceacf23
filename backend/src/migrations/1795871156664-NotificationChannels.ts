import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationChannels1795871156664 implements MigrationInterface {
  name = 'NotificationChannels1795871156664';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "channels" jsonb NOT NULL DEFAULT '{}', "digest" text NOT NULL DEFAULT 'off', "muted_campaign_ids" uuid array NOT NULL DEFAULT '{}', "last_digest_on" date, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_preferences_digest_check" CHECK ("digest" IN ('off', 'daily')), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid, "campaign_id" uuid, "url" text NOT NULL, "secret" text NOT NULL, "events" text array NOT NULL DEFAULT '{}', "locale" text NOT NULL DEFAULT 'en', "active" boolean NOT NULL DEFAULT true, "created_by_id" uuid, CONSTRAINT "webhooks_locale_check" CHECK ("locale" IN ('en', 'es')), CONSTRAINT "webhooks_owner_check" CHECK (("organization_id" IS NULL) <> ("campaign_id" IS NULL)), CONSTRAINT "PK_9e8795cfc899ab7bdaa831e8527" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "webhooks_organization_id_idx" ON "webhooks"  ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "webhooks_campaign_id_idx" ON "webhooks"  ("campaign_id") `);
    await queryRunner.query(`CREATE INDEX "webhooks_created_by_id_idx" ON "webhooks"  ("created_by_id") `);
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "webhook_id" uuid NOT NULL, "event_key" text NOT NULL, "event" text NOT NULL, "payload" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_status_code" integer, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "webhook_deliveries_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed', 'cancelled')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries"  ("created_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "webhook_deliveries_webhook_id_created_at_idx" ON "webhook_deliveries"  ("webhook_id", "created_at", "id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "webhook_deliveries_event_key" ON "webhook_deliveries"  ("webhook_id", "event_key") `);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "in_app" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "email_status" text NOT NULL DEFAULT 'none'`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "mail" jsonb`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "email_attempts" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "emailed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "notifications_email_digest_idx" ON "notifications"  ("user_id", "created_at") WHERE "email_status" = 'digest'`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_email_pending_idx" ON "notifications"  ("created_at") WHERE "email_status" = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_email_status_check" CHECK ("email_status" IN ('none', 'pending', 'sent', 'failed', 'digest', 'digested'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_webhook_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "webhooks_created_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "webhooks_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "webhooks" DROP CONSTRAINT "webhooks_organization_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_email_status_check"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_email_pending_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_email_digest_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "emailed_at"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "email_attempts"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "mail"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "email_status"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "in_app"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_event_key"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_webhook_id_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_pending_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."webhooks_created_by_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."webhooks_campaign_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."webhooks_organization_id_idx"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
  }
}
