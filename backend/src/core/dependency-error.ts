export interface UnreachableDependency {
  dependency: 'PostgreSQL' | 'Redis';
  address: string;
  cause: unknown;
}

function describe(cause: unknown): string {
  const c = cause as { code?: string; message?: string } | null;
  return c?.code || c?.message || String(cause);
}

/** PostgreSQL or Redis (or both) cannot be reached; the message says where and what to do. */
export class DependencyUnavailableError extends Error {
  constructor(readonly unreachable: UnreachableDependency[]) {
    const variables = unreachable.map((u) => (u.dependency === 'PostgreSQL' ? 'DATABASE_URL' : 'REDIS_URL'));
    super(
      unreachable.map((u) => `${u.dependency} is not reachable at ${u.address} (${describe(u.cause)}).`).join('\n') +
        `\nStart ${unreachable.length > 1 ? 'them' : 'it'} with \`docker compose up -d postgres redis\`, ` +
        `or set ${variables.join(' and ')} to a running server.`,
    );
    this.name = 'DependencyUnavailableError';
  }
}

/** PostgreSQL or Redis is reachable but configured so that the process must not run on it. */
export class DependencyMisconfiguredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DependencyMisconfiguredError';
  }
}
