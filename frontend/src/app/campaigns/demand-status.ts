import type { TranslationKey } from '../core/i18n/dictionary';
import type { components } from '../core/api/schema.generated';

/** A demand's status, as the API names it. */
export type DemandStatus = components['schemas']['DemandDto']['status'];

/** The translation key of a status name (`campaigns.status.<status>`), shared with demands/. */
export function statusKey(status: DemandStatus): TranslationKey {
  return `campaigns.status.${status}`;
}
