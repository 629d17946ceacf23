import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { TitleStrategy, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { I18n } from './i18n';
import { TranslatedTitleStrategy } from './translated-title-strategy';

@Component({ template: '' })
class Blank {}

describe('TranslatedTitleStrategy', () => {
  beforeEach(async () => {
    localStorage.clear();
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en']);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', title: 'home.title', component: Blank },
          { path: 'raw', title: 'Not a key', component: Blank },
        ]),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
      ],
    });
    await TestBed.inject(I18n).init();
  });

  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('translates the route title key and follows locale switches', async () => {
    const harness = await RouterTestingHarness.create('/');
    const title = TestBed.inject(Title);
    expect(title.getTitle()).toBe('Overview · Demarche');

    await TestBed.inject(I18n).setLocale('es');
    TestBed.tick();
    expect(title.getTitle()).toBe('Resumen · Demarche');

    await harness.navigateByUrl('/raw');
    expect(title.getTitle()).toBe('Not a key · Demarche');
  });
});
