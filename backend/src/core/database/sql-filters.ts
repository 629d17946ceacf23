/**
 * Builds the WHERE clause of a list query and its parameters together, so no placeholder number
 * is ever counted by hand: each `?` in a clause becomes the next `$n`.
 *
 *   const f = new SqlFilters(campaignId);          // $1
 *   f.add('d.campaign_id = $1');                   // a clause with no new value
 *   if (q.status) f.add('d.status = ?', q.status); // $2
 *   db.query(`… WHERE ${f.where} LIMIT ${f.param(limit + 1)}`, f.params)
 */
export class SqlFilters {
  readonly params: unknown[];
  private readonly clauses: string[] = [];

  constructor(...fixed: unknown[]) {
    this.params = [...fixed];
  }

  /** Adds a clause; each `?` in it takes the next of `values`. */
  add(sql: string, ...values: unknown[]): this {
    let i = 0;
    this.clauses.push(
      sql.replace(/\?/g, () => {
        if (i >= values.length) throw new Error(`more ? than values in: ${sql}`);
        return this.param(values[i++]);
      }),
    );
    if (i !== values.length) throw new Error(`more values than ? in: ${sql}`);
    return this;
  }

  /** Adds a value and returns its placeholder, for use outside the WHERE clause (LIMIT). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.clauses.length > 0 ? this.clauses.join(' AND ') : 'true';
  }
}

/** A LIKE pattern matching `text` anywhere, with its own wildcards escaped. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * A list of statuses (or any other closed set of codes) written into SQL as literals —
 * `f.status IN ${sqlList(OPEN_FOLLOW_UP_STATUSES)}` — from the list `shared` defines, so a status
 * added there changes every query that reads the set. Literals, not a parameter: the planner
 * matches them against partial indexes (`WHERE status IN ('open', 'in_progress')`), which
 * `= ANY($n)` under a generic plan does not. Only lower-case codes are accepted.
 */
export function sqlList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('sqlList: an empty list matches nothing; write the condition out instead');
  for (const v of values) if (!/^[a-z][a-z0-9_]*$/.test(v)) throw new Error(`sqlList: ${JSON.stringify(v)} is not a code`);
  return `(${values.map((v) => `'${v}'`).join(', ')})`;
}
