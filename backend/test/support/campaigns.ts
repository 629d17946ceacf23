import type { CampaignRole } from '@demarche/shared';
import { uniqueName } from './databases.js';
import { withDb } from './accounts.js';

/** A campaign written straight to the database, with organizations in their roles. */
export async function createCampaign(organizations: { id: string; role: CampaignRole }[], status = 'active'): Promise<string> {
  return withDb(async (db) => {
    const c = await db.query(`INSERT INTO campaigns (title, status) VALUES ($1, $2) RETURNING id`, [uniqueName('Campaign'), status]);
    for (const o of organizations) {
      await db.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, $3)`, [
        c.rows[0].id,
        o.id,
        o.role,
      ]);
    }
    return c.rows[0].id as string;
  });
}

/** An institution (seat in New York) with one office, and optionally its officeholder terms. */
export async function createOffice(
  terms: { holder: string; from: string | null; until: string | null }[] = [],
  zone = 'America/New_York',
): Promise<{ officeId: string; institutionId: string; termIds: string[] }> {
  return withDb(async (db) => {
    const i = await db.query(`INSERT INTO institutions (name, seat_time_zone) VALUES ($1, $2) RETURNING id`, [
      uniqueName('Institution'),
      zone,
    ]);
    const o = await db.query(`INSERT INTO offices (institution_id, title) VALUES ($1, 'President') RETURNING id`, [i.rows[0].id]);
    const termIds: string[] = [];
    for (const t of terms) {
      const r = await db.query(
        `INSERT INTO officeholder_terms (office_id, holder_name, starts_on, ends_on) VALUES ($1, $2, $3, $4) RETURNING id`,
        [o.rows[0].id, t.holder, t.from, t.until],
      );
      termIds.push(r.rows[0].id);
    }
    return { officeId: o.rows[0].id, institutionId: i.rows[0].id, termIds };
  });
}

export async function createDemand(campaignId: string, officeId: string, status = 'draft', text = 'an ask'): Promise<string> {
  return withDb(async (db) => {
    const r = await db.query(
      `INSERT INTO demands (campaign_id, office_id, text, category, status, position)
       VALUES ($1, $2, $3, 'statement', $4, (SELECT coalesce(max(position) + 1, 0) FROM demands WHERE campaign_id = $1)) RETURNING id`,
      [campaignId, officeId, text, status],
    );
    return r.rows[0].id as string;
  });
}

export async function createMilestone(campaignId: string, occursOn = '2025-06-16', zone = 'Europe/Zurich'): Promise<string> {
  return withDb(async (db) => {
    const r = await db.query(
      `INSERT INTO milestones (campaign_id, title, kind, occurs_on, time_zone) VALUES ($1, 'Session opens', 'deadline', $2, $3) RETURNING id`,
      [campaignId, occursOn, zone],
    );
    return r.rows[0].id as string;
  });
}
