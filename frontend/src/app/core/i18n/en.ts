/**
 * English: the source dictionary. Every other locale must provide exactly these keys (enforced by
 * the `Dictionary` type). Keys are flat and dotted: `<feature>.<element>`.
 * Placeholders are written `{name}` and filled by `I18n.translate(key, { name })`.
 */
export const en = {
  'app.name': 'Demarche',
  'app.tagline': 'Track the demands your coalition makes to international bodies',
  'app.pageTitle': '{page} · Demarche',

  'shell.skipLink': 'Skip to main content',
  'shell.nav.label': 'Main',
  'shell.nav.overview': 'Overview',
  'shell.language.label': 'Language',
  'shell.footer.about': 'Demarche is free, open-source software for civil-society coalitions.',
  'shell.footer.license': 'Licensed under the GNU AGPL, version 3 or later.',

  'home.title': 'Overview',
  'home.heading': 'Welcome to Demarche',
  'home.intro.what':
    'Demarche helps civil-society coalitions keep track of every demand they make to international bodies such as the United Nations and the Organization of American States.',
  'home.intro.how':
    'For each demand and each body it records the responses received, the follow-up actions assigned to member organizations, and the deadlines that matter.',
  'home.intro.next':
    'Sign-in and campaigns arrive with the next releases. Until then, this dashboard only shows whether the service is running.',

  'status.heading': 'Service status',
  'status.loading': 'Checking the service…',
  'status.summary.ok': 'All systems are operational.',
  'status.summary.unavailable': 'The service is unavailable. Not responding: {components}.',
  'status.summary.unavailableGeneric': 'The service is unavailable.',
  'status.component.api': 'API',
  'status.component.database': 'Database',
  'status.component.redis': 'Redis',
  'status.state.operational': 'Operational',
  'status.state.unavailable': 'Unavailable',
  'status.version': 'API version {version}',
  'status.error': 'The service could not be reached. Check your connection and try again.',
  'status.error.code': 'Error code: {code}',
  'status.error.requestId': 'Request ID: {requestId}',
  'status.retry': 'Try again',
  'status.refresh': 'Check again',

  'notFound.title': 'Page not found',
  'notFound.body': 'The page you asked for does not exist or has moved.',
  'notFound.home': 'Go to the overview',
} as const;
