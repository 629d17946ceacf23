import { randomBytes } from 'node:crypto';
import { deadlineForDay, zonedWallTimeToInstant, type FollowUpStatus, type Role } from '@demarche/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { CampaignOrganization } from '../campaigns/campaign-organization.entity.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { LOCKS, LOCK_APP } from '../core/database/database-admin.js';
import { DemandStatusChange } from '../demands/demand-status-change.entity.js';
import { Demand } from '../demands/demand.entity.js';
import { FollowUp } from '../follow-ups/follow-up.entity.js';
import { Institution } from '../institutions/institution.entity.js';
import { OfficeholderTerm } from '../institutions/officeholder-term.entity.js';
import { Office } from '../institutions/office.entity.js';
import { Milestone } from '../milestones/milestone.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { User } from '../users/user.entity.js';
import { replanReminders } from '../reminders/reminder-planner.js';
import { hashPassword } from '../core/auth/passwords.js';
import { readFoundingCampaign } from './founding-campaign.js';
import { inTransaction } from '../core/database/transaction.js';

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

export type DemoLoadResult =
  { loaded: false } | { loaded: true; campaignId: string; demands: number; followUps: number; logins: DemoLogin[] };

/**
 * One example account per role, to try the product. Each gets a random password, which the
 * launcher writes to an owner-only file (never to the console).
 */
const DEMO_USERS: { role: Role; email: string; displayName: string; org: 'ccr' | 'example' }[] = [
  { role: 'admin', email: 'demo-admin@example.org', displayName: 'Demo administrator (example)', org: 'example' },
  { role: 'coordinator', email: 'demo-coordinator@example.org', displayName: 'Demo coordinator (example)', org: 'ccr' },
  { role: 'member', email: 'demo-member@example.org', displayName: 'Demo member (example)', org: 'example' },
  { role: 'observer', email: 'demo-observer@example.org', displayName: 'Demo observer (example)', org: 'example' },
];

/** An organization that exists only so the demo's follow-ups have somewhere to go. */
export const EXAMPLE_ORGANIZATION = {
  name: 'Example member organization (demo)',
  contactEmail: 'focal-point@example.org',
};

/**
 * Example follow-ups, due relative to the first start so every dashboard panel has something:
 * two overdue, two within the next 14 days, one later, one done. Labelled "Example:" and
 * flagged isExample; the letter itself reports no response, so none is invented.
 */
const EXAMPLE_FOLLOW_UPS: {
  title: string;
  details: string;
  org: 'ccr' | 'mll' | 'example';
  demand: string | null;
  dueInDays: number;
  status: FollowUpStatus;
  completionNote?: string;
}[] = [
  {
    title: "Example: Ask the Secretary-General's office whether a Special Envoy is being considered",
    details: 'Demo follow-up. Request a meeting with the Executive Office of the Secretary-General about the Special Envoy request.',
    org: 'ccr',
    demand: 'sg-special-envoy',
    dueInDays: -5,
    status: 'open',
  },
  {
    title: 'Example: Confirm that the OAS General Secretariat received the letter',
    details: 'Demo follow-up. The Secretary General changed on 26 May 2025; make sure the new office has the letter.',
    org: 'mll',
    demand: 'general-statement@oas-sg',
    dueInDays: -2,
    status: 'in_progress',
  },
  {
    title: 'Example: Prepare a briefing note for Human Rights Council delegations',
    details: 'Demo follow-up. Two pages on the agreement and CECOT, for delegations considering an urgent debate.',
    org: 'example',
    demand: 'urgent-debates@hrc-members',
    dueInDays: 3,
    status: 'open',
  },
  {
    title: "Example: Check the High Commissioner's press briefings for any statement",
    details: 'Demo follow-up. Log any public statement as a response.',
    org: 'ccr',
    demand: 'hc-speak-out',
    dueInDays: 10,
    status: 'open',
  },
  {
    title: 'Example: Draft a follow-up letter to OAS member states',
    details: 'Demo follow-up.',
    org: 'mll',
    demand: 'june-session@oas-members',
    dueInDays: 21,
    status: 'open',
  },
  {
    title: 'Example: Circulate the letter to coalition members',
    details: 'Demo follow-up.',
    org: 'example',
    demand: null,
    dueInDays: -10,
    status: 'done',
    completionNote: 'Demo: sent to the coalition mailing list.',
  },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Loads the founding campaign when the database holds no campaign yet, in one transaction under
 * an advisory lock: processes starting together load it once, and a second start loads nothing.
 */
export async function loadDemoDataIfEmpty(dataSource: DataSource, now: Date = new Date()): Promise<DemoLoadResult> {
  return inTransaction(dataSource, async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_APP, LOCKS.demoData]);
    const [{ count }] = (await manager.query('SELECT count(*)::int AS count FROM campaigns')) as { count: number }[];
    if (count > 0) return { loaded: false } as const;
    return load(manager, now);
  });
}

async function load(manager: EntityManager, now: Date): Promise<DemoLoadResult> {
  const data = readFoundingCampaign();

  // Organizations: reuse one of the same name (an operator may have created it already).
  const orgId = async (name: string, values: Partial<Organization>): Promise<string> => {
    const existing = await manager.findOne(Organization, { where: { name } });
    if (existing) return existing.id;
    return (await manager.save(Organization, manager.create(Organization, { name, ...values }))).id;
  };
  const ccr = await orgId(data.signatories[0]!.name, { kind: 'ngo' });
  const mll = await orgId(data.signatories[1]!.name, { kind: 'ngo' });
  const example = await orgId(EXAMPLE_ORGANIZATION.name, {
    kind: 'other',
    isExample: true,
    contactEmail: EXAMPLE_ORGANIZATION.contactEmail,
  });

  const campaign = await manager.save(
    Campaign,
    manager.create(Campaign, {
      title: data.title,
      summary: data.summary,
      letterText: data.letterText,
      letterDate: data.letterDate,
      letterLanguage: 'en',
      status: 'active',
    }),
  );
  await manager.insert(CampaignOrganization, [
    { campaignId: campaign.id, organizationId: ccr, role: 'lead' },
    { campaignId: campaign.id, organizationId: mll, role: 'lead' },
    { campaignId: campaign.id, organizationId: example, role: 'signatory' },
  ]);

  // Institutions and offices: the shared directory; reuse what is already there.
  const institutionIds = new Map<string, string>();
  for (const o of data.offices) {
    if (institutionIds.has(o.institution)) continue;
    const existing = await manager.findOne(Institution, { where: { name: o.institution } });
    institutionIds.set(
      o.institution,
      existing?.id ??
        (await manager.save(Institution, manager.create(Institution, { name: o.institution, seatTimeZone: o.seatTimeZone }))).id,
    );
  }
  const officeIds = new Map<string, string>();
  for (const o of data.offices) {
    const institutionId = institutionIds.get(o.institution)!;
    const existing = await manager.findOne(Office, { where: { institutionId, title: o.office } });
    officeIds.set(
      o.key,
      existing?.id ??
        (
          await manager.save(
            Office,
            manager.create(Office, { institutionId, title: o.office, isCollective: o.collective, source: o.source }),
          )
        ).id,
    );
    if (!existing) {
      const terms = data.terms.filter((t) => t.office === o.key);
      if (terms.length > 0) {
        await manager.insert(
          OfficeholderTerm,
          terms.map((t) => ({
            officeId: officeIds.get(o.key)!,
            holderName: t.holder,
            startsOn: t.from,
            endsOn: t.until,
            source: t.source,
          })),
        );
      }
    }
  }

  const milestones = new Map<string, Milestone>();
  for (const m of data.milestones) {
    milestones.set(
      m.key,
      await manager.save(
        Milestone,
        manager.create(Milestone, {
          campaignId: campaign.id,
          reference: m.key,
          title: m.title,
          kind: m.kind,
          occursOn: m.date,
          timeZone: m.timeZone,
          source: m.source,
        }),
      ),
    );
  }

  const sentAt = zonedWallTimeToInstant(data.letterDate, '00:00', 'America/New_York');
  const demandIds = new Map<string, string>();
  for (const [position, d] of data.demands.entries()) {
    const milestone = d.deadlineMilestone ? milestones.get(d.deadlineMilestone)! : null;
    const demand = await manager.save(
      Demand,
      manager.create(Demand, {
        campaignId: campaign.id,
        officeId: officeIds.get(d.office)!,
        reference: d.key,
        position,
        text: d.quote,
        category: d.category,
        status: 'sent',
        sentAt,
        deadlineAt: milestone ? deadlineForDay(milestone.occursOn, milestone.timeZone) : null,
        deadlineTimeZone: milestone?.timeZone ?? null,
        deadlineMilestoneId: milestone?.id ?? null,
        notes: d.note,
      }),
    );
    demandIds.set(d.key, demand.id);
  }
  const sentNote = 'Letter of 29 April 2025 delivered by email to the five addressees.';
  await manager.insert(
    DemandStatusChange,
    [...demandIds.values()].map((demandId) => ({
      demandId,
      fromStatus: null,
      toStatus: 'sent' as const,
      note: sentNote,
      changedAt: sentAt,
    })),
  );

  const orgs = { ccr, mll, example };
  const startOfHour = Math.ceil(now.getTime() / HOUR) * HOUR;
  const followUps = await manager.save(
    FollowUp,
    EXAMPLE_FOLLOW_UPS.map((f) =>
      manager.create(FollowUp, {
        campaignId: campaign.id,
        organizationId: orgs[f.org],
        demandId: f.demand ? demandIds.get(f.demand)! : null,
        title: f.title,
        details: f.details,
        dueAt: new Date(startOfHour + f.dueInDays * DAY),
        dueTimeZone: 'America/New_York',
        status: f.status,
        completionNote: f.completionNote ?? null,
        completedAt: f.status === 'done' ? now : null,
        isExample: true,
      }),
    ),
  );

  await manager.insert(AuditEvent, [
    {
      campaignId: campaign.id,
      action: 'campaign.created',
      subjectType: 'campaign',
      subjectId: campaign.id,
      after: { title: campaign.title, status: campaign.status, source: 'demo data: the founding letter' },
      occurredAt: now,
    },
    ...[...demandIds.values()].map((demandId) => ({
      campaignId: campaign.id,
      action: 'demand.status_changed',
      subjectType: 'demand',
      subjectId: demandId,
      before: null,
      after: { status: 'sent', note: sentNote },
      occurredAt: sentAt,
    })),
    ...followUps.map((f) => ({
      campaignId: campaign.id,
      action: 'follow_up.created',
      subjectType: 'follow_up',
      subjectId: f.id,
      after: { title: f.title, organizationId: f.organizationId, dueAt: f.dueAt.toISOString(), status: f.status },
      occurredAt: now,
    })),
  ]);

  const logins: DemoLogin[] = [];
  for (const u of DEMO_USERS) {
    if (await manager.exists(User, { where: { email: u.email } })) continue;
    const password = randomBytes(15).toString('base64url');
    await manager.insert(User, {
      email: u.email,
      displayName: u.displayName,
      organizationId: orgs[u.org],
      role: u.role,
      timeZone: 'America/New_York',
      isExample: true,
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
    });
    logins.push({ role: u.role, email: u.email, password });
  }

  // Reminders for what is still to come (history sets off none: nothing is planned in the past).
  for (const f of followUps) await replanReminders(manager, 'follow_up', f.id, now);
  for (const demandId of demandIds.values()) await replanReminders(manager, 'demand', demandId, now);

  return { loaded: true, campaignId: campaign.id, demands: demandIds.size, followUps: followUps.length, logins };
}
