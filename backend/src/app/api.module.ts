import { Module, type DynamicModule } from '@nestjs/common';
import type { Config } from '../core/config/config.js';
import { ConfigModule } from '../core/config/config.module.js';
import { DatabaseModule } from '../core/database/database.module.js';
import { HealthModule } from '../core/health/health.module.js';
import { LoggingModule } from '../core/logging/logging.module.js';
import type { DestinationStream } from 'pino';
import { QueueModule } from '../core/queue/queue.module.js';
import { RedisModule } from '../core/redis/redis.module.js';
import { AccountModule } from '../account/account.module.js';
import { AuthModule } from '../core/auth/auth.module.js';
import { MailModule } from '../core/mail/mail.module.js';
import { RateLimitModule } from '../core/rate-limit/rate-limit.module.js';
import { InvitationsModule } from '../invitations/invitations.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { UsersModule } from '../users/users.module.js';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { InstitutionsModule } from '../institutions/institutions.module.js';
import { DemandsModule } from '../demands/demands.module.js';
import { MilestonesModule } from '../milestones/milestones.module.js';
import { ResponsesModule } from '../responses/responses.module.js';
import { FollowUpsModule } from '../follow-ups/follow-ups.module.js';
import { TimelineModule } from '../timeline/timeline.module.js';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { ExportsModule } from '../exports/exports.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DispatchModule } from '../notifications/dispatch.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { FailedDeliveriesModule } from '../deliveries/failed-deliveries.module.js';

/** Everything the HTTP API process runs. Domain modules join here as they arrive. */
@Module({})
export class ApiModule {
  static forRoot(config: Config, logDestination?: DestinationStream): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, 'api', logDestination),
        DatabaseModule,
        RedisModule,
        QueueModule,
        RateLimitModule,
        MailModule,
        DispatchModule,
        AuthModule,
        HealthModule,
        AccountModule,
        OrganizationsModule,
        UsersModule,
        InvitationsModule,
        InstitutionsModule,
        CampaignsModule,
        DemandsModule,
        MilestonesModule,
        ResponsesModule,
        FollowUpsModule,
        TimelineModule,
        DashboardModule,
        ExportsModule,
        ProposalsModule,
        NotificationsModule,
        WebhooksModule,
        FailedDeliveriesModule,
      ],
    };
  }
}
