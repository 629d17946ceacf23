import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailLastError1796645743626 implements MigrationInterface {
  name = 'EmailLastError1796645743626';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "email_last_error" text`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "email_failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "notifications_email_failed_idx" ON "notifications"  ("email_failed_at") WHERE "email_status" = 'failed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notifications_email_failed_idx"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "email_failed_at"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "email_last_error"`);
  }
}
