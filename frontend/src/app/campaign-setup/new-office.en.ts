/** English texts of the office picker's "add an addressee to the directory" (office-picker.html). Spread into campaign-setup.en.ts. */
export const newOfficeEn = {
  'setup.newOffice.open': 'Not in the directory? Add it',
  'setup.newOffice.browse': 'Browse the directory',
  'setup.newOffice.newTab': '(opens in a new tab)',
  'setup.newOffice.heading': 'Add an addressee to the directory',
  'setup.newOffice.intro':
    'It is added to the shared directory, where every campaign can address it, then chosen as the addressee of this demand.',
  'setup.newOffice.submit': 'Add and choose this office',
  'setup.newOffice.submitting': 'Adding…',
  'setup.newOffice.added': '{office} has been added to the directory and chosen.',
} as const;
