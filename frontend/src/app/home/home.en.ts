/** English texts of the home page's parts. Spread into core/i18n/en.ts. */
export const homeEn = {
  'home.invitations.heading': 'Invitations to join a campaign',
  'home.invitations.intro':
    'Until your organization accepts, those who invited it see only its name. Accepting lets the campaign’s coordinators see your organization and its people.',
  'home.invitations.offer': '{organization} invites your organization to join as {role}.',
  'home.invitations.offerUnknown': 'Your organization is invited to join as {role}.',
  'home.invitations.sentBy': 'Sent by {name} on {date}.',
  'home.invitations.sent': 'Sent on {date}.',
  'home.invitations.role.lead': 'a lead organization (coordinates and signs)',
  'home.invitations.role.signatory': 'a signatory',
  'home.invitations.accept': 'Accept',
  'home.invitations.accepting': 'Accepting…',
  'home.invitations.decline': 'Decline',
  'home.invitations.declining': 'Declining…',
  'home.invitations.accepted': 'Accepted: your organization is now part of this campaign.',
  'home.invitations.open': 'Open the campaign',
  'home.invitations.declined': 'Declined: your organization stays out of this campaign.',
  'home.invitations.decided': 'This invitation has already been answered or withdrawn. Reload the page to see where things stand.',
  'home.invitations.gone': 'This invitation no longer exists.',
} as const;
