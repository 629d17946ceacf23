/**
 * The IANA zones a person may choose from — for their own zone, a deadline's, a milestone's, an
 * institution's seat — as this browser lists them (sorted), with `current` first when the browser
 * does not list it (a zone saved elsewhere stays choosable). The one list every zone select uses.
 * A module of its own, so that it stays out of the initial bundle with the forms that use it.
 */
export function zoneChoices(current: string): readonly string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return !current || zones.includes(current) ? zones : [current, ...zones];
}
