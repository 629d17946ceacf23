import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { Session } from '../core/session/session';
import { click, fill, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import type { FollowUp } from './follow-up-data';
import { MyFollowUpsPage } from './my-follow-ups-page';
import { aFollowUp } from './testing/follow-up-fixtures';

describe('MyFollowUpsPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    http = await setUpPageSpec([]);
    await TestBed.inject(Session).start({ user: aUser(), csrfToken: 'csrf-1' });
  });
  afterEach(() => tearDownPageSpec());

  async function render(items: FollowUp[]) {
    const fixture = TestBed.createComponent(MyFollowUpsPage);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    expect(text(root, '[role=status]')).toBe('Loading the follow-ups…');
    http.expectOne((r) => r.url === '/api/campaigns').flush({ items: [{ id: 'c1', title: 'Stop the transfers' }], nextCursor: null });
    const list = http.expectOne((r) => r.url === '/api/follow-ups');
    expect(list.request.params.get('organization')).toBe('mine');
    list.flush({ items, nextCursor: null });
    await settle(fixture);
    return { fixture, root };
  }

  it('shows the board in three columns, with due dates in the person’s zone and the overdue flag', async () => {
    const { root } = await render([
      aFollowUp(),
      aFollowUp({ id: 'f2', title: 'Call', status: 'in_progress', overdue: true }),
      aFollowUp({ id: 'f3', title: 'Old', status: 'done', completedAt: '2020-01-01T00:00:00.000Z' }),
    ]);
    expect(text(root, '[data-column=open] h2')).toBe('Open (1)');
    expect(text(root, '[data-column=in_progress]')).toContain('Overdue');
    expect(text(root, '[data-column=done] h2')).toBe('Done (last 30 days) (0)');
    expect(text(root, '[data-column=open] article')).toContain('Dec 1, 2026, 11:00 AM GMT-3 (America/Argentina/Buenos_Aires)');
  });

  it('marks a follow-up in progress, and completes it with a note, showing the API’s errors inline', async () => {
    const { fixture, root } = await render([aFollowUp()]);
    click(root, 'article button[type=submit]');
    await settle(fixture);
    const start = http.expectOne({ method: 'PATCH', url: '/api/follow-ups/f0000000-0000-4000-8000-000000000001' });
    expect(start.request.body).toEqual({ status: 'in_progress' });
    start.flush(aFollowUp({ status: 'in_progress' }));
    await settle(fixture);
    expect(text(root, '[data-column=in_progress] h2')).toBe('In progress (1)');

    click(root, 'article button.button--secondary');
    await settle(fixture);
    click(root, 'article form button[type=submit]');
    await settle(fixture);
    expect(text(root, '.field-error')).toBe('Write what was done.');
    fill(root, 'article textarea', 'Sent.');
    click(root, 'article form button[type=submit]');
    await settle(fixture);
    const done = http.expectOne({ method: 'PATCH' });
    expect(done.request.body).toEqual({ status: 'done', completionNote: 'Sent.' });
    done.flush(anError(400, 'validation_failed', [{ field: 'completionNote', message: 'is too long' }]), {
      status: 400,
      statusText: 'Bad Request',
    });
    await settle(fixture);
    expect(root.querySelector('article textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(root, '.field-error')).toContain('is too long');

    click(root, 'article form button[type=submit]');
    await settle(fixture);
    http
      .expectOne({ method: 'PATCH' })
      .flush(aFollowUp({ status: 'done', completionNote: 'Sent.', completedAt: new Date().toISOString() }));
    await settle(fixture);
    expect(text(root, '[data-column=done] h2')).toBe('Done (last 30 days) (1)');
  });

  it('says so when loading fails, and retries', async () => {
    const fixture = TestBed.createComponent(MyFollowUpsPage);
    const root = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/campaigns').flush({ items: [], nextCursor: null });
    http.expectOne((r) => r.url === '/api/follow-ups').flush(anError(500, 'internal'), { status: 500, statusText: 'Error' });
    await settle(fixture);
    expect(root.querySelector('[role=alert]')).not.toBeNull();
  });
});
