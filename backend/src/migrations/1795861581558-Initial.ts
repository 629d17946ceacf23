import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795861581558 implements MigrationInterface {
  name = 'Initial1795861581558';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "country" text, "kind" text NOT NULL DEFAULT 'ngo', "contact_email" text, "website" text, "is_example" boolean NOT NULL DEFAULT false, "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "organizations_kind_check" CHECK ("kind" IN ('ngo', 'legal_clinic', 'academic', 'network', 'other')), CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "organizations_name_key" ON "organizations"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "campaign_organizations" ("campaign_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "campaign_organizations_role_check" CHECK ("role" IN ('lead', 'signatory')), CONSTRAINT "campaign_organizations_pkey" PRIMARY KEY ("campaign_id", "organization_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "campaign_organizations_organization_id_idx" ON "campaign_organizations"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" text NOT NULL, "summary" text NOT NULL DEFAULT '', "letter_text" text NOT NULL DEFAULT '', "letter_date" date, "status" text NOT NULL DEFAULT 'draft', "is_example" boolean NOT NULL DEFAULT false, CONSTRAINT "campaigns_status_check" CHECK ("status" IN ('draft', 'active', 'concluded', 'archived')), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "display_name" text NOT NULL, "organization_id" uuid NOT NULL, "role" text NOT NULL, "time_zone" text NOT NULL DEFAULT 'UTC', "locale" text NOT NULL DEFAULT 'en', "is_example" boolean NOT NULL DEFAULT false, "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "users_email_lowercase_check" CHECK ("email" = lower("email")), CONSTRAINT "users_locale_check" CHECK ("locale" IN ('en', 'es')), CONSTRAINT "users_role_check" CHECK ("role" IN ('admin', 'coordinator', 'member', 'observer')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email_key" ON "users"  ("email") `);
    await queryRunner.query(`CREATE INDEX "users_organization_id_idx" ON "users"  ("organization_id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "campaign_id" uuid, "actor_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid, "before" jsonb, "after" jsonb, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "audit_events_actor_id_idx" ON "audit_events"  ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "audit_events_subject_idx" ON "audit_events"  ("subject_type", "subject_id") `);
    await queryRunner.query(`CREATE INDEX "audit_events_campaign_id_id_idx" ON "audit_events"  ("campaign_id", "id") `);
    await queryRunner.query(
      `CREATE TABLE "institutions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "abbreviation" text, "seat_time_zone" text NOT NULL, "website" text, CONSTRAINT "PK_0be7539dcdba335470dc05e9690" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "institutions_name_key" ON "institutions"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "offices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "institution_id" uuid NOT NULL, "title" text NOT NULL, "is_collective" boolean NOT NULL DEFAULT false, "source" text, CONSTRAINT "PK_1ea41502c6dddcec44ad9fcbbb3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "offices_institution_id_title_key" ON "offices"  ("institution_id", "title") `);
    await queryRunner.query(
      `CREATE TABLE "officeholder_terms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "office_id" uuid NOT NULL, "holder_name" text NOT NULL, "starts_on" date, "ends_on" date, "source" text, CONSTRAINT "officeholder_terms_dates_check" CHECK ("ends_on" IS NULL OR "starts_on" IS NULL OR "ends_on" >= "starts_on"), CONSTRAINT "PK_e13ae35b5f334044e93c2e13611" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "officeholder_terms_office_id_idx" ON "officeholder_terms"  ("office_id") `);
    await queryRunner.query(
      `CREATE TABLE "milestones" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "reference" text, "title" text NOT NULL, "kind" text NOT NULL DEFAULT 'deadline', "occurs_on" date NOT NULL, "time_zone" text NOT NULL, "source" text, CONSTRAINT "milestones_kind_check" CHECK ("kind" IN ('context', 'campaign', 'deadline')), CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "milestones_campaign_id_occurs_on_idx" ON "milestones"  ("campaign_id", "occurs_on") `);
    await queryRunner.query(
      `CREATE TABLE "demands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "office_id" uuid NOT NULL, "reference" text, "position" integer NOT NULL DEFAULT '0', "text" text NOT NULL, "category" text NOT NULL, "priority" text NOT NULL DEFAULT 'normal', "status" text NOT NULL DEFAULT 'draft', "sent_at" TIMESTAMP WITH TIME ZONE, "deadline_at" TIMESTAMP WITH TIME ZONE, "deadline_time_zone" text, "deadline_milestone_id" uuid, "deadline_term_id" uuid, "notes" text, CONSTRAINT "demands_deadline_zone_check" CHECK ("deadline_at" IS NULL OR "deadline_time_zone" IS NOT NULL), CONSTRAINT "demands_priority_check" CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "demands_category_check" CHECK ("category" IN ('statement', 'investigation', 'meeting', 'session_agenda', 'resolution', 'disclosure', 'cessation', 'return', 'sanctions', 'other')), CONSTRAINT "demands_status_check" CHECK ("status" IN ('draft', 'sent', 'acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'no_response', 'withdrawn')), CONSTRAINT "PK_d63565b0747a0cfc73e319bfc03" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "demands_office_id_idx" ON "demands"  ("office_id") `);
    await queryRunner.query(`CREATE INDEX "demands_deadline_milestone_id_idx" ON "demands"  ("deadline_milestone_id") `);
    await queryRunner.query(`CREATE INDEX "demands_deadline_term_id_idx" ON "demands"  ("deadline_term_id") `);
    await queryRunner.query(`CREATE INDEX "demands_campaign_id_position_idx" ON "demands"  ("campaign_id", "position") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "demands_campaign_id_reference_key" ON "demands"  ("campaign_id", "reference") `);
    await queryRunner.query(
      `CREATE TABLE "demand_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "demand_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "note" text, "actor_id" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "demand_status_changes_to_status_check" CHECK ("to_status" IN ('draft', 'sent', 'acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected', 'no_response', 'withdrawn')), CONSTRAINT "PK_061ddae2301d899fd06c7ddcaca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "demand_status_changes_actor_id_idx" ON "demand_status_changes"  ("actor_id") `);
    await queryRunner.query(
      `CREATE INDEX "demand_status_changes_demand_id_changed_at_idx" ON "demand_status_changes"  ("demand_id", "changed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "response_demands" ("response_id" uuid NOT NULL, "demand_id" uuid NOT NULL, CONSTRAINT "response_demands_pkey" PRIMARY KEY ("response_id", "demand_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "response_demands_demand_id_idx" ON "response_demands"  ("demand_id") `);
    await queryRunner.query(
      `CREATE TABLE "responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "received_on" date NOT NULL, "channel" text NOT NULL, "summary" text NOT NULL, "source_url" text, "assessment" text NOT NULL, "logged_by_id" uuid, CONSTRAINT "responses_assessment_check" CHECK ("assessment" IN ('positive', 'partial', 'negative', 'non_committal')), CONSTRAINT "responses_channel_check" CHECK ("channel" IN ('letter', 'email', 'meeting', 'public_statement', 'session_record', 'other')), CONSTRAINT "PK_be3bdac59bd243dff421ad7bf70" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "responses_institution_id_idx" ON "responses"  ("institution_id") `);
    await queryRunner.query(`CREATE INDEX "responses_logged_by_id_idx" ON "responses"  ("logged_by_id") `);
    await queryRunner.query(`CREATE INDEX "responses_campaign_id_received_on_idx" ON "responses"  ("campaign_id", "received_on") `);
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "campaign_id" uuid NOT NULL, "demand_id" uuid, "response_id" uuid, "organization_id" uuid NOT NULL, "assignee_id" uuid, "title" text NOT NULL, "details" text NOT NULL DEFAULT '', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_time_zone" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "completion_note" text, "completed_at" TIMESTAMP WITH TIME ZONE, "is_example" boolean NOT NULL DEFAULT false, "created_by_id" uuid, CONSTRAINT "follow_ups_status_check" CHECK ("status" IN ('open', 'in_progress', 'done', 'cancelled')), CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "follow_ups_demand_id_idx" ON "follow_ups"  ("demand_id") `);
    await queryRunner.query(`CREATE INDEX "follow_ups_response_id_idx" ON "follow_ups"  ("response_id") `);
    await queryRunner.query(`CREATE INDEX "follow_ups_assignee_id_idx" ON "follow_ups"  ("assignee_id") `);
    await queryRunner.query(`CREATE INDEX "follow_ups_created_by_id_idx" ON "follow_ups"  ("created_by_id") `);
    await queryRunner.query(`CREATE INDEX "follow_ups_organization_id_due_at_idx" ON "follow_ups"  ("organization_id", "due_at") `);
    await queryRunner.query(`CREATE INDEX "follow_ups_campaign_id_due_at_idx" ON "follow_ups"  ("campaign_id", "due_at") `);
    await queryRunner.query(
      `ALTER TABLE "campaign_organizations" ADD CONSTRAINT "campaign_organizations_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "campaign_organizations" ADD CONSTRAINT "campaign_organizations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offices" ADD CONSTRAINT "offices_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "officeholder_terms" ADD CONSTRAINT "officeholder_terms_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "milestones" ADD CONSTRAINT "milestones_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "demands_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "demands_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "demands_deadline_milestone_id_fkey" FOREIGN KEY ("deadline_milestone_id") REFERENCES "milestones"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demands" ADD CONSTRAINT "demands_deadline_term_id_fkey" FOREIGN KEY ("deadline_term_id") REFERENCES "officeholder_terms"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_status_changes" ADD CONSTRAINT "demand_status_changes_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_status_changes" ADD CONSTRAINT "demand_status_changes_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response_demands" ADD CONSTRAINT "response_demands_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "response_demands" ADD CONSTRAINT "response_demands_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responses" ADD CONSTRAINT "responses_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responses" ADD CONSTRAINT "responses_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responses" ADD CONSTRAINT "responses_logged_by_id_fkey" FOREIGN KEY ("logged_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_created_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_assignee_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_organization_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_response_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_demand_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "responses_logged_by_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "responses_institution_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "responses" DROP CONSTRAINT "responses_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "response_demands" DROP CONSTRAINT "response_demands_demand_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "response_demands" DROP CONSTRAINT "response_demands_response_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demand_status_changes" DROP CONSTRAINT "demand_status_changes_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demand_status_changes" DROP CONSTRAINT "demand_status_changes_demand_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "demands_deadline_term_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "demands_deadline_milestone_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "demands_office_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "demands" DROP CONSTRAINT "demands_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "milestones" DROP CONSTRAINT "milestones_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "officeholder_terms" DROP CONSTRAINT "officeholder_terms_office_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "offices" DROP CONSTRAINT "offices_institution_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_campaign_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "users_organization_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "campaign_organizations" DROP CONSTRAINT "campaign_organizations_organization_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "campaign_organizations" DROP CONSTRAINT "campaign_organizations_campaign_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_campaign_id_due_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_organization_id_due_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_created_by_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_assignee_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_response_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."follow_ups_demand_id_idx"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`DROP INDEX "public"."responses_campaign_id_received_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."responses_logged_by_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."responses_institution_id_idx"`);
    await queryRunner.query(`DROP TABLE "responses"`);
    await queryRunner.query(`DROP INDEX "public"."response_demands_demand_id_idx"`);
    await queryRunner.query(`DROP TABLE "response_demands"`);
    await queryRunner.query(`DROP INDEX "public"."demand_status_changes_demand_id_changed_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demand_status_changes_actor_id_idx"`);
    await queryRunner.query(`DROP TABLE "demand_status_changes"`);
    await queryRunner.query(`DROP INDEX "public"."demands_campaign_id_reference_key"`);
    await queryRunner.query(`DROP INDEX "public"."demands_campaign_id_position_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demands_deadline_term_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demands_deadline_milestone_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."demands_office_id_idx"`);
    await queryRunner.query(`DROP TABLE "demands"`);
    await queryRunner.query(`DROP INDEX "public"."milestones_campaign_id_occurs_on_idx"`);
    await queryRunner.query(`DROP TABLE "milestones"`);
    await queryRunner.query(`DROP INDEX "public"."officeholder_terms_office_id_idx"`);
    await queryRunner.query(`DROP TABLE "officeholder_terms"`);
    await queryRunner.query(`DROP INDEX "public"."offices_institution_id_title_key"`);
    await queryRunner.query(`DROP TABLE "offices"`);
    await queryRunner.query(`DROP INDEX "public"."institutions_name_key"`);
    await queryRunner.query(`DROP TABLE "institutions"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_campaign_id_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_subject_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_actor_id_idx"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "public"."users_organization_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."users_email_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."campaign_organizations_organization_id_idx"`);
    await queryRunner.query(`DROP TABLE "campaign_organizations"`);
    await queryRunner.query(`DROP INDEX "public"."organizations_name_key"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
  }
}
