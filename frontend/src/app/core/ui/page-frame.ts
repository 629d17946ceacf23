import { ChangeDetectionStrategy, Component, ViewEncapsulation } from '@angular/core';
import { RouterOutlet } from '@angular/router';

/**
 * The route every page is a child of (app.routes.ts): it renders the page, and brings the classes
 * pages share (page-frame.css, global) with it. It is loaded in parallel with the first page, so
 * those styles are there when the page renders, and the shell's first render need not wait for
 * them (ADR 0010).
 */
@Component({
  selector: 'dm-page-frame',
  imports: [RouterOutlet],
  template: '<router-outlet />',
  styleUrl: './page-frame.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PageFrame {}
