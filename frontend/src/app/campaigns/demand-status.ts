import type { TranslationKey } from '../core/i18n/dictionary';
import type { components } from '../core/api/schema.generated';

/** A demand's status, as the API names it. */
export type DemandStatus = components['schemas']['DemandDto']['status'];

/** Every demand status, in the order of the status machine (draft → answered → closed). */
export const DEMAND_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'under_consideration',
  'partially_met',
  'met',
  'rejected',
  'no_response',
  'withdrawn',
] as const satisfies readonly DemandStatus[];

/** The translation key of a status name (`campaigns.status.<status>`), shared with demands/. */
export function statusKey(status: DemandStatus): TranslationKey {
  return `campaigns.status.${status}`;
}
