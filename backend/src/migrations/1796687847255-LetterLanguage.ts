import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language the campaign's letter is written in (issue 19: the set-up's first step), as a
 * language tag — `en`, `es`, `fr`, `pt-BR` —, not one of the dashboard's locales: a coalition
 * writes to the OAS in Spanish and reads Demarche in English. Null: not said.
 */
export class LetterLanguage1796687847255 implements MigrationInterface {
  name = 'LetterLanguage1796687847255';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "letter_language" text`);
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_letter_language_check" CHECK ("letter_language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_letter_language_check"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "letter_language"`);
  }
}
