import { Initial1795861581558 } from './1795861581558-Initial.js';
import { Identity1795862733582 } from './1795862733582-Identity.js';
import { StatusProposals1795864832511 } from './1795864832511-StatusProposals.js';
import { Reminders1795866546108 } from './1795866546108-Reminders.js';
import { Notifications1795867792198 } from './1795867792198-Notifications.js';
import { NotificationChannels1795871156664 } from './1795871156664-NotificationChannels.js';
import { LatestResponse1795879785421 } from './1795879785421-LatestResponse.js';
import { EscalationProgress1795881468337 } from './1795881468337-EscalationProgress.js';
import { CampaignInvitations1796642071348 } from './1796642071348-CampaignInvitations.js';
import { KnownDevices1796642563190 } from './1796642563190-KnownDevices.js';
import { EmailLastError1796645743626 } from './1796645743626-EmailLastError.js';
import { ReminderClaims1796645764837 } from './1796645764837-ReminderClaims.js';
import { ReminderQueuedAt1796652725131 } from './1796652725131-ReminderQueuedAt.js';
import { LetterLanguage1796687847255 } from './1796687847255-LetterLanguage.js';
import { SystemNotes1796700000000 } from './1796700000000-SystemNotes.js';

/**
 * Every migration, in order. New ones come from `npm run migration:generate -w @demarche/backend -- <Name>`
 * (after a build) and are added here by hand: an explicit list means the build and every
 * entrypoint see the same migrations, with no file globbing at run time.
 */
export const MIGRATIONS = [
  Initial1795861581558,
  Identity1795862733582,
  StatusProposals1795864832511,
  Reminders1795866546108,
  Notifications1795867792198,
  NotificationChannels1795871156664,
  LatestResponse1795879785421,
  EscalationProgress1795881468337,
  CampaignInvitations1796642071348,
  KnownDevices1796642563190,
  EmailLastError1796645743626,
  ReminderClaims1796645764837,
  ReminderQueuedAt1796652725131,
  LetterLanguage1796687847255,
  SystemNotes1796700000000,
];
