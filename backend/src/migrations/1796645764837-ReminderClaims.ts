import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderClaims1796645764837 implements MigrationInterface {
  name = 'ReminderClaims1796645764837';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "reminders" ADD "claim_token" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "claim_token"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "claimed_until"`);
  }
}
