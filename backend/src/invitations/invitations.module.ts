import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';

@Module({ imports: [AccountModule], controllers: [InvitationsController], providers: [InvitationsService] })
export class InvitationsModule {}
