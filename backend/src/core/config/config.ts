import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The process configuration, read once from the environment and validated. A missing or malformed
 * variable stops the process with a message naming it; values are never echoed, since some hold
 * credentials.
 */

const here = dirname(fileURLToPath(import.meta.url));
/** The repository's root, from `backend/{src,dist}/core/config/`. */
export const REPO_ROOT = resolve(here, '../../../..');
export const DEFAULT_PUBLIC_DIR = resolve(REPO_ROOT, 'frontend/dist/demarche/browser');

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

const url = (protocols: string[], fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) => v ?? fallback)
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { error: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    );

const int = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? String(fallback) : v))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, { error: 'must be a whole number' })
        .transform(Number)
        .pipe(
          z
            .number()
            .min(min, { error: `must be at least ${min}` })
            .max(max, { error: `must be at most ${max}` }),
        ),
    );

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  HOST: z.string().min(1, { error: 'must not be empty' }).default('localhost'),
  PORT: int(3000, 0, 65535),
  DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://postgres:postgres@localhost:5432/demarche'),
  DATABASE_POOL_SIZE: int(10, 1, 200),
  WORKER_DATABASE_POOL_SIZE: int(24, 1, 200),
  REDIS_URL: url(['redis:', 'rediss:'], 'redis://localhost:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]{1,64}$/, { error: 'must be 1–64 letters, digits or _ : . -' })
    .default('demarche'),
  DEMO_DATA: bool(true),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  PUBLIC_DIR: z.string().min(1).optional(),
  TRUST_PROXY: bool(false),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 100, 600_000),
  PUBLIC_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z
    .string()
    .min(3, { error: 'must be an address such as "Demarche <no-reply@example.org>"' })
    .default('Demarche <no-reply@localhost>'),
  SESSION_IDLE_MINUTES: int(720, 5, 60 * 24 * 30),
  SESSION_MAX_HOURS: int(168, 1, 24 * 90),
  RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS: int(10, 1, 10_000),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: int(50, 1, 100_000),
  RATE_LIMIT_LOGIN_PER_ADDRESS: int(30, 1, 100_000),
  RATE_LIMIT_PER_MINUTE: int(600, 1, 1_000_000),
  DEMO_LOGINS_FILE: z.string().min(1).optional(),
  REMINDER_SWEEP_MS: int(15_000, 200, 3_600_000),
  REMINDER_LOOKAHEAD_MS: int(300_000, 1_000, 86_400_000),
  DELIVERY_ATTEMPTS: int(6, 1, 20),
  DELIVERY_RETRY_MS: int(10_000, 100, 3_600_000),
  REMINDER_CLAIM_MS: int(60_000, 1_000, 3_600_000),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool(false),
  WEBHOOK_TIMEOUT_MS: int(10_000, 100, 120_000),
  SECURITY_CONTACT: z.string().optional(),
});

function validUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  databasePoolSize: number;
  /**
   * The worker process's pool: 16 reminder deliveries run at once beside the other queues' jobs,
   * with 16 connections kept warm for them (docs/reminders.md, docs/performance.md).
   */
  workerDatabasePoolSize: number;
  /**
   * Connections the pool keeps open however long they sit idle (none unless set): the worker
   * keeps one per concurrent reminder delivery, warmed at start, so that a burst of reminders
   * after a quiet hour does not first open them.
   */
  databasePoolKept?: number;
  redisUrl: string;
  redisPrefix: string;
  demoData: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The built dashboard; null when it has not been built (the API then serves only /api). */
  publicDir: string | null;
  trustProxy: boolean;
  shutdownTimeoutMs: number;
  /** Where people reach the dashboard (links in e-mails; https turns on Secure cookies and HSTS). */
  publicUrl: string;
  /** True when publicUrl is https: cookies are Secure and `__Host-` prefixed. */
  secureCookies: boolean;
  /** SMTP server for e-mail; null sends nothing and logs each message instead. */
  smtpUrl: string | null;
  mailFrom: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /**
   * Failed sign-ins allowed before a 429 (docs/adr/0016): per account from one address or one known
   * device (15 min), per account from devices it does not know (1 h), per address across accounts (15 min).
   */
  rateLimits: { loginPerAccountAddress: number; loginPerAccount: number; loginPerAddress: number; perMinute: number };
  /** Where the first start writes the demo accounts' passwords (owner-readable only). */
  demoLoginsFile: string;
  /** How often the worker moves reminders due soon from PostgreSQL into BullMQ, and how far ahead. */
  reminderSweepMs: number;
  reminderLookaheadMs: number;
  /**
   * Reminders, notification e-mails and webhook deliveries are tried this many times, the first
   * retry after `deliveryRetryMs` and each next one after twice as long; then marked failed.
   */
  deliveryAttempts: number;
  deliveryRetryMs: number;
  /**
   * How long a worker's claim on a reminder lasts while it sends it (ADR 0018): longer than any
   * SMTP send may take (the mailer's timeouts), after which another worker may take it over.
   */
  reminderClaimMs: number;
  /** Operators only: let webhooks reach private, loopback and link-local addresses (off by default). */
  webhookAllowPrivateTargets: boolean;
  webhookTimeoutMs: number;
  /** Whom to tell about a vulnerability (`Contact:` of /.well-known/security.txt): a mailto:, https: or tel: URI. */
  securityContact: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nSee the configuration table in README.md.',
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })));
  }
  const v = parsed.data;
  const problems: { variable: string; message: string }[] = [];
  if (v.PUBLIC_URL !== undefined && !validUrl(v.PUBLIC_URL, ['http:', 'https:'])) {
    problems.push({ variable: 'PUBLIC_URL', message: 'must be a URL starting with http:// or https://' });
  }
  if (v.SMTP_URL !== undefined && v.SMTP_URL !== '' && !validUrl(v.SMTP_URL, ['smtp:', 'smtps:'])) {
    problems.push({ variable: 'SMTP_URL', message: 'must be a URL starting with smtp:// or smtps://' });
  }
  if (v.SECURITY_CONTACT !== undefined && !validUrl(v.SECURITY_CONTACT, ['mailto:', 'https:', 'tel:'])) {
    problems.push({ variable: 'SECURITY_CONTACT', message: 'must be a URI starting with mailto:, https:// or tel:' });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '');
  const publicDir = v.PUBLIC_DIR ? resolve(v.PUBLIC_DIR) : DEFAULT_PUBLIC_DIR;
  if (v.PUBLIC_DIR && !existsSync(resolve(publicDir, 'index.html'))) {
    throw new ConfigError([{ variable: 'PUBLIC_DIR', message: 'must be a folder holding the built dashboard (index.html)' }]);
  }
  return {
    nodeEnv: v.NODE_ENV,
    host: v.HOST,
    port: v.PORT,
    databaseUrl: v.DATABASE_URL,
    databasePoolSize: v.DATABASE_POOL_SIZE,
    workerDatabasePoolSize: v.WORKER_DATABASE_POOL_SIZE,
    redisUrl: v.REDIS_URL,
    redisPrefix: v.REDIS_PREFIX,
    demoData: v.DEMO_DATA,
    logLevel: v.LOG_LEVEL,
    publicDir: existsSync(resolve(publicDir, 'index.html')) ? publicDir : null,
    trustProxy: v.TRUST_PROXY,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    smtpUrl: v.SMTP_URL || null,
    mailFrom: v.MAIL_FROM,
    sessionIdleMinutes: v.SESSION_IDLE_MINUTES,
    sessionMaxHours: v.SESSION_MAX_HOURS,
    rateLimits: {
      loginPerAccountAddress: v.RATE_LIMIT_LOGIN_PER_ACCOUNT_ADDRESS,
      loginPerAccount: v.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      loginPerAddress: v.RATE_LIMIT_LOGIN_PER_ADDRESS,
      perMinute: v.RATE_LIMIT_PER_MINUTE,
    },
    demoLoginsFile: resolve(v.DEMO_LOGINS_FILE ?? resolve(REPO_ROOT, '.demarche/demo-logins.txt')),
    reminderSweepMs: v.REMINDER_SWEEP_MS,
    reminderLookaheadMs: v.REMINDER_LOOKAHEAD_MS,
    deliveryAttempts: v.DELIVERY_ATTEMPTS,
    deliveryRetryMs: v.DELIVERY_RETRY_MS,
    reminderClaimMs: v.REMINDER_CLAIM_MS,
    webhookAllowPrivateTargets: v.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    webhookTimeoutMs: v.WEBHOOK_TIMEOUT_MS,
    securityContact: v.SECURITY_CONTACT ?? `mailto:security@${new URL(publicUrl).hostname}`,
  };
}

/** `host:port` of a URL, for messages: never the credentials. */
export function addressOf(connectionUrl: string, defaultPort: number): string {
  const u = new URL(connectionUrl);
  return `${u.hostname}:${u.port || defaultPort}`;
}
