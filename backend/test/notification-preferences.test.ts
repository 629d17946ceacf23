import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestMessageId, NotificationsProcessor } from '../src/notifications/notifications.processor.js';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign } from './support/campaigns.js';
import { startWorld, type World } from './support/world.js';

const HOST = 'dashboard.test';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fixed-offset zone where it is now about 03:00, so the real sweep sends no digest during the test. */
function zoneAtThreeAm(now: Date): { zone: string; offsetHours: number } {
  let offset = 3 - now.getUTCHours();
  if (offset < -12) offset += 24;
  if (offset > 14) offset -= 24;
  return { zone: offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`, offsetHours: offset };
}

describe('notification preferences', () => {
  let world: World;
  let lead: TestUser;
  let leadAs: Browser;
  let campaignId: string;

  beforeAll(async () => {
    world = await startWorld({ PUBLIC_URL: `http://${HOST}`, REMINDER_SWEEP_MS: '300', REMINDER_LOOKAHEAD_MS: '60000' });
    lead = await createUser('coordinator');
    leadAs = await signIn(world.api.url, lead.email);
    campaignId = await createCampaign([{ id: lead.organizationId, role: 'lead' }]);
  });
  afterAll(async () => {
    await world.close();
  });

  /** A member of an organization taking part in the campaign, signed in. */
  async function memberOfCampaign(locale: 'en' | 'es' = 'en'): Promise<{ user: TestUser; as: Browser }> {
    const user = await createUser('member', { locale });
    await withDb((db) =>
      db.query(`INSERT INTO campaign_organizations (campaign_id, organization_id, role) VALUES ($1, $2, 'signatory')`, [
        campaignId,
        user.organizationId,
      ]),
    );
    return { user, as: await signIn(world.api.url, user.email) };
  }

  const assign = (organizationId: string, title: string, dueInDays = 10) =>
    call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, leadAs, {
      organizationId,
      title,
      dueAt: new Date(Date.now() + dueInDays * 86_400_000).toISOString(),
    });

  const notificationsOf = async (as: Browser) =>
    (await call(world.api.url, 'GET', '/api/notifications', as)).body.items as { kind: string; title: string }[];

  it('starts from the defaults, changes only what is given, and refuses bad input naming the field, writing nothing', async () => {
    const { as } = await memberOfCampaign();
    const defaults = await call(world.api.url, 'GET', '/api/me/notification-preferences', as);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({
      digest: 'off',
      mutedCampaignIds: [],
      timeZone: 'UTC',
      locale: 'en',
      channels: {
        reminder: { email: true, inApp: true },
        status_change: { email: false, inApp: true },
        campaign_invitation: { email: true, inApp: true },
      },
    });
    expect(defaults.body.kinds).toEqual([
      'reminder',
      'escalation',
      'no_response',
      'assignment',
      'response',
      'status_change',
      'campaign_invitation',
    ]);

    const changed = await call(world.api.url, 'PATCH', '/api/me/notification-preferences', as, {
      channels: { status_change: { email: true } },
      digest: 'daily',
      mutedCampaignIds: [campaignId],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.channels.status_change).toEqual({ email: true, inApp: true });
    expect(changed.body.channels.reminder).toEqual({ email: true, inApp: true });
    expect(changed.body).toMatchObject({ digest: 'daily', mutedCampaignIds: [campaignId] });

    const otherCampaign = await createCampaign([{ id: lead.organizationId, role: 'lead' }]);
    for (const [body, field] of [
      [{ digest: 'weekly' }, 'digest'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ mutedCampaignIds: ['nope'] }, 'mutedCampaignIds'],
      [{ mutedCampaignIds: [otherCampaign] }, 'mutedCampaignIds'],
      [{ channels: { reminder: { email: 'yes' } } }, 'channels.reminder.email'],
      [{ channels: { gossip: { email: true } } }, 'channels.gossip'],
      [{ digest: 'off', locale: 'fr' }, 'locale'],
    ] as const) {
      const refused = await call(world.api.url, 'PATCH', '/api/me/notification-preferences', as, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // Nothing half-written: the refused requests changed nothing.
    expect((await call(world.api.url, 'GET', '/api/me/notification-preferences', as)).body).toEqual(changed.body);
  });

  it('takes each kind through the channels chosen: e-mail off keeps it in the dashboard, in-app off sends only the e-mail', async () => {
    const quiet = await memberOfCampaign();
    const mailOnly = await memberOfCampaign();
    await call(world.api.url, 'PATCH', '/api/me/notification-preferences', quiet.as, { channels: { assignment: { email: false } } });
    await call(world.api.url, 'PATCH', '/api/me/notification-preferences', mailOnly.as, { channels: { assignment: { inApp: false } } });

    expect((await assign(quiet.user.organizationId, 'Draft the Geneva brief')).status).toBe(201);
    expect((await assign(mailOnly.user.organizationId, 'Call the mission')).status).toBe(201);

    await world.smtp.waitFor(mailOnly.user.email, (m) => /Call the mission/.test(m.subject ?? ''));
    expect(await notificationsOf(mailOnly.as)).toEqual([]);
    expect((await call(world.api.url, 'GET', '/api/notifications/unread-count', mailOnly.as)).body.unread).toBe(0);

    expect((await notificationsOf(quiet.as)).map((n) => [n.kind, n.title])).toEqual([['assignment', 'Draft the Geneva brief']]);
    await sleep(1_000); // the e-mail it would have had has long been sent by now
    expect(world.smtp.to(quiet.user.email)).toHaveLength(0);
  });

  it('tells nothing of a muted campaign, reminders included', async () => {
    const muted = await memberOfCampaign();
    await call(world.api.url, 'PATCH', '/api/me/notification-preferences', muted.as, { mutedCampaignIds: [campaignId] });
    const created = await assign(muted.user.organizationId, 'Prepare the side event');
    expect(created.status).toBe(201);
    const reminderId = await withDb(async (db) => {
      const r = await db.query(`SELECT id FROM reminders WHERE subject_id = $1 AND recipient_id = $2 AND status = 'pending' LIMIT 1`, [
        created.body.id,
        muted.user.id,
      ]);
      await db.query(`UPDATE reminders SET fire_at = now() WHERE id = $1`, [r.rows[0].id]);
      return r.rows[0].id as string;
    });
    let row: { status: string; last_error: string | null } | undefined;
    for (let i = 0; i < 100; i++) {
      row = (await withDb((db) => db.query(`SELECT status, last_error FROM reminders WHERE id = $1`, [reminderId]))).rows[0];
      if (row!.status !== 'pending') break;
      await sleep(100);
    }
    expect(row).toEqual({ status: 'cancelled', last_error: 'muted' });
    expect(await notificationsOf(muted.as)).toEqual([]);
    expect(world.smtp.to(muted.user.email)).toHaveLength(0);
  });

  it('gathers e-mails into one digest at 08:00 in the person’s time zone, once a day', async () => {
    const now = new Date();
    const { zone, offsetHours } = zoneAtThreeAm(now);
    const reader = await memberOfCampaign('es');
    const prefs = await call(world.api.url, 'PATCH', '/api/me/notification-preferences', reader.as, { digest: 'daily', timeZone: zone });
    expect(prefs.status).toBe(200);
    await assign(reader.user.organizationId, 'Primer seguimiento');
    await assign(reader.user.organizationId, 'Segundo seguimiento');
    const states = async () =>
      (
        await withDb((db) => db.query(`SELECT email_status FROM notifications WHERE user_id = $1 ORDER BY created_at`, [reader.user.id]))
      ).rows.map((r: { email_status: string }) => r.email_status);
    expect(await states()).toEqual(['digest', 'digest']);

    // Local time is about 03:00: nothing yet, and no single e-mails either.
    const processor = world.worker.get(NotificationsProcessor);
    await processor.sendDigests(now);
    expect(world.smtp.to(reader.user.email)).toHaveLength(0);

    // 08:30 local time, the same local day.
    const local = new Date(now.getTime() + offsetHours * 3_600_000);
    const localDay = local.toISOString().slice(0, 10);
    const at0830 = new Date(Date.parse(`${localDay}T08:30:00Z`) - offsetHours * 3_600_000);
    // Something recorded after 08:00 local waits for tomorrow's digest.
    await withDb((db) =>
      db.query(
        `INSERT INTO notifications (user_id, kind, title, link, campaign_id, dedupe_key, email_status, mail, created_at)
         VALUES ($1, 'assignment', 'Tercero', '/', $2, $3, 'digest', '{"subject":"Tercero","text":"t","html":"h"}', $4)`,
        [reader.user.id, campaignId, `late:${reader.user.id}`, new Date(at0830.getTime() - 60_000)],
      ),
    );
    await processor.sendDigests(at0830);
    await processor.sendDigests(at0830); // a second sweep, or a second worker, sends nothing more
    const digests = world.smtp.to(reader.user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.messageId).toBe(digestMessageId(reader.user.id, localDay, HOST));
    expect(digests[0]!.subject).toBe(`Demarche: resumen del ${localDay} (2)`);
    expect(digests[0]!.text).toContain('Primer seguimiento');
    expect(digests[0]!.text).toContain('Segundo seguimiento');
    expect(digests[0]!.text).not.toContain('Tercero');
    expect(await states()).toEqual(['digested', 'digested', 'digest']);
  });

  it('moves a person’s reminders to 09:00 in their new time zone', async () => {
    const traveller = await memberOfCampaign();
    await call(world.api.url, 'PATCH', '/api/me/notification-preferences', traveller.as, { timeZone: 'Europe/Zurich' });
    const created = await assign(traveller.user.organizationId, 'Meet the Rapporteur', 20);
    const localTimes = async (zone: string) =>
      (
        await withDb((db) =>
          db.query(`SELECT fire_at FROM reminders WHERE subject_id = $1 AND recipient_id = $2 AND status = 'pending' AND kind = 'before'`, [
            created.body.id,
            traveller.user.id,
          ]),
        )
      ).rows.map((r: { fire_at: Date }) =>
        new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(r.fire_at),
      );
    expect(await localTimes('Europe/Zurich')).toEqual(['09:00', '09:00', '09:00']);

    const moved = await call(world.api.url, 'PATCH', '/api/me/notification-preferences', traveller.as, { timeZone: 'America/New_York' });
    expect(moved.body.timeZone).toBe('America/New_York');
    expect(await localTimes('America/New_York')).toEqual(['09:00', '09:00', '09:00']);

    // The profile's own time-zone field does the same.
    expect((await call(world.api.url, 'PATCH', '/api/me', traveller.as, { timeZone: 'Asia/Tokyo' })).status).toBe(200);
    expect(await localTimes('Asia/Tokyo')).toEqual(['09:00', '09:00', '09:00']);
  });
});
