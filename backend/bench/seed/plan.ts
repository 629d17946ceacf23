/**
 * The small, structured part of the scale data, decided in TypeScript with seeded streams: the
 * directory, organizations, people, campaigns and who takes part in them, milestones, demands
 * and their status histories, notification preferences. The bulk (responses, follow-ups,
 * reminders, notifications, audit events) is derived from it in SQL (load.ts).
 *
 * Scale N is N "blocks" of the same shape (a block is a coalition network: 50 campaigns, 300
 * organizations, 3,000 people…); a campaign only involves organizations of its own block. So the
 * big campaign, the busy organization and their people, all in block 0, have the same ids and the
 * same size at every scale, and only the tables around them grow.
 */
import {
  CAMPAIGN_TRANSITIONS,
  channelsWithDefaults,
  deadlineForDay,
  DEFAULT_REMINDER_POLICY,
  DEMAND_TRANSITIONS,
  type CampaignStatus,
  type DemandPriority,
  type DemandStatus,
  type Locale,
  type MilestoneKind,
  type OrganizationKind,
  type ReminderPolicy,
  type Role,
} from '@demarche/shared';
import { apportion, Rng, uid } from './random.js';
import {
  CAMPAIGN_SUBJECTS,
  COUNTRIES,
  DEMAND_CATEGORIES,
  DEMAND_TEXT,
  FIRST_NAMES,
  INSTITUTIONS,
  LAST_NAMES,
  MILESTONE_TITLES,
  ORG_KINDS,
  ORG_PREFIXES,
  STATUS_NOTES,
  TOPICS,
  type Category,
  type Country,
} from './words.js';

/** What one unit of scale holds (issue #7). Institutions and offices do not grow with the scale. */
export const PER_SCALE = {
  campaigns: 50,
  organizations: 300,
  users: 3_000,
  demands: 5_000,
  responses: 50_000,
  followUps: 100_000,
  reminders: 500_000,
  auditEvents: 1_000_000,
} as const;

/** Share of the audit events that belong to a campaign (its timeline); the rest are sign-ins and administration. */
export const CAMPAIGN_AUDIT_SHARE = 0.55;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY);
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const between = (lo: Date, hi: Date, u: number): Date => new Date(lo.getTime() + (hi.getTime() - lo.getTime()) * u);

export interface Institution {
  idx: number;
  id: string;
  name: string;
  abbreviation: string;
  zone: string;
  website: string;
}

export interface Term {
  id: string;
  officeId: string;
  holderName: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface Office {
  idx: number;
  id: string;
  institution: Institution;
  title: string;
  collective: boolean;
  currentTerm: Term | null;
}

export interface Organization {
  idx: number;
  local: number;
  block: number;
  id: string;
  name: string;
  kind: OrganizationKind;
  country: Country;
  domain: string;
  createdAt: Date;
  users: User[];
}

export interface User {
  idx: number;
  local: number;
  id: string;
  org: Organization;
  role: Role;
  email: string;
  displayName: string;
  zone: string;
  locale: Locale;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface Milestone {
  id: string;
  reference: string;
  title: string;
  kind: MilestoneKind;
  occursOn: string;
  zone: string;
  source: string | null;
  createdAt: Date;
  /** The instant its day ends where it happens: the deadline of demands that follow it. */
  deadlineAt: Date;
}

export interface StatusChange {
  from: DemandStatus | null;
  to: DemandStatus;
  note: string | null;
  actorId: string | null;
  at: Date;
}

export interface Demand {
  idx: number;
  id: string;
  campaign: Campaign;
  office: Office;
  position: number;
  reference: string;
  text: string;
  category: Category;
  priority: DemandPriority;
  status: DemandStatus;
  createdAt: Date;
  sentAt: Date | null;
  deadlineAt: Date | null;
  deadlineZone: string | null;
  milestoneId: string | null;
  termId: string | null;
  notes: string | null;
  changes: StatusChange[];
  /** When responses may be dated (answered demands only). */
  answeredFrom: Date | null;
  answeredUntil: Date | null;
}

export interface Campaign {
  idx: number;
  block: number;
  rank: number;
  id: string;
  weight: number;
  status: CampaignStatus;
  title: string;
  subject: string;
  country: Country;
  summary: string;
  letterText: string;
  letterDate: string | null;
  createdAt: Date;
  sentAt: Date | null;
  concludedAt: Date | null;
  archivedAt: Date | null;
  /** Nothing happens in the campaign after this (now, for draft and active ones). */
  end: Date;
  policy: Partial<ReminderPolicy> | null;
  effectivePolicy: ReminderPolicy;
  leads: Organization[];
  signatories: Organization[];
  /** Leads and signatories, biggest organization first (follow-ups favour the first). */
  participants: Organization[];
  leadCoordinators: User[];
  offices: Office[];
  milestones: Milestone[];
  demands: Demand[];
  /** Demands a response can answer, grouped by institution (a response answers demands of one institution). */
  answered: Demand[];
  demandLo: number;
  followUpLo: number;
  followUps: number;
  responseLo: number;
  responses: number;
}

/** One stretch of a demand's reminder schedule: from a move into an awaiting status to the next move. */
export interface DemandSegment {
  demandId: string;
  campaign: Campaign;
  dueAt: Date;
  from: Date;
  until: Date | null;
}

export interface Preference {
  userId: string;
  channels: string;
  digest: 'off' | 'daily';
  muted: string[];
  lastDigestOn: string | null;
  updatedAt: Date;
}

export interface AuditRow {
  at: Date;
  campaignId: string | null;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Plan {
  scale: number;
  now: Date;
  institutions: Institution[];
  offices: Office[];
  terms: Term[];
  organizations: Organization[];
  users: User[];
  campaigns: Campaign[];
  demands: Demand[];
  demandSegments: DemandSegment[];
  preferences: Preference[];
  /** Audit events of what this plan creates (the SQL steps add those of responses, follow-ups and sign-ins). */
  audit: AuditRow[];
}

function personName(rng: Rng): [string, string] {
  return [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
}

const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function directory(now: Date): { institutions: Institution[]; offices: Office[]; terms: Term[] } {
  const rng = new Rng('directory');
  const institutions: Institution[] = INSTITUTIONS.map((s, i) => ({
    idx: i,
    id: uid('institution', i),
    name: s.name,
    abbreviation: s.abbreviation,
    zone: s.zone,
    website: s.website,
  }));
  const offices: Office[] = [];
  const terms: Term[] = [];
  INSTITUTIONS.forEach((spec, i) => {
    for (const o of spec.offices) {
      const office: Office = {
        idx: offices.length,
        id: uid('office', offices.length),
        institution: institutions[i]!,
        title: o.title,
        collective: o.collective ?? false,
        currentTerm: null,
      };
      offices.push(office);
      if (office.collective) continue;
      const starts = addDays(now, -rng.between(100, 1400));
      const r = rng.next();
      const endsOn = r < 0.1 ? isoDay(addDays(now, rng.between(3, 28))) : r < 0.65 ? isoDay(addDays(now, rng.between(60, 1400))) : null;
      const current: Term = {
        id: uid('term', terms.length),
        officeId: office.id,
        holderName: personName(rng).join(' '),
        startsOn: isoDay(starts),
        endsOn,
      };
      terms.push(current);
      office.currentTerm = current;
      let previousEnd = addDays(starts, -1);
      for (let k = rng.int(3); k > 0; k--) {
        const previousStart = addDays(previousEnd, -rng.between(900, 1800));
        terms.push({
          id: uid('term', terms.length),
          officeId: office.id,
          holderName: personName(rng).join(' '),
          startsOn: isoDay(previousStart),
          endsOn: isoDay(previousEnd),
        });
        previousEnd = addDays(previousStart, -1);
      }
    }
  });
  return { institutions, offices, terms };
}

function organizations(block: number, now: Date, names: Set<string>): Organization[] {
  const rng = new Rng(`organizations:${block}`);
  return Array.from({ length: PER_SCALE.organizations }, (_, local) => {
    const idx = block * PER_SCALE.organizations + local;
    const country = rng.pick(COUNTRIES);
    let name = `${rng.pick(ORG_PREFIXES)} ${rng.pick(TOPICS)} – ${country.name}`;
    if (names.has(name)) name = `${name} (${idx + 1})`;
    names.add(name);
    return {
      idx,
      local,
      block,
      id: uid('organization', idx),
      name,
      kind: rng.weighted(ORG_KINDS),
      country,
      domain: `org${idx + 1}.example.org`,
      createdAt: addDays(now, -rng.between(1100, 1500)),
      users: [],
    };
  });
}

function users(block: number, orgs: Organization[], now: Date): User[] {
  const rng = new Rng(`users:${block}`);
  const out: User[] = [];
  for (let local = 0; local < PER_SCALE.users; local++) {
    const idx = block * PER_SCALE.users + local;
    // Every organization has a first coordinator; three administrators sit in organization 0; the
    // rest join organizations unevenly (the first few organizations are large networks).
    const org = local < orgs.length ? orgs[local]! : local < orgs.length + 3 ? orgs[0]! : orgs[rng.skewed(orgs.length, 1.6)]!;
    const role: Role =
      local < orgs.length ? 'coordinator' : local < orgs.length + 3 ? 'admin' : rng.weighted({ coordinator: 6, member: 64, observer: 30 });
    const [first, last] = personName(rng);
    const home = rng.chance(0.8) ? org.country : rng.pick(COUNTRIES);
    // People join when their organization does (before any campaign: campaigns are under three years old).
    const createdAt = new Date(org.createdAt.getTime() + rng.int(60 * 24 * 60) * 60_000);
    const user: User = {
      idx,
      local,
      id: uid('user', idx),
      org,
      role,
      email: `${ascii(first)}.${ascii(last)}.${idx + 1}@${org.domain}`,
      displayName: `${first} ${last}`,
      zone: home.zone,
      locale: rng.chance(0.85) ? home.locale : home.locale === 'es' ? 'en' : 'es',
      disabledAt: local >= orgs.length + 3 && rng.chance(0.02) ? addDays(now, -rng.between(1, 200)) : null,
      createdAt,
    };
    org.users.push(user);
    out.push(user);
  }
  return out;
}

const active = (u: User): boolean => u.disabledAt === null;
const contributes = (u: User): boolean => active(u) && (u.role === 'coordinator' || u.role === 'member');

const ACTIVE_DEMAND_STATUSES = {
  draft: 4,
  sent: 20,
  acknowledged: 15,
  under_consideration: 14,
  partially_met: 10,
  met: 8,
  rejected: 10,
  no_response: 14,
  withdrawn: 5,
} as const;
const CLOSED_DEMAND_STATUSES = { partially_met: 22, met: 22, rejected: 24, no_response: 22, withdrawn: 10 } as const;
const ANSWERED: readonly DemandStatus[] = ['acknowledged', 'under_consideration', 'partially_met', 'met', 'rejected'];
const AWAITING: readonly DemandStatus[] = ['sent', 'acknowledged', 'under_consideration'];

/** The moves from `sent` to a final status: every step allowed by the status machine in shared/. */
function pathTo(status: DemandStatus, rng: Rng): DemandStatus[] {
  switch (status) {
    case 'draft':
      return ['draft'];
    case 'sent':
    case 'no_response':
      return status === 'sent' ? ['draft', 'sent'] : ['draft', 'sent', 'no_response'];
    case 'acknowledged':
      return ['draft', 'sent', 'acknowledged'];
    case 'under_consideration':
      return rng.chance(0.5) ? ['draft', 'sent', 'acknowledged', 'under_consideration'] : ['draft', 'sent', 'under_consideration'];
    case 'partially_met':
      return rng.chance(0.5)
        ? ['draft', 'sent', 'acknowledged', 'partially_met']
        : ['draft', 'sent', 'under_consideration', 'partially_met'];
    case 'met':
      return rng.pick([
        ['draft', 'sent', 'acknowledged', 'under_consideration', 'met'],
        ['draft', 'sent', 'met'],
        ['draft', 'sent', 'partially_met', 'met'],
      ] as DemandStatus[][]);
    case 'rejected':
      return rng.pick([
        ['draft', 'sent', 'rejected'],
        ['draft', 'sent', 'acknowledged', 'rejected'],
        ['draft', 'sent', 'under_consideration', 'rejected'],
      ] as DemandStatus[][]);
    case 'withdrawn':
      return rng.chance(0.4) ? ['draft', 'withdrawn'] : ['draft', 'sent', 'withdrawn'];
  }
}

/** Reminder policies some campaigns choose (most keep the default): mostly fewer overdue reminders. */
const POLICIES: Partial<ReminderPolicy>[] = [
  { daysBefore: [3, 1], overdueEveryDays: 7, overdueForDays: 21 },
  { overdueEveryDays: 7, overdueForDays: 28 },
  { escalateAfterDays: 5, overdueEveryDays: 5, overdueForDays: 20 },
  { daysBefore: [14, 7, 1], localTime: '08:30' },
  { overdueEveryDays: 0 },
];

function campaigns(block: number, orgs: Organization[], offices: Office[], now: Date, counters: { demand: number }): Campaign[] {
  const rng = new Rng(`campaigns:${block}`);
  const n = PER_SCALE.campaigns;
  const raw = Array.from({ length: n }, (_, rank) => (rank + 1) ** -0.8);
  const total = raw.reduce((a, b) => a + b, 0);
  const list: Campaign[] = [];
  for (let rank = 0; rank < n; rank++) {
    const idx = block * n + rank;
    const weight = raw[rank]! / total;
    const status: CampaignStatus = rank < 3 ? 'active' : rng.weighted({ active: 68, concluded: 14, draft: 10, archived: 8 });
    let createdAt: Date;
    let sentAt: Date | null = null;
    let concludedAt: Date | null = null;
    let archivedAt: Date | null = null;
    if (status === 'draft') {
      createdAt = addDays(now, -rng.between(3, 40));
    } else if (status === 'active') {
      createdAt = addDays(now, rank === 0 ? -720 : -(45 + rng.int(900)));
      sentAt = new Date(addDays(createdAt, rng.between(7, 21)).getTime() + rng.int(10) * HOUR);
    } else {
      createdAt = addDays(now, -(420 + rng.int(600)));
      sentAt = new Date(addDays(createdAt, rng.between(7, 21)).getTime() + rng.int(10) * HOUR);
      concludedAt = new Date(Math.min(addDays(sentAt, 150 + rng.int(250)).getTime(), addDays(now, -20).getTime()));
      if (status === 'archived')
        archivedAt = new Date(Math.min(addDays(concludedAt, rng.between(20, 120)).getTime(), addDays(now, -1).getTime()));
    }
    const end = concludedAt ?? new Date(now.getTime() - 2 * HOUR);
    const subject = rng.pick(CAMPAIGN_SUBJECTS);
    const country = rng.pick(COUNTRIES);
    const policy = rng.chance(0.3) ? rng.pick(POLICIES) : null;

    // Who takes part: leads (the first campaign of block 0 is led by organization 0) and signatories.
    const take = (count: number, power: number, taken: Set<number>): Organization[] => {
      const out: Organization[] = [];
      while (out.length < count) {
        const o = rng.skewed(orgs.length, power);
        if (taken.has(o)) continue;
        taken.add(o);
        out.push(orgs[o]!);
      }
      return out;
    };
    const taken = new Set<number>(rank === 0 ? [0] : []);
    const leads = [...(rank === 0 ? [orgs[0]!] : []), ...take(rank === 0 ? 2 : rng.chance(0.3) ? 2 : 1, 1.6, taken)];
    const signatories = take(Math.min(200, Math.round(5 + 600 * weight + rng.int(4))), 1.3, taken);
    const participants = [...leads, ...signatories].sort((a, b) => a.local - b.local);
    const leadCoordinators = leads.flatMap((o) => o.users.filter((u) => u.role === 'coordinator' && active(u)));

    const officeCount = Math.min(offices.length, Math.max(3, Math.round(3 + 0.05 * weight * PER_SCALE.demands)));
    const officeStart = rng.int(offices.length);
    const campaignOffices = Array.from({ length: officeCount }, (_, k) => offices[(officeStart + k) % offices.length]!).sort(
      (a, b) => a.idx - b.idx,
    );

    const campaign: Campaign = {
      idx,
      block,
      rank,
      id: uid('campaign', idx),
      weight,
      status,
      title: `${subject}: ${country.name} ${new Date(createdAt).getUTCFullYear()}`,
      subject,
      country,
      summary: `Coalition campaign on ${subject.toLowerCase()} in ${country.name}, addressed to ${officeCount} offices of ${
        new Set(campaignOffices.map((o) => o.institution.id)).size
      } international bodies.`,
      letterText: letter(subject, country.name, leads, signatories.length, campaignOffices),
      letterDate: sentAt ? isoDay(sentAt) : null,
      createdAt,
      sentAt,
      concludedAt,
      archivedAt,
      end,
      policy,
      effectivePolicy: { ...DEFAULT_REMINDER_POLICY, ...(policy ?? {}) },
      leads,
      signatories,
      participants,
      leadCoordinators,
      offices: campaignOffices,
      milestones: [],
      demands: [],
      answered: [],
      demandLo: 0,
      followUpLo: 0,
      followUps: 0,
      responseLo: 0,
      responses: 0,
    };
    campaign.milestones = milestones(campaign, rng, now);
    list.push(campaign);
  }
  // Demands by weight; follow-ups (and responses) by weight and age, as they accumulate over a campaign's life.
  const demandCounts = apportion(
    PER_SCALE.demands,
    list.map((c) => c.weight),
    list.map(() => 8),
  );
  const followUpCounts = apportion(
    PER_SCALE.followUps,
    list.map((c) => c.weight * ageOf(c) * (0.8 + 0.4 * rng.next())),
    list.map(() => 10),
  );
  list.forEach((c, i) => {
    c.demandLo = counters.demand;
    counters.demand += demandCounts[i]!;
    c.followUps = followUpCounts[i]!;
  });
  return list;
}

/** Days a campaign has been (or was) running. */
const ageOf = (c: Campaign): number => Math.max(7, (c.end.getTime() - c.createdAt.getTime()) / DAY);

function letter(subject: string, country: string, leads: Organization[], signatories: number, offices: Office[]): string {
  const addressees = offices.map((o) => `the ${o.title} (${o.institution.abbreviation})`);
  return [
    `We write on behalf of ${leads.map((o) => o.name).join(', ')} and ${signatories} organizations of civil society concerned with ${subject.toLowerCase()} in ${country}.`,
    `Over the past months our members have documented a pattern of violations that calls for the attention of ${addressees
      .slice(0, 6)
      .join(', ')}${addressees.length > 6 ? ` and ${addressees.length - 6} other offices` : ''}.`,
    'We respectfully ask each addressee to take the steps set out below within the time indicated, and to inform the coalition of the action taken.',
    'The families and communities affected have waited too long. We remain at your disposal for any further information and request a meeting at your earliest convenience.',
  ].join('\n\n');
}

function milestones(c: Campaign, rng: Rng, now: Date): Milestone[] {
  const count = 2 + Math.round(60 * c.weight) + rng.int(3);
  const horizon = c.status === 'active' || c.status === 'draft' ? addDays(now, 120) : c.end;
  const out: Milestone[] = [];
  for (let k = 0; k < count; k++) {
    const kind: MilestoneKind = k === 0 ? 'context' : k === 1 && c.sentAt ? 'campaign' : 'deadline';
    const office = rng.pick(c.offices);
    const day =
      kind === 'context'
        ? addDays(c.createdAt, -rng.between(5, 60))
        : kind === 'campaign'
          ? c.sentAt!
          : between(c.createdAt, horizon, (k - 1) / count + rng.next() / count);
    const occursOn = isoDay(day);
    const zone = office.institution.zone;
    out.push({
      id: uid('milestone', c.idx * 1000 + k),
      reference: `M${k + 1}`,
      title: `${rng.pick(MILESTONE_TITLES[kind])}${kind === 'deadline' ? ` (${office.institution.abbreviation})` : ''}`,
      kind,
      occursOn,
      zone,
      source: kind === 'context' ? office.institution.website : null,
      createdAt: new Date(c.createdAt.getTime() + HOUR),
      deadlineAt: deadlineForDay(occursOn, zone),
    });
  }
  return out;
}

function demands(c: Campaign, count: number, now: Date): Demand[] {
  const rng = new Rng(`demands:${c.idx}`);
  const limit = c.end;
  const coordinator = (): string | null => (c.leadCoordinators.length ? rng.pick(c.leadCoordinators).id : null);
  const firstCoordinator = c.leadCoordinators[0]?.id ?? null;
  const offices = Array.from({ length: count }, () => rng.pick(c.offices)).sort((a, b) => a.idx - b.idx);
  return offices.map((office, position) => {
    const idx = c.demandLo + position;
    const category = rng.weighted(DEMAND_CATEGORIES);
    const status: DemandStatus =
      c.status === 'draft' ? 'draft' : c.status === 'active' ? rng.weighted(ACTIVE_DEMAND_STATUSES) : rng.weighted(CLOSED_DEMAND_STATUSES);
    const path = pathTo(status, rng);
    const later = c.sentAt !== null && rng.chance(0.15);
    const createdAt =
      status === 'draft' && c.sentAt
        ? between(c.createdAt, limit, rng.next())
        : later
          ? between(c.createdAt, limit, 0.5 * rng.next())
          : new Date(c.createdAt.getTime() + rng.int(5 * 24) * HOUR);
    const zone = office.institution.zone;
    const demand: Demand = {
      idx,
      id: uid('demand', idx),
      campaign: c,
      office,
      position,
      reference: `D${position + 1}`,
      text: rng.pick(DEMAND_TEXT[category]).replace('{subject}', c.subject.toLowerCase()).replace('{country}', c.country.name),
      category,
      priority: rng.weighted({ low: 10, normal: 60, high: 20, urgent: 10 }),
      status,
      createdAt,
      sentAt: null,
      deadlineAt: null,
      deadlineZone: null,
      milestoneId: null,
      termId: null,
      notes: rng.chance(0.2) ? `Raised with the ${office.title} at the last session; see the annex.` : null,
      changes: [{ from: null, to: 'draft', note: null, actorId: firstCoordinator, at: createdAt }],
      answeredFrom: null,
      answeredUntil: null,
    };
    // A deadline: a milestone's day (when one falls in the window), a term's end, or a fixed day.
    const setDeadline = (lo: Date, hi: Date, term = false): void => {
      if (hi <= lo) hi = new Date(lo.getTime() + DAY);
      const fits = c.milestones.filter((m) => m.kind === 'deadline' && m.deadlineAt > lo && m.deadlineAt < hi);
      const t = office.currentTerm;
      if (term && t?.endsOn && deadlineForDay(t.endsOn, zone) > lo && rng.chance(0.1)) {
        demand.deadlineAt = deadlineForDay(t.endsOn, zone);
        demand.termId = t.id;
      } else if (fits.length > 0 && rng.chance(0.35)) {
        const m = rng.pick(fits);
        demand.deadlineAt = m.deadlineAt;
        demand.deadlineZone = m.zone;
        demand.milestoneId = m.id;
        return;
      } else {
        demand.deadlineAt = deadlineForDay(isoDay(between(lo, hi, rng.next())), zone);
      }
      demand.deadlineZone = zone;
    };
    if (path.length > 1) {
      const sent = path[1] === 'sent';
      // Sent with the letter, or (added later) a few days after being written; never before the letter.
      const wanted = sent
        ? later
          ? Math.max(createdAt.getTime() + rng.between(1, 10) * DAY, c.sentAt!.getTime() + HOUR)
          : c.sentAt!.getTime() + rng.int(120) * 60_000
        : createdAt.getTime() + rng.between(1, 20) * DAY;
      const start = new Date(Math.min(wanted, limit.getTime() - 3 * DAY));
      const span = Math.max(limit.getTime() - start.getTime(), 2 * DAY);
      const moves = path.slice(1);
      let times: Date[];
      if (status === 'no_response') {
        // The worker moves it once the deadline passes unanswered (its sweep runs every 15 s).
        setDeadline(new Date(start.getTime() + Math.min(14 * DAY, span / 3)), new Date(limit.getTime() - 3 * DAY));
        if (demand.deadlineAt!.getTime() > limit.getTime() - 2 * HOUR || demand.deadlineAt! <= start) {
          demand.deadlineAt = new Date(start.getTime() + (limit.getTime() - start.getTime()) / 2);
          demand.milestoneId = null;
          demand.termId = null;
          demand.deadlineZone = zone;
        }
        times = [start, new Date(demand.deadlineAt!.getTime() + rng.between(5, 45) * 1000)];
      } else {
        const final = new Date(start.getTime() + span * (AWAITING.includes(status) ? 0.1 + 0.85 * rng.next() : 0.15 + 0.8 * rng.next()));
        const inner = Array.from({ length: moves.length - 2 >= 0 ? moves.length - 2 : 0 }, () => rng.next()).sort();
        times = moves.length === 1 ? [start] : [start, ...inner.map((u) => between(start, final, u)), final];
      }
      moves.forEach((to, k) => {
        const from = k === 0 ? 'draft' : moves[k - 1]!;
        if (!DEMAND_TRANSITIONS[from].includes(to)) throw new Error(`bench seed: ${from} → ${to} is not a demand move`);
        demand.changes.push({
          from,
          to,
          note: to === 'no_response' ? STATUS_NOTES.no_response![0]! : rng.chance(0.6) ? rng.pick(STATUS_NOTES[to]!) : null,
          actorId: to === 'no_response' ? null : coordinator(),
          at: times[k]!,
        });
      });
      if (sent) demand.sentAt = start;
      // Deadlines, consistent with the worker: a demand still awaiting an answer with no response
      // has a deadline to come (or none); answered or closed ones may have one in the past.
      const now1 = new Date(now.getTime() + DAY);
      if (status === 'sent') {
        if (rng.chance(0.4)) setDeadline(now1, addDays(now, rng.chance(0.25) ? 14 : 75), true);
      } else if (status === 'acknowledged' || status === 'under_consideration') {
        const r = rng.next();
        if (r < 0.25) setDeadline(now1, addDays(now, 75), true);
        else if (r < 0.55) setDeadline(new Date(start.getTime() + 7 * DAY), new Date(now.getTime() - DAY));
      } else if (status !== 'no_response' && demand.sentAt && rng.chance(0.4)) {
        setDeadline(
          new Date(start.getTime() + 7 * DAY),
          new Date(Math.min(times[times.length - 1]!.getTime() + 20 * DAY, now.getTime() - DAY)),
        );
      }
      if (ANSWERED.includes(status)) {
        demand.answeredFrom = new Date(start.getTime() + DAY);
        const last = AWAITING.includes(status) ? now : new Date(times[times.length - 1]!.getTime() + 20 * DAY);
        demand.answeredUntil = new Date(Math.min(last.getTime(), limit.getTime(), now.getTime() - DAY));
        if (demand.answeredUntil <= demand.answeredFrom) demand.answeredUntil = new Date(demand.answeredFrom.getTime() + HOUR);
      }
    } else if (rng.chance(0.2)) {
      setDeadline(new Date(now.getTime() + DAY), addDays(now, 90));
    }
    return demand;
  });
}

/** The stretches during which a demand's reminders were planned: each move into an awaiting status replans them. */
function demandSegments(d: Demand): DemandSegment[] {
  if (!d.deadlineAt) return [];
  const out: DemandSegment[] = [];
  d.changes.forEach((ch, k) => {
    if (!AWAITING.includes(ch.to)) return;
    const next = d.changes[k + 1];
    out.push({ demandId: d.id, campaign: d.campaign, dueAt: d.deadlineAt!, from: ch.at, until: next?.at ?? null });
  });
  return out;
}

function preferences(usersList: User[], campaignsOf: Map<string, Campaign[]>, now: Date): Preference[] {
  const rng = new Rng('preferences');
  const out: Preference[] = [];
  for (const u of usersList) {
    if (!active(u) || !rng.chance(0.08)) continue;
    const chosen: Record<string, { email?: boolean; inApp?: boolean }> = {};
    if (rng.chance(0.5)) chosen.status_change = { email: true };
    if (rng.chance(0.3)) chosen.response = { email: false };
    if (rng.chance(0.2)) chosen.assignment = { inApp: false };
    const digest = rng.chance(0.35) ? 'daily' : 'off';
    const mine = campaignsOf.get(u.org.id) ?? [];
    const muted = mine.length > 1 && rng.chance(0.25) ? [rng.pick(mine).id] : [];
    out.push({
      userId: u.id,
      channels: JSON.stringify(channelsWithDefaults(chosen)),
      digest,
      muted,
      lastDigestOn: digest === 'daily' ? isoDay(addDays(now, -1)) : null,
      updatedAt: between(u.createdAt, now, rng.next()),
    });
  }
  return out;
}

function campaignAudit(c: Campaign, admin: User): AuditRow[] {
  const actor = c.leadCoordinators[0]?.id ?? admin.id;
  const rows: AuditRow[] = [
    {
      at: c.createdAt,
      campaignId: c.id,
      actorId: actor,
      action: 'campaign.created',
      subjectType: 'campaign',
      subjectId: c.id,
      before: null,
      after: { title: c.title, status: 'draft' },
    },
  ];
  [...c.leads.slice(1), ...c.signatories].forEach((o, k) =>
    rows.push({
      at: new Date(c.createdAt.getTime() + (k + 1) * 60_000),
      campaignId: c.id,
      actorId: actor,
      action: 'campaign.organization_added',
      subjectType: 'organization',
      subjectId: o.id,
      before: null,
      after: { role: k < c.leads.length - 1 ? 'lead' : 'signatory', name: o.name },
    }),
  );
  for (const m of c.milestones) {
    rows.push({
      at: m.createdAt,
      campaignId: c.id,
      actorId: actor,
      action: 'milestone.created',
      subjectType: 'milestone',
      subjectId: m.id,
      before: null,
      after: { title: m.title, occursOn: m.occursOn, timeZone: m.zone },
    });
  }
  const moves: [Date | null, CampaignStatus, CampaignStatus][] = [
    [c.sentAt, 'draft', 'active'],
    [c.concludedAt, 'active', 'concluded'],
    [c.archivedAt, 'concluded', 'archived'],
  ];
  for (const [at, from, to] of moves) {
    if (!at) continue;
    if (!CAMPAIGN_TRANSITIONS[from].includes(to)) throw new Error(`bench seed: campaign ${from} → ${to} is not a move`);
    rows.push({
      at: new Date(at.getTime() - 60_000),
      campaignId: c.id,
      actorId: actor,
      action: 'campaign.status_changed',
      subjectType: 'campaign',
      subjectId: c.id,
      before: { status: from },
      after: { status: to },
    });
  }
  for (const d of c.demands) {
    rows.push({
      at: d.createdAt,
      campaignId: c.id,
      actorId: d.changes[0]!.actorId,
      action: 'demand.created',
      subjectType: 'demand',
      subjectId: d.id,
      before: null,
      after: { officeId: d.office.id, category: d.category, text: d.text, deadlineAt: d.deadlineAt?.toISOString() ?? null },
    });
    for (const ch of d.changes.slice(1)) {
      rows.push({
        at: ch.at,
        campaignId: c.id,
        actorId: ch.actorId,
        action: 'demand.status_changed',
        subjectType: 'demand',
        subjectId: d.id,
        before: { status: ch.from },
        after: { status: ch.to, note: ch.note },
      });
    }
  }
  return rows;
}

function globalAudit(p: Pick<Plan, 'institutions' | 'offices' | 'terms' | 'organizations' | 'users'>, now: Date): AuditRow[] {
  const admin = p.users.find((u) => u.role === 'admin')!;
  const start = addDays(now, -1600);
  const rows: AuditRow[] = [];
  const add = (at: Date, actorId: string | null, action: string, subjectType: string, subjectId: string, after: Record<string, unknown>) =>
    rows.push({ at, campaignId: null, actorId, action, subjectType, subjectId, before: null, after });
  p.institutions.forEach((i, k) =>
    add(new Date(start.getTime() + k * 60_000), admin.id, 'institution.created', 'institution', i.id, {
      name: i.name,
      seatTimeZone: i.zone,
    }),
  );
  p.offices.forEach((o, k) =>
    add(new Date(start.getTime() + HOUR + k * 60_000), admin.id, 'office.created', 'office', o.id, {
      title: o.title,
      institutionId: o.institution.id,
    }),
  );
  p.terms.forEach((t, k) =>
    add(new Date(start.getTime() + 2 * HOUR + k * 60_000), admin.id, 'term.created', 'term', t.id, {
      officeId: t.officeId,
      holderName: t.holderName,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
    }),
  );
  const adminOf = new Map<number, User>();
  for (const u of p.users) if (u.role === 'admin' && !adminOf.has(u.org.block)) adminOf.set(u.org.block, u);
  for (const o of p.organizations)
    add(o.createdAt, adminOf.get(o.block)!.id, 'organization.created', 'organization', o.id, { name: o.name });
  for (const u of p.users) {
    add(u.createdAt, adminOf.get(u.org.block)!.id, 'user.created', 'user', u.id, {
      email: u.email,
      role: u.role,
      organizationId: u.org.id,
    });
    if (u.disabledAt)
      rows.push({
        at: u.disabledAt,
        campaignId: null,
        actorId: adminOf.get(u.org.block)!.id,
        action: 'user.disabled',
        subjectType: 'user',
        subjectId: u.id,
        before: null,
        after: null,
      });
  }
  return rows;
}

export function makePlan(scale: number, now: Date): Plan {
  const { institutions, offices, terms } = directory(now);
  const names = new Set<string>();
  const plan: Plan = {
    scale,
    now,
    institutions,
    offices,
    terms,
    organizations: [],
    users: [],
    campaigns: [],
    demands: [],
    demandSegments: [],
    preferences: [],
    audit: [],
  };
  const counters = { demand: 0 };
  let followUpLo = 0;
  let responseLo = 0;
  for (let block = 0; block < scale; block++) {
    const orgs = organizations(block, now, names);
    const people = users(block, orgs, now);
    const list = campaigns(block, orgs, offices, now, counters);
    const demandCounts = list.map((c, i) => (i + 1 < list.length ? list[i + 1]!.demandLo : counters.demand) - c.demandLo);
    list.forEach((c, i) => {
      c.demands = demands(c, demandCounts[i]!, now);
      c.answered = c.demands
        .filter((d) => d.answeredFrom !== null)
        .sort((a, b) => a.office.institution.idx - b.office.institution.idx || a.position - b.position);
    });
    // Responses: every answered demand has at least one; the rest by weight.
    const withAnswers = list.filter((c) => c.answered.length > 0);
    const responseCounts = apportion(
      PER_SCALE.responses,
      withAnswers.map((c) => c.weight * ageOf(c) * (0.8 + 0.4 * new Rng(`responses:${c.idx}`).next())),
      withAnswers.map((c) => c.answered.length),
    );
    withAnswers.forEach((c, i) => (c.responses = responseCounts[i]!));
    for (const c of list) {
      c.followUpLo = followUpLo;
      followUpLo += c.followUps;
      c.responseLo = responseLo;
      responseLo += c.responses;
    }
    plan.organizations.push(...orgs);
    plan.users.push(...people);
    plan.campaigns.push(...list);
  }
  for (const c of plan.campaigns) {
    plan.demands.push(...c.demands);
    for (const d of c.demands) plan.demandSegments.push(...demandSegments(d));
  }
  const campaignsOf = new Map<string, Campaign[]>();
  for (const c of plan.campaigns) for (const o of c.participants) campaignsOf.set(o.id, [...(campaignsOf.get(o.id) ?? []), c]);
  plan.preferences = preferences(plan.users, campaignsOf, now);
  const admins = new Map<number, User>();
  for (const u of plan.users) if (u.role === 'admin' && !admins.has(u.org.block)) admins.set(u.org.block, u);
  plan.audit = [...globalAudit(plan, now), ...plan.campaigns.flatMap((c) => campaignAudit(c, admins.get(c.block)!))];
  return plan;
}

/** Contributors (active coordinators and members) of an organization: who a follow-up assigned to it reminds. */
export function contributorsOf(o: Organization): User[] {
  return o.users.filter(contributes);
}
