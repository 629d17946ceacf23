import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';

import { Session } from '../core/session/session';
import { button, fill, query, settle, text } from '../testing/dom';
import { aUser, anError } from '../testing/fixtures';
import type { HttpTestingController, TestRequest } from '../testing/http-testing';
import { setUpPageSpec, tearDownPageSpec } from '../testing/page-spec';
import { ADMIN_ORG, OTHER_ORG, anOrganization } from './admin-fixtures';
import { OrganizationsPage } from './organizations-page';

const CRISTOSAL = anOrganization();
const MINE = anOrganization({
  id: ADMIN_ORG,
  name: 'Centro de Derechos',
  country: null,
  contactEmail: null,
  website: null,
  kind: 'legal_clinic',
});

describe('OrganizationsPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  beforeEach(async () => {
    http = await setUpPageSpec([{ path: 'admin/organizations', component: OrganizationsPage }]);
    await TestBed.inject(Session).start({ user: aUser({ role: 'admin' }), csrfToken: 'csrf-1' });
    harness = await RouterTestingHarness.create('/admin/organizations');
    page = harness.fixture.nativeElement as HTMLElement;
  });

  afterEach(tearDownPageSpec);

  const listRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/organizations' && r.method === 'GET');
  const article = (id: string) => query<HTMLElement>(page, `article[data-organization-id="${id}"]`);
  const createForm = () => query<HTMLElement>(page, 'section.create');

  async function loaded(items = [MINE, CRISTOSAL], nextCursor: string | null = null): Promise<void> {
    listRequest().flush({ items, nextCursor });
    await settle(harness.fixture);
  }

  it('shows a loading state, then each organization: state, kind, country, contact and website, and its actions', async () => {
    expect(text(page, '[role="status"]')).toBe('Loading the organizations…');
    await loaded([MINE, anOrganization({ disabledAt: '2026-11-01T15:00:00.000Z' })]);
    expect(text(article(OTHER_ORG), 'h3')).toBe('Cristosal');
    expect(text(article(OTHER_ORG), '.organization__meta')).toBe('Disabled since Nov 1, 2026, 12:00 PM GMT-3 · NGO · SV');
    const facts = (id: string) => [...article(id).querySelectorAll('dt, dd')].map((e) => e.textContent?.trim());
    expect(facts(OTHER_ORG)).toEqual(['Contact', 'info@cristosal.example', 'Website', 'https://cristosal.example']);
    expect(article(OTHER_ORG).querySelector('a[href="https://cristosal.example"]')).not.toBeNull();
    expect(article(OTHER_ORG).querySelector('button[aria-label="Enable Cristosal"]')).not.toBeNull();
    expect(article(OTHER_ORG).querySelector(`a[href="/admin/users?organizationId=${OTHER_ORG}"]`)?.getAttribute('aria-label')).toBe(
      'People of Cristosal',
    );
    expect(text(article(ADMIN_ORG), '.organization__meta')).toBe('Active · Legal clinic');
    expect(facts(ADMIN_ORG)).toEqual(['Contact', 'Not given', 'Website', 'Not given']);
    // Nobody disables their own organization (the API refuses it too).
    expect(article(ADMIN_ORG).querySelector('button[aria-label^="Disable"]')).toBeNull();
  });

  it('searches by name on "Search", and loads more', async () => {
    await loaded([CRISTOSAL], 'next-1');
    fill(page, '#organizations-q', ' cris ');
    button(page, 'Search').click();
    await settle(harness.fixture);
    const search = listRequest();
    expect(search.request.params.get('q')).toBe('cris');
    search.flush({ items: [CRISTOSAL], nextCursor: 'next-1' });
    await settle(harness.fixture);

    button(page, 'Load more').click();
    await settle(harness.fixture);
    const more = listRequest();
    expect(more.request.params.get('cursor')).toBe('next-1');
    expect(more.request.params.get('q')).toBe('cris');
    more.flush({ items: [anOrganization({ id: 'o3', name: 'Cristianos por la paz' })], nextCursor: null });
    await settle(harness.fixture);
    expect(page.querySelectorAll('article')).toHaveLength(2);
    expect(document.activeElement?.id).toBe('organization-o3');
  });

  it('says so when nothing matches, and when loading fails', async () => {
    await loaded([]);
    expect(text(page, 'p.panel')).toBe('No organizations match.');
    button(page, 'Search').click();
    await settle(harness.fixture);
    listRequest().flush(anError(500, 'internal_error'), { status: 500, statusText: 'Error' });
    await settle(harness.fixture);
    expect(text(page, '[role="alert"]')).toBe('Something went wrong (error internal_error, request req-test-1). Try again later.');
    button(page, 'Try again').click();
    await settle(harness.fixture);
    await loaded([CRISTOSAL]);
    expect(page.querySelectorAll('article')).toHaveLength(1);
  });

  it('adds an organization, with the checks of this side and the API’s complaints at their fields', async () => {
    await loaded();
    button(createForm(), 'Add organization').click();
    await settle(harness.fixture);
    expect(text(createForm(), '.field-error')).toBe('Enter the name of the organization.');
    http.expectNone((r) => r.method === 'POST');

    const field = (name: string) => query<HTMLInputElement>(createForm(), `[name="${name}"]`);
    fill(createForm(), '[name="name"]', '  Fundación Nueva ');
    fill(createForm(), '[name="country"]', 'sv');
    fill(createForm(), '[name="kind"]', 'network');
    fill(createForm(), '[name="contactEmail"]', 'hola@nueva.example');
    fill(createForm(), '[name="website"]', 'nueva.example');
    button(createForm(), 'Add organization').click();
    await settle(harness.fixture);
    let post = http.expectOne({ method: 'POST', url: '/api/organizations' });
    expect(post.request.body).toEqual({
      name: 'Fundación Nueva',
      country: 'SV',
      kind: 'network',
      contactEmail: 'hola@nueva.example',
      website: 'nueva.example',
    });
    post.flush(anError(400, 'validation_failed', [{ field: 'website', message: 'must be an http(s) URL' }]), {
      status: 400,
      statusText: 'Bad Request',
    });
    await settle(harness.fixture);
    const websiteError = field('website').closest('.field')?.querySelector('.field-error');
    expect(websiteError?.textContent?.trim()).toBe('Not accepted: must be an http(s) URL.');
    expect(field('website').getAttribute('aria-describedby')).toContain(websiteError?.id);
    expect(field('website').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('website'));

    fill(createForm(), '[name="website"]', 'https://nueva.example');
    button(createForm(), 'Add organization').click();
    await settle(harness.fixture);
    post = http.expectOne({ method: 'POST', url: '/api/organizations' });
    post.flush(anError(409, 'name_taken', [{ field: 'name', message: 'is taken' }]), { status: 409, statusText: 'Conflict' });
    await settle(harness.fixture);
    expect(text(createForm(), '.field-error')).toBe('An organization with this name exists already.');

    fill(createForm(), '[name="name"]', 'Fundación Nueva 2');
    button(createForm(), 'Add organization').click();
    await settle(harness.fixture);
    http
      .expectOne({ method: 'POST', url: '/api/organizations' })
      .flush(anOrganization({ id: 'o9', name: 'Fundación Nueva 2', kind: 'network', website: 'https://nueva.example' }));
    await settle(harness.fixture);
    expect(text(createForm(), '[role="status"]')).toBe('“Fundación Nueva 2” has been added.');
    expect(field('name').value).toBe('');
    expect(field('country').value).toBe('');
    await loaded([MINE, CRISTOSAL, anOrganization({ id: 'o9', name: 'Fundación Nueva 2' })]);
    expect(page.querySelectorAll('article')).toHaveLength(3);
  });

  it('checks the country code and the contact e-mail before sending', async () => {
    await loaded();
    fill(createForm(), '[name="name"]', 'X');
    fill(createForm(), '[name="country"]', 'S1');
    fill(createForm(), '[name="contactEmail"]', 'not an address');
    button(createForm(), 'Add organization').click();
    await settle(harness.fixture);
    expect([...createForm().querySelectorAll('.field-error')].map((e) => e.textContent?.trim())).toEqual([
      'Use the two-letter country code, such as SV.',
      'Enter an e-mail address such as name@example.org.',
    ]);
    http.expectNone((r) => r.method === 'POST');
  });

  it('edits an organization in place, clearing what was emptied', async () => {
    await loaded();
    query<HTMLButtonElement>(article(OTHER_ORG), 'button[aria-label="Edit Cristosal"]').click();
    await settle(harness.fixture);
    const form = () => query<HTMLElement>(article(OTHER_ORG), 'form');
    expect(query<HTMLInputElement>(form(), '[name="name"]').value).toBe('Cristosal');
    expect(query<HTMLInputElement>(form(), '[name="website"]').value).toBe('https://cristosal.example');
    expect(document.activeElement).toBe(query(form(), '[name="name"]'));

    button(form(), 'Cancel').click();
    await settle(harness.fixture);
    expect(article(OTHER_ORG).querySelector('form')).toBeNull();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit Cristosal');

    query<HTMLButtonElement>(article(OTHER_ORG), 'button[aria-label="Edit Cristosal"]').click();
    await settle(harness.fixture);
    fill(form(), '[name="website"]', '');
    fill(form(), '[name="name"]', 'Cristosal El Salvador');
    button(form(), 'Save').click();
    await settle(harness.fixture);
    const patch = http.expectOne(`/api/organizations/${OTHER_ORG}`);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({
      name: 'Cristosal El Salvador',
      country: 'SV',
      kind: 'ngo',
      contactEmail: 'info@cristosal.example',
      website: null,
    });
    patch.flush(anOrganization({ name: 'Cristosal El Salvador', website: null }));
    await settle(harness.fixture);
    expect(text(article(OTHER_ORG), 'h3')).toBe('Cristosal El Salvador');
    expect(text(page, '.alert--ok')).toBe('The changes to “Cristosal El Salvador” have been saved.');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit Cristosal El Salvador');
  });

  it('asks before disabling, then disables, says so, and offers to enable', async () => {
    await loaded();
    query<HTMLButtonElement>(article(OTHER_ORG), 'button[aria-label="Disable Cristosal"]').click();
    await settle(harness.fixture);
    expect(text(article(OTHER_ORG), '.confirm__question')).toBe(
      'Disable Cristosal? Everyone in it is signed out at once and cannot sign in until the organization is enabled again.',
    );
    expect(document.activeElement?.textContent?.trim()).toBe('Yes, disable');
    button(article(OTHER_ORG), 'Yes, disable').click();
    await settle(harness.fixture);
    const post = http.expectOne(`/api/organizations/${OTHER_ORG}/disable`);
    expect(post.request.method).toBe('POST');
    post.flush(anOrganization({ disabledAt: '2026-11-28T15:00:00.000Z' }));
    await settle(harness.fixture);
    expect(text(article(OTHER_ORG), '.organization__meta')).toContain('Disabled since Nov 28, 2026, 12:00 PM GMT-3');
    expect(text(page, '.alert--ok')).toBe('“Cristosal” has been disabled.');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Enable Cristosal');

    query<HTMLButtonElement>(article(OTHER_ORG), 'button[aria-label="Enable Cristosal"]').click();
    await settle(harness.fixture);
    button(article(OTHER_ORG), 'Yes, enable').click();
    await settle(harness.fixture);
    http
      .expectOne(`/api/organizations/${OTHER_ORG}/enable`)
      .flush(anError(409, 'cannot_disable_self'), { status: 409, statusText: 'Conflict' });
    await settle(harness.fixture);
    expect(text(article(OTHER_ORG), '.confirm [role="alert"]')).toBe('You cannot disable your own organization.');
  });
});
