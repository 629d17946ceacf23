import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnownDevices1796642563190 implements MigrationInterface {
  name = 'KnownDevices1796642563190';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "known_devices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" bytea NOT NULL, "user_agent" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1337dfd94ae70a64a4c50e52ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "known_devices_user_id_idx" ON "known_devices"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "known_devices_token_hash_key" ON "known_devices"  ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "known_devices" ADD CONSTRAINT "known_devices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "known_devices" DROP CONSTRAINT "known_devices_user_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."known_devices_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."known_devices_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "known_devices"`);
  }
}
