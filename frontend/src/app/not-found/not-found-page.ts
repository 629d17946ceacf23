import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

import { TPipe } from '../core/i18n/t-pipe';

/** Shown for any URL that matches no route. */
@Component({
  selector: 'dm-not-found-page',
  imports: [RouterLink, TPipe],
  template: `
    <h1>{{ 'notFound.title' | t }}</h1>
    <p>{{ 'notFound.body' | t }}</p>
    <p>
      <a routerLink="/">{{ 'notFound.home' | t }}</a>
    </p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
