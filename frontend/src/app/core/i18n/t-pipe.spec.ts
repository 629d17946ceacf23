import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { I18n } from './i18n';
import { TPipe } from './t-pipe';

@Component({
  imports: [TPipe],
  template: `
    <h1>{{ 'home.title' | t }}</h1>
    <p>{{ 'status.version' | t: { version: version() } }}</p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly version = signal('0.1.0');
}

describe('TPipe', () => {
  beforeEach(async () => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en']);
    await TestBed.inject(I18n).init();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('translates, interpolates, and re-renders an OnPush view when the locale changes', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent).toBe('Overview');
    expect(element.querySelector('p')?.textContent).toBe('API version 0.1.0');

    await TestBed.inject(I18n).setLocale('es');
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent).toBe('Resumen');
    expect(element.querySelector('p')?.textContent).toBe('Versión de la API: 0.1.0');

    fixture.componentInstance.version.set('0.2.0');
    await fixture.whenStable();
    expect(element.querySelector('p')?.textContent).toBe('Versión de la API: 0.2.0');
  });
});
