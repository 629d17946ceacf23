import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderMessageId } from '../src/reminders/reminder-ids.js';
import { call, createUser, signIn, withDb, type Browser, type TestUser } from './support/accounts.js';
import { createCampaign, createDemand, createOffice } from './support/campaigns.js';
import { readUntil } from './support/sse.js';
import { startApi, testConfig, type RunningApp } from './support/test-app.js';
import { WebhookReceiver, type ReceivedHook } from './support/webhook-receiver.js';
import { startWorld, type World } from './support/world.js';

const HOST = 'dashboard.test';

/** What a receiver does to trust a delivery: recompute the HMAC over `<timestamp>.<body>`. */
function validSignature(hook: ReceivedHook, secret: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret)
    .update(`${String(hook.headers['x-demarche-timestamp'])}.${hook.body}`)
    .digest('hex')}`;
  return hook.headers['x-demarche-signature'] === expected;
}

/** Real API, worker, SMTP server and an HTTP receiver on loopback (which the operator setting allows here). */
describe('webhooks', () => {
  let world: World;
  let strict: RunningApp;
  let receiver: WebhookReceiver;
  let lead: TestUser;
  let leadAs: Browser;
  let member: TestUser;
  let memberAs: Browser;
  let partner: TestUser;
  let partnerAs: Browser;
  let campaignId: string;

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    world = await startWorld({
      PUBLIC_URL: `http://${HOST}`,
      REMINDER_SWEEP_MS: '300',
      REMINDER_LOOKAHEAD_MS: '60000',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      DELIVERY_ATTEMPTS: '3',
      DELIVERY_RETRY_MS: '200',
    });
    // The same product with the default setting: private targets refused.
    strict = await startApi(testConfig({ PUBLIC_URL: `http://${HOST}` }));
    lead = await createUser('coordinator');
    member = await createUser('member', {
      organization: (await withDb((db) => db.query(`SELECT name FROM organizations WHERE id = $1`, [lead.organizationId]))).rows[0].name,
    });
    partner = await createUser('coordinator');
    [leadAs, memberAs, partnerAs] = await Promise.all([lead, member, partner].map((u) => signIn(world.api.url, u.email)));
    campaignId = await createCampaign([
      { id: lead.organizationId, role: 'lead' },
      { id: partner.organizationId, role: 'signatory' },
    ]);
  });
  afterAll(async () => {
    await world.close();
    await strict.close();
    await receiver.stop();
  });

  it('lets coordinators manage their organization’s and their campaign’s webhooks, showing the secret only once', async () => {
    const created = await call(world.api.url, 'POST', `/api/organizations/${lead.organizationId}/webhooks`, leadAs, {
      url: receiver.url('/org'),
      events: ['assignment', 'reminder'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organizationId: lead.organizationId,
      campaignId: null,
      events: ['assignment', 'reminder'],
      active: true,
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);

    const listed = await call(world.api.url, 'GET', `/api/organizations/${lead.organizationId}/webhooks`, leadAs);
    expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await call(world.api.url, 'GET', `/api/webhooks/${created.body.id}`, leadAs)).body.secret).toBeUndefined();

    // A member of the organization may not; another organization does not even see it.
    expect(
      (await call(world.api.url, 'POST', `/api/organizations/${lead.organizationId}/webhooks`, memberAs, { url: receiver.url() })).status,
    ).toBe(403);
    expect((await call(world.api.url, 'GET', `/api/webhooks/${created.body.id}`, partnerAs)).status).toBe(404);
    expect((await call(world.api.url, 'PATCH', `/api/webhooks/${created.body.id}`, partnerAs, { active: false })).status).toBe(404);
    // A partner organization's coordinator does not manage the campaign's webhooks.
    expect((await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/webhooks`, partnerAs, { url: receiver.url() })).status).toBe(
      403,
    );

    const rotated = await call(world.api.url, 'POST', `/api/webhooks/${created.body.id}/rotate-secret`, leadAs);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    const bad = await call(world.api.url, 'POST', `/api/organizations/${lead.organizationId}/webhooks`, leadAs, {
      url: 'ftp://example.org/x',
      events: ['nonsense'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['events']);
    const badUrl = await call(world.api.url, 'POST', `/api/organizations/${lead.organizationId}/webhooks`, leadAs, {
      url: 'ftp://example.org/x',
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.details).toEqual([{ field: 'url', message: expect.stringMatching(/https:\/\/ or http:\/\//) }]);

    expect((await call(world.api.url, 'DELETE', `/api/webhooks/${created.body.id}`, leadAs)).status).toBe(204);
    expect((await call(world.api.url, 'GET', `/api/webhooks/${created.body.id}`, leadAs)).status).toBe(404);
  });

  it('refuses targets on private, loopback and link-local addresses unless the operator allows them', async () => {
    const as = await signIn(strict.url, lead.email);
    for (const url of [
      receiver.url(),
      'http://localhost:9/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/hook',
      'http://[fe80::1]/hook',
      'http://[::ffff:192.168.0.1]/hook',
    ]) {
      const refused = await call(strict.url, 'POST', `/api/campaigns/${campaignId}/webhooks`, as, { url });
      expect(refused.status, url).toBe(400);
      expect(refused.body.details[0]).toMatchObject({ field: 'url', message: expect.stringMatching(/private, loopback or link-local/) });
    }
    const count = await withDb((db) => db.query(`SELECT count(*)::int AS n FROM webhooks WHERE campaign_id = $1`, [campaignId]));
    expect(count.rows[0].n).toBe(0);
  });

  it('end to end: a follow-up due in seconds reaches the e-mail inbox, the open stream and the webhook, signed, once', async () => {
    // A compressed policy: only the reminder at the deadline itself.
    await withDb((db) =>
      db.query(`UPDATE campaigns SET reminder_policy = $2 WHERE id = $1`, [
        campaignId,
        JSON.stringify({ daysBefore: [], atDue: true, overdueEveryDays: 0 }),
      ]),
    );
    const hook = await call(world.api.url, 'POST', `/api/organizations/${lead.organizationId}/webhooks`, leadAs, {
      url: receiver.url('/e2e'),
    });
    expect(hook.status).toBe(201);
    const stream = await fetch(`${world.api.url}/api/notifications/stream`, {
      headers: { cookie: memberAs.cookie, accept: 'text/event-stream' },
    });

    const dueAt = new Date(Date.now() + 3_000);
    const created = await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, leadAs, {
      organizationId: lead.organizationId,
      title: 'Ask for the detention agreement',
      dueAt: dueAt.toISOString(),
    });
    expect(created.status).toBe(201);
    const reminders = await withDb((db) =>
      db.query(`SELECT id, recipient_id FROM reminders WHERE subject_id = $1 AND status = 'pending'`, [created.body.id]),
    );
    // The coordinator and the member of the assigned organization, one reminder each, at the deadline.
    expect(reminders.rows.map((r: { recipient_id: string }) => r.recipient_id).sort()).toEqual([lead.id, member.id].sort());
    const memberReminder = reminders.rows.find((r: { recipient_id: string }) => r.recipient_id === member.id).id as string;

    const text = await readUntil(stream, (t) => /"kind":"reminder"/.test(t), 20_000);
    expect(text).toContain('Ask for the detention agreement');
    const mail = await world.smtp.waitFor(member.email, (m) => m.messageId === reminderMessageId(memberReminder, HOST), 20_000);
    expect(mail.subject).toMatch(/Ask for the detention agreement/);

    const reminderHook = await receiver.waitFor((r) => r.path === '/e2e' && r.json.event === 'reminder', 20_000);
    expect(validSignature(reminderHook, hook.body.secret)).toBe(true);
    expect(validSignature(reminderHook, 'whsec_not-the-secret')).toBe(false);
    expect(reminderHook.headers['x-demarche-delivery']).toBe(reminderHook.json.id);
    expect(reminderHook.headers['content-type']).toBe('application/json');
    expect(reminderHook.json).toMatchObject({
      event: 'reminder',
      campaign: { id: campaignId },
      link: `http://${HOST}/campaigns/${campaignId}/follow-ups/${created.body.id}`,
      data: { subjectType: 'follow_up', subjectId: created.body.id, title: 'Ask for the detention agreement' },
    });
    expect(reminderHook.json.text).toMatch(/^\*Reminder: .*Ask for the detention agreement/);
    expect(reminderHook.json.text).toContain(`<http://${HOST}/campaigns/${campaignId}/follow-ups/${created.body.id}|Open in Demarche>`);

    // The assignment reached the member (the coordinator assigned it: not told of their own act) and the webhook.
    await world.smtp.waitFor(member.email, (m) => /New follow-up/.test(m.subject ?? ''));
    expect(world.smtp.to(lead.email).filter((m) => /New follow-up/.test(m.subject ?? ''))).toHaveLength(0);
    await receiver.waitFor((r) => r.path === '/e2e' && r.json.event === 'assignment');

    // Two people reminded, one webhook call for the deadline; everything recorded as delivered.
    await withDb(async (db) => {
      for (let i = 0; i < 100; i++) {
        const r = await db.query(`SELECT count(*)::int AS n FROM reminders WHERE subject_id = $1 AND status = 'sent'`, [created.body.id]);
        if (r.rows[0].n === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    expect(receiver.at('/e2e').filter((r) => r.json.event === 'reminder')).toHaveLength(1);
    const log = await call(world.api.url, 'GET', `/api/webhooks/${hook.body.id}/deliveries`, leadAs);
    expect(log.body.items.map((d: { event: string; status: string }) => [d.event, d.status]).sort()).toEqual([
      ['assignment', 'delivered'],
      ['reminder', 'delivered'],
    ]);
  });

  it('retries a receiver answering 500 with backoff, then marks the delivery failed and lists it', async () => {
    receiver.answer('/broken', 500);
    const hook = await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/webhooks`, leadAs, { url: receiver.url('/broken') });
    expect(hook.status).toBe(201);
    const ping = await call(world.api.url, 'POST', `/api/webhooks/${hook.body.id}/ping`, leadAs);
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ event: 'ping', status: 'pending' });

    let failed: { status: string; attempts: number; lastStatusCode: number; lastError: string } | undefined;
    for (let i = 0; i < 100 && !failed; i++) {
      const page = await call(world.api.url, 'GET', `/api/webhooks/${hook.body.id}/deliveries?status=failed`, leadAs);
      failed = page.body.items[0];
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500' });
    const calls = receiver.at('/broken');
    expect(calls).toHaveLength(3);
    // The same delivery each time: one id a receiver can deduplicate on, the same body.
    expect(new Set(calls.map((c) => c.headers['x-demarche-delivery']))).toEqual(new Set([ping.body.id]));
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
    const wrote = await call(world.api.url, 'GET', `/api/webhooks/${hook.body.id}`, leadAs);
    expect(wrote.body.recentFailures).toBe(1);
    await call(world.api.url, 'DELETE', `/api/webhooks/${hook.body.id}`, leadAs);
  });

  it('tells the organizations following a demand of a response and of its status move — people and webhooks', async () => {
    const { officeId, institutionId } = await createOffice();
    const demandId = await createDemand(campaignId, officeId, 'sent', 'Grant the Special Envoy unimpeded access');
    // The partner organization follows the demand through a follow-up on it.
    const followUp = await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/follow-ups`, leadAs, {
      organizationId: partner.organizationId,
      demandId,
      title: 'Track the Envoy request',
      dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    expect(followUp.status).toBe(201);
    const hook = await call(world.api.url, 'POST', `/api/organizations/${partner.organizationId}/webhooks`, partnerAs, {
      url: receiver.url('/partner'),
      events: ['response', 'status_change'],
    });

    const logged = await call(world.api.url, 'POST', `/api/campaigns/${campaignId}/responses`, leadAs, {
      institutionId,
      receivedOn: '2026-11-20',
      channel: 'letter',
      summary: 'The Office will consider the request.',
      assessment: 'non_committal',
      demandIds: [demandId],
      statusMoves: [{ demandId, to: 'under_consideration' }],
    });
    expect(logged.status).toBe(201);

    const mail = await world.smtp.waitFor(partner.email, (m) => /^Response from/.test(m.subject ?? ''));
    expect(mail.text).toContain('The Office will consider the request.');
    const kinds = async (as: Browser) =>
      ((await call(world.api.url, 'GET', '/api/notifications', as)).body.items as { kind: string; link: string }[]).map((n) => n.kind);
    expect(await kinds(partnerAs)).toEqual(expect.arrayContaining(['response', 'status_change']));
    expect(await kinds(memberAs)).toEqual(expect.arrayContaining(['response', 'status_change'])); // the lead organization follows every demand
    expect(await kinds(leadAs)).not.toContain('response'); // the one who logged it
    // Status changes are in-app only unless one asks for e-mail.
    expect(world.smtp.to(partner.email).filter((m) => /under consideration/.test(m.subject ?? ''))).toHaveLength(0);

    const response = await receiver.waitFor((r) => r.path === '/partner' && r.json.event === 'response');
    expect(validSignature(response, hook.body.secret)).toBe(true);
    expect(response.json.data).toMatchObject({ responseId: logged.body.id, assessment: 'non_committal', demandIds: [demandId] });
    const moved = await receiver.waitFor((r) => r.path === '/partner' && r.json.event === 'status_change');
    expect(moved.json.data).toMatchObject({ demandId, from: 'sent', to: 'under_consideration', byPerson: true });
  });
});
