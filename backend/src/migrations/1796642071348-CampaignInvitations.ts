import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignInvitations1796642071348 implements MigrationInterface {
  name = 'CampaignInvitations1796642071348';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "campaign_organization_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL, "invited_by_id" uuid, "inviter_organization_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_id" uuid, "outcome" text, CONSTRAINT "campaign_organization_invitations_decided_check" CHECK (("outcome" IS NULL) = ("decided_at" IS NULL)), CONSTRAINT "campaign_organization_invitations_outcome_check" CHECK ("outcome" IN ('accepted', 'declined', 'withdrawn', 'superseded')), CONSTRAINT "campaign_organization_invitations_role_check" CHECK ("role" IN ('lead', 'signatory')), CONSTRAINT "PK_9f564637dc71a39d781bc9b1e34" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_organization_invitations_campaign_id_idx" ON "campaign_organization_invitations"  ("campaign_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_organization_invitations_invited_by_id_idx" ON "campaign_organization_invitations"  ("invited_by_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_organization_invitations_inviter_organization_id_idx" ON "campaign_organization_invitations"  ("inviter_organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_organization_invitations_decided_by_id_idx" ON "campaign_organization_invitations"  ("decided_by_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "campaign_organization_invitations_organization_id_idx" ON "campaign_organization_invitations"  ("organization_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "campaign_organization_invitations_pending_key" ON "campaign_organization_invitations"  ("campaign_id", "organization_id") WHERE "decided_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" ADD CONSTRAINT "campaign_organization_invitations_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" ADD CONSTRAINT "campaign_organization_invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" ADD CONSTRAINT "campaign_organization_invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" ADD CONSTRAINT "campaign_organization_invitations_inviter_organization_id_fkey" FOREIGN KEY ("inviter_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" ADD CONSTRAINT "campaign_organization_invitations_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" DROP CONSTRAINT "campaign_organization_invitations_decided_by_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" DROP CONSTRAINT "campaign_organization_invitations_inviter_organization_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" DROP CONSTRAINT "campaign_organization_invitations_invited_by_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" DROP CONSTRAINT "campaign_organization_invitations_organization_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organization_invitations" DROP CONSTRAINT "campaign_organization_invitations_campaign_id_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."campaign_organization_invitations_pending_key"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_organization_invitations_organization_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_organization_invitations_decided_by_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_organization_invitations_inviter_organization_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_organization_invitations_invited_by_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_organization_invitations_campaign_id_idx"`);
    await queryRunner.query(`DROP TABLE "campaign_organization_invitations"`);
  }
}
