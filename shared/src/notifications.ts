/**
 * What a person can be notified of, and through which channels by default. The backend applies
 * these when a user has not chosen; the dashboard's preferences page lists the same kinds.
 */
export const NOTIFICATION_KINDS = [
  'reminder',
  'escalation',
  'no_response',
  'assignment',
  'response',
  'status_change',
  'campaign_invitation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface ChannelChoice {
  email: boolean;
  inApp: boolean;
}

export type NotificationChannels = Record<NotificationKind, ChannelChoice>;

/**
 * Deadlines, escalations, work assigned to you and answers from the bodies are worth an e-mail;
 * every status move is worth seeing in the dashboard but would flood a mailbox. An invitation
 * for your organization to join a campaign (to its coordinators), and the answer to one you sent,
 * are rare and wait for someone: e-mail too.
 */
export const DEFAULT_NOTIFICATION_CHANNELS: NotificationChannels = {
  reminder: { email: true, inApp: true },
  escalation: { email: true, inApp: true },
  no_response: { email: true, inApp: true },
  assignment: { email: true, inApp: true },
  response: { email: true, inApp: true },
  status_change: { email: false, inApp: true },
  campaign_invitation: { email: true, inApp: true },
};

export const DIGEST_MODES = ['off', 'daily'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

/** A daily digest goes out at this local hour, in the recipient's own time zone. */
export const DIGEST_LOCAL_TIME = '08:00';

/** Events a webhook may subscribe to: every kind of notification, and `ping` for a test. */
export const WEBHOOK_EVENTS = NOTIFICATION_KINDS;

/** Fills in the defaults for kinds a user has not chosen. */
export function channelsWithDefaults(chosen: Partial<Record<string, Partial<ChannelChoice>>> | null | undefined): NotificationChannels {
  const out = {} as NotificationChannels;
  for (const kind of NOTIFICATION_KINDS) {
    const c = chosen?.[kind];
    out[kind] = {
      email: typeof c?.email === 'boolean' ? c.email : DEFAULT_NOTIFICATION_CHANNELS[kind].email,
      inApp: typeof c?.inApp === 'boolean' ? c.inApp : DEFAULT_NOTIFICATION_CHANNELS[kind].inApp,
    };
  }
  return out;
}
