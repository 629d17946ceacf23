import { AuditEvent } from '../../audit/audit-event.entity.js';
import { CampaignInvitation } from '../../campaigns/campaign-invitation.entity.js';
import { CampaignOrganization } from '../../campaigns/campaign-organization.entity.js';
import { Campaign } from '../../campaigns/campaign.entity.js';
import { DemandStatusChange } from '../../demands/demand-status-change.entity.js';
import { Demand } from '../../demands/demand.entity.js';
import { FollowUp } from '../../follow-ups/follow-up.entity.js';
import { Institution } from '../../institutions/institution.entity.js';
import { OfficeholderTerm } from '../../institutions/officeholder-term.entity.js';
import { Office } from '../../institutions/office.entity.js';
import { Milestone } from '../../milestones/milestone.entity.js';
import { Organization } from '../../organizations/organization.entity.js';
import { ResponseDemand } from '../../responses/response-demand.entity.js';
import { Response } from '../../responses/response.entity.js';
import { User } from '../../users/user.entity.js';
import { Invitation } from '../../invitations/invitation.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { PasswordReset } from '../auth/password-reset.entity.js';
import { Session } from '../auth/session.entity.js';
import { StatusProposal } from '../../proposals/status-proposal.entity.js';
import { Reminder } from '../../reminders/reminder.entity.js';
import { Notification } from '../../notifications/notification.entity.js';
import { NotificationPreference } from '../../notifications/notification-preference.entity.js';
import { Webhook } from '../../webhooks/webhook.entity.js';
import { WebhookDelivery } from '../../webhooks/webhook-delivery.entity.js';
import { KnownDevice } from '../auth/known-device.entity.js';

/** Every entity the schema holds. The data source and the drift check both read this list. */
export const ENTITIES = [
  Organization,
  User,
  Campaign,
  CampaignOrganization,
  CampaignInvitation,
  Institution,
  Office,
  OfficeholderTerm,
  Milestone,
  Demand,
  DemandStatusChange,
  Response,
  ResponseDemand,
  FollowUp,
  AuditEvent,
  Session,
  ApiToken,
  PasswordReset,
  Invitation,
  StatusProposal,
  Reminder,
  Notification,
  NotificationPreference,
  Webhook,
  WebhookDelivery,
  KnownDevice,
];
