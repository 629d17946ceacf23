import { readFileSync } from 'node:fs';
import { DEMAND_CATEGORIES, MILESTONE_KINDS, isOneOf, isValidTimeZone, type DemandCategory, type MilestoneKind } from '@demarche/shared';
import { parseCsv } from './csv.js';

/**
 * The founding campaign — the coalition letter of 29 April 2025 — as the tables in
 * `backend/data/founding-campaign/` (copied from the project's seeds; see its README). Read and
 * checked here, loaded by demo-data.loader.ts.
 */

const DATA_DIR = new URL('../../data/founding-campaign/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, DATA_DIR), 'utf8');

export interface OfficeRow {
  key: string;
  institution: string;
  office: string;
  collective: boolean;
  seatTimeZone: string;
  source: string;
}
export interface TermRow {
  office: string;
  holder: string;
  from: string | null;
  until: string | null;
  source: string;
}
export interface MilestoneRow {
  key: string;
  date: string;
  timeZone: string;
  title: string;
  kind: MilestoneKind;
  source: string;
}
export interface DemandRow {
  key: string;
  office: string;
  category: DemandCategory;
  quote: string;
  deadlineMilestone: string | null;
  note: string | null;
}

export interface FoundingCampaign {
  title: string;
  summary: string;
  letterText: string;
  letterDate: string;
  /** Named in the letter as its senders; both lead the campaign. */
  signatories: { name: string; kind: 'ngo' }[];
  offices: OfficeRow[];
  terms: TermRow[];
  milestones: MilestoneRow[];
  demands: DemandRow[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`founding campaign data: ${message}`);
}

export function readFoundingCampaign(): FoundingCampaign {
  const offices = parseCsv(read('offices.csv')).map((r) => ({
    key: r.key!,
    institution: r.institution!,
    office: r.office!,
    collective: r.collective === 'yes',
    seatTimeZone: r.seat_time_zone!,
    source: r.source!,
  }));
  const officeKeys = new Set(offices.map((o) => o.key));
  for (const o of offices) check(isValidTimeZone(o.seatTimeZone), `office ${o.key}: unknown zone ${o.seatTimeZone}`);

  const terms = parseCsv(read('terms.csv')).map((r) => ({
    office: r.office!,
    holder: r.holder!,
    from: r.from || null,
    until: r.until || null,
    source: r.source!,
  }));
  for (const t of terms) {
    check(officeKeys.has(t.office), `term of ${t.holder}: unknown office ${t.office}`);
    check((t.from === null || DATE.test(t.from)) && (t.until === null || DATE.test(t.until)), `term of ${t.holder}: bad date`);
  }

  const milestones = parseCsv(read('milestones.csv')).map((r) => {
    check(isOneOf(MILESTONE_KINDS, r.kind), `milestone ${r.key}: unknown kind ${r.kind}`);
    return { key: r.key!, date: r.date!, timeZone: r.time_zone!, title: r.title!, kind: r.kind, source: r.source! };
  });
  const milestoneKeys = new Set(milestones.map((m) => m.key));
  for (const m of milestones) check(DATE.test(m.date) && isValidTimeZone(m.timeZone), `milestone ${m.key}: bad date or zone`);

  const demands = parseCsv(read('demands.csv')).map((r) => {
    check(isOneOf(DEMAND_CATEGORIES, r.category), `demand ${r.key}: unknown category ${r.category}`);
    check(officeKeys.has(r.office!), `demand ${r.key}: unknown office ${r.office}`);
    check(!r.deadline_milestone || milestoneKeys.has(r.deadline_milestone), `demand ${r.key}: unknown milestone`);
    return {
      key: r.key!,
      office: r.office!,
      category: r.category,
      quote: r.quote!,
      deadlineMilestone: r.deadline_milestone || null,
      note: r.note || null,
    };
  });
  check(new Set(demands.map((d) => d.key)).size === demands.length, 'duplicate demand keys');

  // The letter file opens with the coalition's own summary, then the letter from its date line
  // to "Respectfully,".
  const letter = read('coalition-letter-2025-04-29.txt').replace(/\r\n/g, '\n');
  const lines = letter.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'April 29, 2025');
  const end = lines.findIndex((l) => l.trim() === 'Respectfully,');
  check(start > 0 && end > start, 'letter text: date line or closing not found');
  const re = lines.find((l) => l.startsWith('RE: '));
  check(re !== undefined, 'letter text: no RE line');

  return {
    title: re.slice(4).trim(),
    summary: lines[0]!.trim(),
    letterText: lines.slice(start, end + 1).join('\n'),
    letterDate: '2025-04-29',
    signatories: [
      { name: 'Center for Constitutional Rights', kind: 'ngo' },
      { name: 'Movement Law Lab', kind: 'ngo' },
    ],
    offices,
    terms,
    milestones,
    demands,
  };
}
