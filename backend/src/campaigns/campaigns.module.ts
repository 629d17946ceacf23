import { Module } from '@nestjs/common';
import { CampaignInvitationsController } from './campaign-invitations.controller.js';
import { CampaignInvitationsService } from './campaign-invitations.service.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';

/** Campaigns, the organizations in them, and the invitations for more to join. */
@Module({
  controllers: [CampaignsController, CampaignInvitationsController],
  providers: [CampaignsService, CampaignInvitationsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
