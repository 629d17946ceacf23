/**
 * Developer tool: writes a migration for whatever the entities have that the migrations lack.
 * It applies the existing migrations to a scratch database, diffs the entities against it, writes
 * `src/migrations/<timestamp>-<Name>.ts`, and drops the scratch database.
 *
 *   npm run build -w @demarche/backend && npm run migration:generate -w @demarche/backend -- AddThing
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, REPO_ROOT } from '../core/config/config.js';
import { dataSourceOptions } from '../core/database/data-source-options.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration <PascalCaseName>');
  process.exit(2);
}
const config = loadConfig();
const scratch = `demarche_migration_${Date.now()}`;
const adminUrl = new URL(config.databaseUrl);
adminUrl.pathname = '/postgres';
const scratchUrl = new URL(config.databaseUrl);
scratchUrl.pathname = `/${scratch}`;

const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
try {
  const ds = new DataSource(dataSourceOptions({ ...config, databaseUrl: scratchUrl.toString() }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('The entities and the migrations agree: nothing to generate.');
  } else {
    const timestamp = Date.now();
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join('\n');
    const file = resolve(REPO_ROOT, `backend/src/migrations/${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}; add it to src/migrations/index.ts.`);
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  await admin.end();
}
