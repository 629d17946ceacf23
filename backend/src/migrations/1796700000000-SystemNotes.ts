import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notes the system writes on a status change are stored as a key with parameters, worded in the
 * reader's language when read (issue 19 §4; shared/src/system-notes.ts), not in English. The
 * notes it wrote in English before are turned into their keys here: the exact sentences of
 * unanswered-demands.ts, proposals.service.ts and responses.service.ts until this migration.
 */
export class SystemNotes1796700000000 implements MigrationInterface {
  name = 'SystemNotes1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "demand_status_changes" ADD "note_key" text`);
    await queryRunner.query(`ALTER TABLE "demand_status_changes" ADD "note_params" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "demand_status_changes" ADD CONSTRAINT "demand_status_changes_note_key_check" CHECK ("note_key" IN ('deadline_passed', 'deadline_passed_before_sending', 'proposal_confirmed', 'proposal_confirmed_unnamed', 'response_logged'))`,
    );
    await queryRunner.query(
      `UPDATE demand_status_changes SET note_key = 'deadline_passed', note_params = '{}', note = NULL
       WHERE actor_id IS NULL AND note = 'The deadline passed with no response.'`,
    );
    await queryRunner.query(
      `UPDATE demand_status_changes
       SET note_key = 'proposal_confirmed', note_params = jsonb_build_object('proposer', substring(note from '^Confirmed a proposed move \\(proposed by (.*)\\)$')), note = NULL
       WHERE actor_id IS NOT NULL AND note ~ '^Confirmed a proposed move \\(proposed by .*\\)$'`,
    );
    await queryRunner.query(
      `UPDATE demand_status_changes SET note_key = 'proposal_confirmed_unnamed', note_params = '{}', note = NULL
       WHERE actor_id IS NOT NULL AND note = 'Confirmed a proposed move'`,
    );
    await queryRunner.query(
      `UPDATE demand_status_changes
       SET note_key = 'response_logged',
           note_params = jsonb_build_object('receivedOn', substring(note from '^Response of (\\d{4}-\\d{2}-\\d{2}): '),
                                            'summary', substring(note from '^Response of \\d{4}-\\d{2}-\\d{2}: (.*)$')),
           note = NULL
       WHERE actor_id IS NOT NULL AND note ~ '^Response of \\d{4}-\\d{2}-\\d{2}: '`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE demand_status_changes SET note = CASE note_key
         WHEN 'deadline_passed' THEN 'The deadline passed with no response.'
         WHEN 'deadline_passed_before_sending' THEN 'The deadline had passed when the campaign was marked as sent.'
         WHEN 'proposal_confirmed' THEN 'Confirmed a proposed move (proposed by ' || (note_params ->> 'proposer') || ')'
         WHEN 'proposal_confirmed_unnamed' THEN 'Confirmed a proposed move'
         WHEN 'response_logged' THEN 'Response of ' || (note_params ->> 'receivedOn') || ': ' || (note_params ->> 'summary')
       END
       WHERE note_key IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "demand_status_changes" DROP CONSTRAINT "demand_status_changes_note_key_check"`);
    await queryRunner.query(`ALTER TABLE "demand_status_changes" DROP COLUMN "note_params"`);
    await queryRunner.query(`ALTER TABLE "demand_status_changes" DROP COLUMN "note_key"`);
  }
}
