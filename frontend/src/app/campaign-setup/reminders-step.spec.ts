import { Component, inject, signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { I18n } from '../core/i18n/i18n';
import { Session } from '../core/session/session';
import { button, click, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { RemindersStep, inRange, parseDaysBefore, policyFromValues, policyValues, wholeNumber } from './reminders-step';
import type { Campaign } from './setup-data';
import { DRAFT_ID, aDraft } from './testing/setup-fixtures';
import { UnsavedChanges } from './unsaved-changes';

/** The step as the set-up page shows it: the campaign the API last answered replaces the one shown. */
@Component({
  imports: [RemindersStep],
  providers: [UnsavedChanges],
  template: `<dm-reminders-step [campaign]="campaign()" (changed)="changed($event)" />`,
})
class Host {
  readonly campaign = signal(aDraft());
  readonly unsaved = inject(UnsavedChanges);
  readonly emitted: Campaign[] = [];

  changed(campaign: Campaign): void {
    this.emitted.push(campaign);
    this.campaign.set(campaign);
  }
}

const OWN_POLICY = {
  daysBefore: [14, 3],
  localTime: '17:30',
  atDue: false,
  overdueEveryDays: 0,
  overdueForDays: 28,
  escalateAfterDays: 14,
};

describe('the reminders step', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([]);
    await TestBed.inject(Session).start({ user: aUser({ role: 'coordinator' }), csrfToken: 'c' });
  });

  afterEach(tearDownPageSpec);

  async function open(campaign: Campaign = aDraft()): Promise<void> {
    fixture = TestBed.createComponent(Host);
    fixture.componentInstance.campaign.set(campaign);
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
  }

  const sentences = (selector: string) =>
    [...page.querySelectorAll(`${selector} p:not(.source):not(.field__label)`)].map((p) => p.textContent?.replace(/\s+/g, ' ').trim());
  const buttonText = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();
  const unsaved = () => fixture.componentInstance.unsaved.any();

  it('says the default policy in force in words, and who is reminded', async () => {
    await open();
    expect(text(page, '[data-source]')).toBe('The default reminders, as for every campaign that does not set its own.');
    expect(sentences('[data-policy]')).toEqual([
      'Reminders go 7, 2, and 1 days before each deadline, at 09:00 in each person’s own time zone, and when the deadline falls due.',
      'After a deadline passes unanswered, a reminder goes every 7 days for 28 days.',
      'A follow-up still not done 14 days after it was due is escalated: the coordinators of the lead organizations are told, and told again every 14 days after that.',
    ]);
    expect(text(page, '.who')).toContain('Of a demand’s deadline, the coordinators of the campaign’s lead organizations are reminded');
    expect(buttonText(page.querySelector('[data-action="change"]'))).toBe('Change for this campaign');
    expect(page.querySelector('[data-action="reset"]')).toBeNull();
    expect(page.querySelector('form')).toBeNull();
    http.expectNone(() => true);
  });

  it('reads in the reader’s language', async () => {
    await open();
    await TestBed.inject(I18n).setLocale('es');
    await settle(fixture);
    expect(sentences('[data-policy]')[0]).toBe(
      'Se envían recordatorios 7, 2 y 1 días antes de cada plazo, a las 09:00 en la zona horaria de cada persona, y cuando el plazo vence.',
    );
    expect(text(page, '[data-source]')).toBe('Los recordatorios por defecto, como en toda campaña que no fija los suyos.');
  });

  it('changes the policy for this campaign: the form holds the one in force, its words follow what is typed, saving sends it', async () => {
    await open();
    button(page, 'Change for this campaign').click();
    await settle(fixture);
    expect(document.activeElement?.id).toBe('reminders-days-before');
    expect(query<HTMLInputElement>(page, '#reminders-days-before').value).toBe('7, 2, 1');
    expect(query<HTMLInputElement>(page, '#reminders-local-time').value).toBe('09:00');
    expect(query<HTMLInputElement>(page, '#reminders-at-due').checked).toBe(true);
    expect(query<HTMLInputElement>(page, '#reminders-overdue-every').value).toBe('7');
    expect(query<HTMLInputElement>(page, '#reminders-overdue-for').value).toBe('28');
    expect(query<HTMLInputElement>(page, '#reminders-escalate-after').value).toBe('14');
    expect(sentences('[data-preview]')).toEqual(sentences('[data-policy]'));
    expect(unsaved()).toBe(false);

    fill(page, '#reminders-days-before', '3, 14,');
    fill(page, '#reminders-local-time', '17:30');
    click(page, '#reminders-at-due');
    fill(page, '#reminders-overdue-every', '0');
    await settle(fixture);
    expect(sentences('[data-preview]').slice(0, 2)).toEqual([
      'Reminders go 14 and 3 days before each deadline, at 17:30 in each person’s own time zone.',
      'Once a deadline has passed, no more reminders go.',
    ]);
    // The policy in force is still what it was.
    expect(sentences('[data-policy]')[0]).toContain('7, 2, and 1 days');
    expect(unsaved()).toBe(true);

    fill(page, '#reminders-days-before', '3, 0');
    await settle(fixture);
    expect(text(page, '[data-preview] p.muted')).toBe('The words will show here once every field holds an accepted value.');
    button(page, 'Save the reminders').click();
    await settle(fixture);
    expect(text(page, '#reminders-reminderPolicy\\.daysBefore-error')).toBe(
      'Write whole numbers of days from 1 to 60, separated by commas, such as 7, 2, 1.',
    );
    expect(query(page, '#reminders-days-before').getAttribute('aria-describedby')).toBe(
      'reminders-days-before-hint reminders-reminderPolicy.daysBefore-error',
    );
    expect(document.activeElement?.id).toBe('reminders-days-before');
    http.expectNone({ method: 'PATCH' });

    fill(page, '#reminders-days-before', '14, 3, 3');
    button(page, 'Save the reminders').click();
    const saved = http.expectOne({ method: 'PATCH', url: `/api/campaigns/${DRAFT_ID}` });
    expect(saved.request.body).toEqual({ reminderPolicy: OWN_POLICY });
    const answered = aDraft({ reminderPolicy: OWN_POLICY, customReminderPolicy: true });
    saved.flush(answered);
    await settle(fixture);

    expect(fixture.componentInstance.emitted).toEqual([answered]);
    expect(page.querySelector('form')).toBeNull();
    expect(text(page, '[role="status"]')).toBe('The campaign’s own reminders have been saved.');
    expect(text(page, '[data-source]')).toBe('This campaign’s own reminders.');
    expect(sentences('[data-policy]').slice(0, 2)).toEqual([
      'Reminders go 14 and 3 days before each deadline, at 17:30 in each person’s own time zone.',
      'Once a deadline has passed, no more reminders go.',
    ]);
    expect(document.activeElement?.id).toBe('reminders-heading');
    expect(unsaved()).toBe(false);
  });

  it('checks the numbers on this side, and shows the API’s errors at their fields', async () => {
    await open();
    button(page, 'Change for this campaign').click();
    await settle(fixture);
    fill(page, '#reminders-escalate-after', '0');
    fill(page, '#reminders-overdue-for', 'two');
    button(page, 'Save the reminders').click();
    await settle(fixture);
    expect(text(page, '#reminders-reminderPolicy\\.overdueForDays-error')).toBe('Write a whole number from 0 to 365.');
    expect(text(page, '#reminders-reminderPolicy\\.escalateAfterDays-error')).toBe('Write a whole number from 1 to 60.');
    expect(document.activeElement?.id).toBe('reminders-overdue-for');
    http.expectNone({ method: 'PATCH' });

    fill(page, '#reminders-escalate-after', '5');
    fill(page, '#reminders-overdue-for', '20');
    button(page, 'Save the reminders').click();
    http
      .expectOne({ method: 'PATCH', url: `/api/campaigns/${DRAFT_ID}` })
      .flush(anError(400, 'validation_failed', [{ field: 'reminderPolicy.localTime', message: 'must be a time such as 09:00' }]), {
        status: 400,
        statusText: 'Bad Request',
      });
    await settle(fixture);
    expect(text(page, '#reminders-reminderPolicy\\.localTime-error')).toBe('Not accepted: must be a time such as 09:00.');
    expect(query(page, '#reminders-local-time').getAttribute('aria-invalid')).toBe('true');
    expect(fixture.componentInstance.emitted).toEqual([]);
  });

  it('says who may change the reminders when the API refuses', async () => {
    await open();
    button(page, 'Change for this campaign').click();
    await settle(fixture);
    button(page, 'Save the reminders').click();
    http.expectOne({ method: 'PATCH', url: `/api/campaigns/${DRAFT_ID}` }).flush(anError(403, 'forbidden'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await settle(fixture);
    expect(text(page, '#reminders-alert')).toBe('Only coordinators of a lead organization can set up this campaign.');
  });

  it('cancels: the edits are dropped, focus back on the button that opened the form', async () => {
    await open();
    button(page, 'Change for this campaign').click();
    await settle(fixture);
    fill(page, '#reminders-days-before', '30');
    button(page, 'Cancel').click();
    await settle(fixture);
    expect(page.querySelector('form')).toBeNull();
    expect(buttonText(document.activeElement)).toBe('Change for this campaign');
    expect(unsaved()).toBe(false);
    button(page, 'Change for this campaign').click();
    await settle(fixture);
    expect(query<HTMLInputElement>(page, '#reminders-days-before').value).toBe('7, 2, 1');
    http.expectNone({ method: 'PATCH' });
  });

  it('goes back to the default after a confirmation', async () => {
    await open(aDraft({ reminderPolicy: OWN_POLICY, customReminderPolicy: true }));
    expect(text(page, '[data-source]')).toBe('This campaign’s own reminders.');
    button(page, 'Back to the default').click();
    await settle(fixture);
    expect(text(page, '.confirm__question')).toBe('Use the default reminders again? This campaign’s own settings will be forgotten.');
    expect(buttonText(document.activeElement)).toBe('Yes, use the default');
    button(page, 'Cancel').click();
    await settle(fixture);
    expect(buttonText(document.activeElement)).toBe('Back to the default');

    button(page, 'Back to the default').click();
    await settle(fixture);
    button(page, 'Yes, use the default').click();
    let reset = http.expectOne({ method: 'PATCH', url: `/api/campaigns/${DRAFT_ID}` });
    expect(reset.request.body).toEqual({ reminderPolicy: null });
    reset.flush(anError(500, 'internal_error'), { status: 500, statusText: 'Server Error' });
    await settle(fixture);
    expect(text(page, '.confirm [role="alert"]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
    expect(fixture.componentInstance.emitted).toEqual([]);

    button(page, 'Yes, use the default').click();
    reset = http.expectOne({ method: 'PATCH', url: `/api/campaigns/${DRAFT_ID}` });
    const answered = aDraft();
    reset.flush(answered);
    await settle(fixture);
    expect(fixture.componentInstance.emitted).toEqual([answered]);
    expect(text(page, '[role="status"]')).toBe('The campaign uses the default reminders again.');
    expect(text(page, '[data-source]')).toBe('The default reminders, as for every campaign that does not set its own.');
    expect(page.querySelector('[data-action="reset"]')).toBeNull();
    expect(document.activeElement?.id).toBe('reminders-heading');
  });
});

describe('the reminder form’s rules', () => {
  it('reads the days before as whole numbers from 1 to 60, each once, the earliest first', () => {
    expect(parseDaysBefore('7, 2, 1')).toEqual([7, 2, 1]);
    expect(parseDaysBefore(' 1 7;2,, 7 ')).toEqual([7, 2, 1]);
    expect(parseDaysBefore('60')).toEqual([60]);
    expect(parseDaysBefore('')).toEqual([]);
    for (const wrong of ['0', '61', '2.5', '-1', 'seven', '7, 2x']) {
      expect(parseDaysBefore(wrong), wrong).toBeNull();
    }
  });

  it('takes whole numbers only, within bounds', () => {
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('1e2')).toBeNull();
    expect(wholeNumber('')).toBeNull();
    const check = inRange(0, 30);
    expect(['0', '30', '7'].map((value) => check.fails(value, policyValues(aDraft().reminderPolicy)))).toEqual([false, false, false]);
    expect(['-1', '31', '', '3.5'].map((value) => check.fails(value, policyValues(aDraft().reminderPolicy)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('turns the form’s values into the policy the API takes, or null while one is not accepted', () => {
    const values = policyValues({ ...OWN_POLICY, daysBefore: [3, 14] });
    expect(values).toEqual({
      'reminderPolicy.daysBefore': '14, 3',
      'reminderPolicy.localTime': '17:30',
      'reminderPolicy.atDue': 'false',
      'reminderPolicy.overdueEveryDays': '0',
      'reminderPolicy.overdueForDays': '28',
      'reminderPolicy.escalateAfterDays': '14',
    });
    expect(policyFromValues(values)).toEqual(OWN_POLICY);
    expect(policyFromValues({ ...values, 'reminderPolicy.localTime': '25:00' })).toBeNull();
    expect(policyFromValues({ ...values, 'reminderPolicy.escalateAfterDays': '0' })).toBeNull();
    // At most 10 days before, as the API allows.
    expect(policyFromValues({ ...values, 'reminderPolicy.daysBefore': '1, 2, 3, 4, 5, 6, 7, 8, 9, 10' })?.daysBefore).toHaveLength(10);
    expect(policyFromValues({ ...values, 'reminderPolicy.daysBefore': '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11' })).toBeNull();
  });
});
