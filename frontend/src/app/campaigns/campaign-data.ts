import { catchError, map, of, startWith, type Observable } from 'rxjs';

import type { ResponseBody } from '../core/api/api-client';
import { feedbackFor } from '../core/forms/form-feedback';
import { message, type Message } from '../core/forms/message';

export type CampaignSummary = ResponseBody<'/api/campaigns', 'get'>['items'][number];
export type Campaign = ResponseBody<'/api/campaigns/{id}', 'get'>;
export type Dashboard = ResponseBody<'/api/campaigns/{id}/dashboard', 'get'>;
export type ScorecardRow = Dashboard['scorecard'][number];
export type ScorecardDemand = ScorecardRow['demands'][number];
export type TimelineEntry = ResponseBody<'/api/campaigns/{id}/timeline', 'get'>['items'][number];

/** What a page that loads something shows: a loading note, an error with a retry, or the thing. */
export type Load<T> =
  { readonly kind: 'loading' } | { readonly kind: 'error'; readonly message: Message } | { readonly kind: 'ready'; readonly value: T };

/** `source` as a `Load`: loading first, then the value, or the error worded for people. */
export function loading<T>(source: Observable<T>): Observable<Load<T>> {
  return source.pipe(
    map((value): Load<T> => ({ kind: 'ready', value })),
    catchError((error: unknown) =>
      of<Load<T>>({
        kind: 'error',
        message:
          feedbackFor(error, [], { not_found: message('campaigns.notFound') }).form ??
          message('form.error.unexpected', { code: 'UNEXPECTED_ERROR' }),
      }),
    ),
    startWith<Load<T>>({ kind: 'loading' }),
  );
}

/** How a demand is named in lists: its reference (or position) and the start of its text. */
export interface DemandLabel {
  readonly office: string;
  readonly text: string;
}

/** Demand id → office and text, from the scorecard (for the timeline's links). */
export function demandLabels(scorecard: readonly ScorecardRow[]): ReadonlyMap<string, DemandLabel> {
  return new Map(scorecard.flatMap((row) => row.demands.map((d) => [d.id, { office: row.officeTitle, text: d.text }] as const)));
}

export function formatDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}
