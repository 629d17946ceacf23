import pg from 'pg';

/**
 * A PostgreSQL `date` is a calendar day, not an instant: keep it as the 'YYYY-MM-DD' string.
 * (node-postgres would otherwise make it a Date at local midnight, which shifts the day in any
 * zone west of the server's.) Imported for its effect by data-source-options.ts.
 */
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);
