import { describe, expect, it } from 'vitest';

import { zoneChoices } from './time-zones';

describe('zoneChoices', () => {
  it('lists the browser’s zones, sorted, with a zone it does not know first', () => {
    const zones = zoneChoices('Europe/Zurich');
    expect(zones).toContain('America/New_York');
    expect([...zones].sort()).toEqual(zones);
    expect(zones.filter((z) => z === 'Europe/Zurich')).toHaveLength(1);
    expect(zoneChoices('Mars/Olympus_Mons')[0]).toBe('Mars/Olympus_Mons');
    // Nothing chosen yet: the browser's list as it is.
    expect(zoneChoices('')).toEqual(Intl.supportedValuesOf('timeZone'));
  });
});
