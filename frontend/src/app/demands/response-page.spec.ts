import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { RESPONSE_ROUTES } from './responses.routes';
import { CAMPAIGN_ID, aDemand, aResponse } from './testing/demand-fixtures';

describe('ResponsePage', () => {
  let http: HttpTestingController;
  const url = `/campaigns/${CAMPAIGN_ID}/responses/${aResponse().id}`;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'campaigns/:campaignId/responses', children: RESPONSE_ROUTES }]);
    const loading = TestBed.inject(Session).load();
    http.expectOne('/api/me').flush({ user: aUser(), csrfToken: 'csrf-1' });
    await loading;
  });

  afterEach(tearDownPageSpec);

  it('shows what was answered, the assessment, the source and the demands with their statuses', async () => {
    const harness = await RouterTestingHarness.create(url);
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(text(page, '[role="status"]')).toBe('Loading the response…');
    http.expectOne(`/api/responses/${aResponse().id}`).flush(aResponse());
    await settle(harness.fixture);

    expect(text(page, 'h1')).toBe('Response from United Nations');
    const facts = Object.fromEntries([...page.querySelectorAll('.facts > div')].map((div) => [text(div, 'dt'), text(div, 'dd')]));
    expect(facts).toEqual({
      'Received on': 'May 2, 2025',
      Channel: 'Letter',
      Assessment: 'Non-committal',
      'Logged by': 'Ana Pérez, May 3, 2025, 12:00 PM GMT-3',
    });
    expect(text(page, '.summary')).toBe('The Secretary-General acknowledged the letter.');
    expect(query(page, 'a[rel~="noopener"]').getAttribute('href')).toBe('https://example.org/answer');
    expect(text(page, '.items li dm-status-chip')).toBe('Acknowledged');
    expect(text(page, '.items li p')).toBe(aDemand().text);
    expect(query(page, '.items a').getAttribute('href')).toBe(`/campaigns/${CAMPAIGN_ID}/demands/${aDemand().id}`);
  });

  it('says when the response is not there', async () => {
    const harness = await RouterTestingHarness.create(url);
    const page = harness.fixture.nativeElement as HTMLElement;
    http.expectOne(`/api/responses/${aResponse().id}`).flush(anError(404, 'not_found'), { status: 404, statusText: 'Not Found' });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toBe('This response does not exist, or your organization is not part of its campaign.');
  });
});
