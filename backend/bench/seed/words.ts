/**
 * The vocabulary of the scale data: the directory of international bodies (fixed: 12
 * institutions, 40 offices, whatever the scale) and the words campaigns, organizations, people,
 * demands and follow-ups are made of. Every person and holder name is invented.
 */

export interface OfficeSpec {
  title: string;
  collective?: boolean;
}

export interface InstitutionSpec {
  name: string;
  abbreviation: string;
  zone: string;
  website: string;
  offices: OfficeSpec[];
}

export const INSTITUTIONS: InstitutionSpec[] = [
  {
    name: 'United Nations Secretariat',
    abbreviation: 'UN',
    zone: 'America/New_York',
    website: 'https://www.un.org',
    offices: [
      { title: 'Secretary-General' },
      { title: 'Under-Secretary-General for Political and Peacebuilding Affairs' },
      { title: 'Legal Counsel' },
    ],
  },
  {
    name: 'Office of the United Nations High Commissioner for Human Rights',
    abbreviation: 'OHCHR',
    zone: 'Europe/Zurich',
    website: 'https://www.ohchr.org',
    offices: [
      { title: 'High Commissioner for Human Rights' },
      { title: 'Deputy High Commissioner for Human Rights' },
      { title: 'Special Rapporteur on torture' },
      { title: 'Special Rapporteur on the human rights of migrants' },
      { title: 'Working Group on Arbitrary Detention', collective: true },
      { title: 'Working Group on Enforced or Involuntary Disappearances', collective: true },
      { title: 'Special Rapporteur on the situation of human rights defenders' },
      { title: 'Special Rapporteur on extrajudicial, summary or arbitrary executions' },
    ],
  },
  {
    name: 'Human Rights Council',
    abbreviation: 'HRC',
    zone: 'Europe/Zurich',
    website: 'https://www.ohchr.org/en/hrbodies/hrc',
    offices: [
      { title: 'President of the Human Rights Council' },
      { title: 'Member States of the Human Rights Council', collective: true },
      { title: 'Bureau of the Human Rights Council', collective: true },
    ],
  },
  {
    name: 'United Nations Security Council',
    abbreviation: 'UNSC',
    zone: 'America/New_York',
    website: 'https://www.un.org/securitycouncil',
    offices: [{ title: 'President of the Security Council' }, { title: 'Members of the Security Council', collective: true }],
  },
  {
    name: 'United Nations General Assembly',
    abbreviation: 'UNGA',
    zone: 'America/New_York',
    website: 'https://www.un.org/en/ga',
    offices: [{ title: 'President of the General Assembly' }, { title: 'Third Committee', collective: true }],
  },
  {
    name: 'Organization of American States',
    abbreviation: 'OAS',
    zone: 'America/New_York',
    website: 'https://www.oas.org',
    offices: [{ title: 'Secretary General' }, { title: 'Assistant Secretary General' }, { title: 'Permanent Council', collective: true }],
  },
  {
    name: 'Inter-American Commission on Human Rights',
    abbreviation: 'IACHR',
    zone: 'America/New_York',
    website: 'https://www.oas.org/en/iachr',
    offices: [
      { title: 'President of the Commission' },
      { title: 'Executive Secretary' },
      { title: 'Rapporteurship on the Rights of Persons Deprived of Liberty' },
      { title: 'Rapporteurship on the Rights of Migrants' },
      { title: 'Special Rapporteurship for Freedom of Expression' },
    ],
  },
  {
    name: "African Commission on Human and Peoples' Rights",
    abbreviation: 'ACHPR',
    zone: 'Africa/Banjul',
    website: 'https://achpr.au.int',
    offices: [
      { title: 'Chairperson of the Commission' },
      { title: 'Special Rapporteur on Prisons and Conditions of Detention' },
      { title: 'Special Rapporteur on Human Rights Defenders' },
    ],
  },
  {
    name: 'European Parliament',
    abbreviation: 'EP',
    zone: 'Europe/Brussels',
    website: 'https://www.europarl.europa.eu',
    offices: [
      { title: 'President of the European Parliament' },
      { title: 'Chair of the Subcommittee on Human Rights' },
      { title: 'Committee on Foreign Affairs', collective: true },
    ],
  },
  {
    name: 'European External Action Service',
    abbreviation: 'EEAS',
    zone: 'Europe/Brussels',
    website: 'https://www.eeas.europa.eu',
    offices: [
      { title: 'High Representative for Foreign Affairs and Security Policy' },
      { title: 'EU Special Representative for Human Rights' },
    ],
  },
  {
    name: 'Council of Europe',
    abbreviation: 'CoE',
    zone: 'Europe/Paris',
    website: 'https://www.coe.int',
    offices: [
      { title: 'Commissioner for Human Rights' },
      { title: 'Secretary General of the Council of Europe' },
      { title: 'Committee of Ministers', collective: true },
    ],
  },
  {
    name: 'International Criminal Court',
    abbreviation: 'ICC',
    zone: 'Europe/Amsterdam',
    website: 'https://www.icc-cpi.int',
    offices: [{ title: 'Prosecutor' }, { title: 'Deputy Prosecutor' }, { title: 'Registrar' }],
  },
];

export interface Country {
  name: string;
  zone: string;
  locale: 'en' | 'es';
}

export const COUNTRIES: Country[] = [
  { name: 'Colombia', zone: 'America/Bogota', locale: 'es' },
  { name: 'Mexico', zone: 'America/Mexico_City', locale: 'es' },
  { name: 'Guatemala', zone: 'America/Guatemala', locale: 'es' },
  { name: 'El Salvador', zone: 'America/El_Salvador', locale: 'es' },
  { name: 'Honduras', zone: 'America/Tegucigalpa', locale: 'es' },
  { name: 'Nicaragua', zone: 'America/Managua', locale: 'es' },
  { name: 'Venezuela', zone: 'America/Caracas', locale: 'es' },
  { name: 'Peru', zone: 'America/Lima', locale: 'es' },
  { name: 'Chile', zone: 'America/Santiago', locale: 'es' },
  { name: 'Argentina', zone: 'America/Argentina/Buenos_Aires', locale: 'es' },
  { name: 'Spain', zone: 'Europe/Madrid', locale: 'es' },
  { name: 'United States', zone: 'America/New_York', locale: 'en' },
  { name: 'Canada', zone: 'America/Toronto', locale: 'en' },
  { name: 'Brazil', zone: 'America/Sao_Paulo', locale: 'en' },
  { name: 'United Kingdom', zone: 'Europe/London', locale: 'en' },
  { name: 'Switzerland', zone: 'Europe/Zurich', locale: 'en' },
  { name: 'Belgium', zone: 'Europe/Brussels', locale: 'en' },
  { name: 'Netherlands', zone: 'Europe/Amsterdam', locale: 'en' },
  { name: 'Germany', zone: 'Europe/Berlin', locale: 'en' },
  { name: 'Kenya', zone: 'Africa/Nairobi', locale: 'en' },
  { name: 'Uganda', zone: 'Africa/Kampala', locale: 'en' },
  { name: 'South Africa', zone: 'Africa/Johannesburg', locale: 'en' },
  { name: 'Nigeria', zone: 'Africa/Lagos', locale: 'en' },
  { name: 'The Gambia', zone: 'Africa/Banjul', locale: 'en' },
  { name: 'Philippines', zone: 'Asia/Manila', locale: 'en' },
  { name: 'Indonesia', zone: 'Asia/Jakarta', locale: 'en' },
  { name: 'India', zone: 'Asia/Kolkata', locale: 'en' },
  { name: 'Sri Lanka', zone: 'Asia/Colombo', locale: 'en' },
  { name: 'Australia', zone: 'Australia/Sydney', locale: 'en' },
  { name: 'New Zealand', zone: 'Pacific/Auckland', locale: 'en' },
];

export const ORG_PREFIXES = [
  'Center for',
  'Institute for',
  'Network for',
  'Coalition for',
  'Foundation for',
  'Clinic for',
  'Association for',
  'Observatory on',
  'Collective for',
  'Alliance for',
];

export const TOPICS = [
  'Human Rights',
  'Justice and Accountability',
  'Migrant Rights',
  'Indigenous Peoples',
  'Press Freedom',
  "Women's Rights",
  'Environmental Defenders',
  'Detainee Rights',
  'Transparency',
  'Truth and Memory',
  'Due Process',
  'Refugee Protection',
];

export const ORG_KINDS = { ngo: 65, legal_clinic: 10, academic: 10, network: 10, other: 5 } as const;

export const FIRST_NAMES = [
  'Ana',
  'Luis',
  'María',
  'José',
  'Lucía',
  'Carlos',
  'Sofía',
  'Diego',
  'Valentina',
  'Andrés',
  'Camila',
  'Mateo',
  'Grace',
  'Samuel',
  'Amina',
  'Kwame',
  'Wanjiru',
  'Tunde',
  'Claire',
  'Thomas',
  'Priya',
  'Arjun',
  'Mei',
  'Rizal',
  'Hannah',
  'Jonas',
  'Elif',
  'Omar',
  'Leila',
  'Noah',
  'Isabel',
  'Tomás',
];

export const LAST_NAMES = [
  'García',
  'Rodríguez',
  'Martínez',
  'López',
  'Hernández',
  'Pérez',
  'Gómez',
  'Díaz',
  'Torres',
  'Ramírez',
  'Okafor',
  'Mensah',
  'Kamau',
  'Otieno',
  'Adeyemi',
  'Smith',
  'Brown',
  'Dubois',
  'Müller',
  'Janssen',
  'Rossi',
  'Nair',
  'Sharma',
  'Santos',
  'Reyes',
  'Tan',
  'Wong',
  'Yılmaz',
  'Haddad',
  'Novak',
  'Silva',
  'Castillo',
];

/** What a campaign is about: its title's subject and the words its demands use. */
export const CAMPAIGN_SUBJECTS = [
  'Arbitrary detention of migrants',
  'Disappearances in the border region',
  'Attacks on environmental defenders',
  'Prison conditions',
  'Transfers of detainees to third countries',
  'Criminalization of journalists',
  'Forced evictions of Indigenous communities',
  'Extrajudicial executions in security operations',
  'Pushbacks at sea',
  'Gender-based violence in custody',
  'Surveillance of human rights defenders',
  'Impunity for past atrocities',
];

export const DEMAND_CATEGORIES = {
  statement: 22,
  investigation: 14,
  meeting: 12,
  session_agenda: 9,
  resolution: 9,
  disclosure: 10,
  cessation: 8,
  return: 5,
  sanctions: 4,
  other: 7,
} as const;
export type Category = keyof typeof DEMAND_CATEGORIES;

export const DEMAND_TEXT: Record<Category, string[]> = {
  statement: [
    'Publicly condemn {subject} in {country} and call on the authorities to comply with their international obligations.',
    'Issue a public statement on {subject} in {country}, naming the facts documented by the coalition.',
  ],
  investigation: [
    'Open an independent investigation into {subject} in {country} and publish its findings.',
    'Request information from the Government of {country} on the investigation of {subject}.',
  ],
  meeting: [
    'Meet the coalition and the families affected by {subject} in {country} before the next session.',
    'Receive a delegation of affected communities from {country} to hear testimony on {subject}.',
  ],
  session_agenda: [
    'Place {subject} in {country} on the agenda of the next session and hold an interactive dialogue.',
    'Convene an urgent debate on {subject} in {country}.',
  ],
  resolution: [
    'Table a resolution on {subject} in {country} establishing regular reporting.',
    'Support a resolution creating a monitoring mechanism for {subject} in {country}.',
  ],
  disclosure: [
    'Disclose the agreements and correspondence concerning {subject} in {country}.',
    'Publish the data held on {subject} in {country}, disaggregated by year and region.',
  ],
  cessation: [
    'Call for the immediate end of {subject} in {country}.',
    'Urge {country} to suspend the practices behind {subject} pending review.',
  ],
  return: [
    'Secure the safe return of the people affected by {subject} to {country}.',
    'Facilitate family reunification for those affected by {subject} in {country}.',
  ],
  sanctions: [
    'Consider targeted measures against officials responsible for {subject} in {country}.',
    'Review cooperation agreements with {country} in light of {subject}.',
  ],
  other: [
    'Appoint a focal point on {subject} in {country} and inform the coalition.',
    'Include {subject} in {country} in the next annual report.',
  ],
};

export const FOLLOW_UP_TITLES = [
  'Request a meeting with the office of the {office}',
  'Send the follow-up letter to the {office}',
  'Prepare a briefing note for delegations on {subject}',
  'Check the {office} statements for any reference to the letter',
  'Collect testimonies for the submission to the {office}',
  'Translate the letter and annexes for the {office}',
  'Draft the side-event concept note on {subject}',
  'Call the focal point at the {office}',
  'Update the coalition on the response of the {office}',
  'File the written submission before the deadline',
  'Coordinate the joint oral statement on {subject}',
  'Share the case list with the {office}',
];

export const RESPONSE_SUMMARIES = {
  positive: [
    'The office confirmed it will act on the request and asked for the case files.',
    'Public statement issued echoing the coalition’s demands.',
  ],
  partial: [
    'Agreed to raise the matter in bilateral meetings but not publicly.',
    'Replied that the issue will be included in the next report, without the requested dialogue.',
  ],
  negative: ['Declined the request, citing the limits of the mandate.', 'Replied that the matter is outside its competence.'],
  non_committal: [
    'Acknowledged receipt and said the letter is under review.',
    'A staff member confirmed the letter was forwarded to the relevant unit.',
  ],
} as const;

export const MILESTONE_TITLES = {
  context: ['Agreement signed between the governments', 'Report of the national ombudsperson published', 'Court ruling on the transfers'],
  campaign: ['Letter sent to the addressees', 'Side event in Geneva', 'Joint press conference', 'Delegation visit'],
  deadline: [
    'Session opens',
    'Deadline for written submissions',
    'Deadline for oral statement registration',
    'Interactive dialogue',
    'Vote on resolutions',
    'Periodic hearings',
  ],
} as const;

export const STATUS_NOTES: Record<string, string[]> = {
  sent: ['Letter delivered by e-mail to the office.', 'Letter delivered by hand at the mission.'],
  acknowledged: ['Receipt acknowledged by the office.', 'The focal point confirmed receipt.'],
  under_consideration: ['The office says the request is under review.', 'Discussed at the bureau; decision pending.'],
  partially_met: ['Raised privately but no public statement.', 'Some of the requested steps were taken.'],
  met: ['Statement issued as requested.', 'The request was granted in full.'],
  rejected: ['Declined in writing.', 'The office refused the meeting.'],
  withdrawn: ['Withdrawn: superseded by a later demand.', 'Withdrawn after consultation with the affected families.'],
  no_response: ['The deadline passed with no response.'],
};

/** Documentation addresses (RFC 5737) for audit events that record one. */
export const ADDRESS_PREFIXES = ['192.0.2.', '198.51.100.', '203.0.113.'];
