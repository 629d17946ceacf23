/**
 * Operator commands (README "Commands"):
 *   npm run cli -- create-admin --email E --password P --org "Name"
 *   npm run cli -- create-user  --email E --password P --org "Name" --role coordinator|member|observer
 * `--password -` reads the password from standard input (keeps it out of the shell history and
 * the process list). The organization is created if it does not exist. Nothing secret is printed.
 */
import { parseArgs } from 'node:util';
import { isOneOf, ROLES, type Role } from '@demarche/shared';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../core/auth/passwords.js';
import { loadConfig } from '../core/config/config.js';
import { dataSourceOptions } from '../core/database/data-source-options.js';
import { migrate } from '../core/database/database-admin.js';
import { preflight } from '../preflight.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { inTransaction } from '../core/database/transaction.js';

export class UsageError extends Error {}

const USAGE = `usage:
  npm run cli -- create-admin --email E --password P|- --org "Name" [--name "Display name"]
  npm run cli -- create-user  --email E --password P|- --org "Name" --role coordinator|member|observer [--name "Display name"]`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function runCli(argv: string[], out: (line: string) => void): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'create-admin' && command !== 'create-user') throw new UsageError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      org: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
    },
    strict: true,
  });
  const role: Role | undefined =
    command === 'create-admin' ? 'admin' : isOneOf(ROLES, values.role) && values.role !== 'admin' ? values.role : undefined;
  if (!values.email || !values.password || !values.org || !role) throw new UsageError(USAGE);
  const email = values.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError('--email must be an e-mail address');
  const password = values.password === '-' ? await readStdin() : values.password;
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new UsageError(`the password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`);
  }
  const orgName = values.org.trim();

  const config = loadConfig();
  await preflight(config);
  await migrate(config);
  const dataSource = await new DataSource({ ...dataSourceOptions(config), poolSize: 2 }).initialize();
  try {
    const hash = await hashPassword(password);
    const created = await inTransaction(dataSource, async (manager) => {
      if (await manager.exists(User, { where: { email } })) throw new UsageError(`a user with the e-mail ${email} exists already`);
      let organization = await manager.findOne(Organization, { where: { name: orgName } });
      const newOrganization = !organization;
      organization ??= await manager.save(Organization, manager.create(Organization, { name: orgName }));
      const user = await manager.save(
        User,
        manager.create(User, {
          email,
          displayName: values.name?.trim() || email,
          organizationId: organization.id,
          role,
          passwordHash: hash,
          passwordChangedAt: new Date(),
        }),
      );
      await manager.insert(AuditEvent, {
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        after: { email, role, organizationId: organization.id, via: 'cli' },
        occurredAt: new Date(),
      });
      return { organization, newOrganization };
    });
    out(
      `Created ${role} ${email} in ${created.newOrganization ? 'the new organization' : 'the organization'} "${created.organization.name}".`,
    );
  } finally {
    await dataSource.destroy();
  }
}
