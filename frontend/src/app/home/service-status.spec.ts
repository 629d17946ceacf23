import { TestBed, type ComponentFixture } from '@angular/core/testing';

import { I18n } from '../core/i18n/i18n';
import { HttpTestingController, provideHttpTesting, type TestRequest } from '../testing/http-testing';
import { ServiceStatus } from './service-status';

const up = (port: number) => ({ status: 'up', address: `127.0.0.1:${port}` });
const healthy = {
  status: 'ok',
  version: '0.1.0',
  checks: { database: up(5432), redis: up(6379) },
};
const databaseDown = {
  status: 'unavailable',
  version: '0.1.0',
  checks: {
    database: { status: 'down', address: '127.0.0.1:5432', message: 'connect ECONNREFUSED' },
    redis: up(6379),
  },
};

describe('ServiceStatus', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ServiceStatus>;
  let element: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en']);
    TestBed.configureTestingModule({
      providers: [provideHttpTesting()],
    });
    await TestBed.inject(I18n).init();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ServiceStatus);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    vi.restoreAllMocks();
    localStorage.clear();
  });

  const text = (selector: string) => element.querySelector(selector)?.textContent?.trim() ?? '';
  const row = (id: string) => text(`[data-component="${id}"]`).replace(/\s+/g, ' ');
  const button = () => element.querySelector('button') as HTMLButtonElement;
  const expectHealth = (): TestRequest => {
    const request = http.expectOne('/api/health');
    expect(request.request.method).toBe('GET');
    return request;
  };

  it('shows a loading state, then every component operational', async () => {
    const request = expectHealth();
    expect(text('[role="status"]')).toBe('Checking the service…');
    expect(element.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(element.querySelectorAll('li')).toHaveLength(0);

    request.flush(healthy);
    await fixture.whenStable();

    expect(text('[role="status"]')).toBe('All systems are operational.');
    expect(element.querySelector('section')?.getAttribute('aria-busy')).toBe('false');
    expect(row('api')).toBe('API Operational');
    expect(row('database')).toBe('Database Operational');
    expect(row('redis')).toBe('Redis Operational');
    expect(text('.meta')).toBe('API version 0.1.0');
    expect(button().textContent?.trim()).toBe('Check again');
  });

  it('shows a 503 health report as unavailable, naming the dependency that is down', async () => {
    expectHealth().flush(databaseDown, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();

    expect(text('[role="status"]')).toBe('The service is unavailable. Not responding: Database.');
    expect(row('database')).toBe('Database Unavailable');
    expect(row('redis')).toBe('Redis Operational');
    expect(row('api')).toBe('API Operational');
    expect(element.textContent).not.toContain('could not be reached');
  });

  it('names every dependency that is down, in the active language', async () => {
    await TestBed.inject(I18n).setLocale('es');
    expectHealth().flush(
      { ...databaseDown, checks: { ...databaseDown.checks, redis: { status: 'down', address: 'x' } } },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await fixture.whenStable();

    expect(text('[role="status"]')).toBe('El servicio no está disponible. Sin respuesta: Base de datos y Redis.');
    expect(row('redis')).toBe('Redis No disponible');
  });

  it('shows an error with a retry button when the API cannot be reached, and retries', async () => {
    expectHealth().error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();

    expect(text('[role="status"]')).toBe('The service could not be reached. Check your connection and try again.');
    expect(text('.meta')).toBe('Error code: NETWORK_ERROR');
    expect(element.querySelectorAll('li')).toHaveLength(0);
    expect(button().textContent?.trim()).toBe('Try again');

    button().click();
    await fixture.whenStable();
    const retry = expectHealth();
    expect(text('[role="status"]')).toBe('Checking the service…');
    expect(button().getAttribute('aria-disabled')).toBe('true');

    button().click(); // ignored while a check is under way (http.verify would catch a second call)
    retry.flush(healthy);
    await fixture.whenStable();
    expect(row('database')).toBe('Database Operational');
  });

  it('treats a 503 without a health report as an error, not as a report', async () => {
    expectHealth().flush('Service Unavailable', { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();

    expect(text('.meta')).toBe('Error code: HTTP_503');
    expect(button().textContent?.trim()).toBe('Try again');
  });
});
