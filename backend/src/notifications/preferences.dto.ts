import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIGEST_MODES, LOCALES, NOTIFICATION_KINDS, type DigestMode, type Locale, type NotificationKind } from '@demarche/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsUUID, Validate } from 'class-validator';
import { IsTimeZone, Nested, Omittable } from '../core/http/validators.js';

export class ChannelChoiceDto {
  @ApiProperty() email: boolean;
  @ApiProperty() inApp: boolean;
}

export class ChannelChoicePatchDto {
  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean()
  inApp?: boolean;
}

/** One property per kind of notification (see NOTIFICATION_KINDS in shared). */
export class ChannelsDto implements Record<NotificationKind, ChannelChoiceDto> {
  @ApiProperty({ type: ChannelChoiceDto, description: 'Before, at and after a deadline of yours' }) reminder: ChannelChoiceDto;
  @ApiProperty({ type: ChannelChoiceDto, description: 'A follow-up overdue by the escalation delay (coordinators)' })
  escalation: ChannelChoiceDto;
  @ApiProperty({ type: ChannelChoiceDto, description: 'A deadline passed with no response (coordinators)' })
  no_response: ChannelChoiceDto;
  @ApiProperty({ type: ChannelChoiceDto, description: 'A follow-up assigned to you or your organization' }) assignment: ChannelChoiceDto;
  @ApiProperty({ type: ChannelChoiceDto, description: 'A response logged on a demand your organization follows' })
  response: ChannelChoiceDto;
  @ApiProperty({ type: ChannelChoiceDto, description: 'A status change of a demand your organization follows' })
  status_change: ChannelChoiceDto;
  @ApiProperty({
    type: ChannelChoiceDto,
    description: 'An invitation for your organization to join a campaign, or the answer to one you sent (coordinators)',
  })
  campaign_invitation: ChannelChoiceDto;
}

export class ChannelsPatchDto implements Partial<Record<NotificationKind, ChannelChoicePatchDto>> {
  @ApiPropertyOptional({ type: ChannelChoicePatchDto })
  @Omittable()
  @Nested(() => ChannelChoicePatchDto)
  reminder?: ChannelChoicePatchDto;

  @ApiPropertyOptional({ type: ChannelChoicePatchDto })
  @Omittable()
  @Nested(() => ChannelChoicePatchDto)
  escalation?: ChannelChoicePatchDto;

  @ApiPropertyOptional({ type: ChannelChoicePatchDto })
  @Omittable()
  @Nested(() => ChannelChoicePatchDto)
  no_response?: ChannelChoicePatchDto;

  @ApiPropertyOptional({ type: ChannelChoicePatchDto })
  @Omittable()
  @Nested(() => ChannelChoicePatchDto)
  assignment?: ChannelChoicePatchDto;

  @ApiPropertyOptional({ type: ChannelChoicePatchDto })
  @Omittable()
  @Nested(() => ChannelChoicePatchDto)
  response?: ChannelChoicePatchDto;

  @ApiPropertyOptional({ type: ChannelChoicePatchDto })
  @Omittable()
  @Nested(() => ChannelChoicePatchDto)
  status_change?: ChannelChoicePatchDto;

  @ApiPropertyOptional({ type: ChannelChoicePatchDto })
  @Omittable()
  @Nested(() => ChannelChoicePatchDto)
  campaign_invitation?: ChannelChoicePatchDto;
}

export class NotificationPreferencesDto {
  @ApiProperty({ type: ChannelsDto }) channels: ChannelsDto;
  @ApiProperty({ enum: DIGEST_MODES, description: '`daily`: e-mails wait for one digest at 08:00 in your time zone' })
  digest: DigestMode;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Campaigns you hear nothing about' }) mutedCampaignIds: string[];
  @ApiProperty({ example: 'Europe/Zurich', description: 'Your time zone: reminders at 09:00 and the digest at 08:00 in it' })
  timeZone: string;
  @ApiProperty({ enum: LOCALES, description: 'The language of your e-mails' }) locale: Locale;
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true, description: 'The kinds, in display order' }) kinds: NotificationKind[];
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ type: ChannelsPatchDto, description: 'Only the kinds and channels given change' })
  @Omittable()
  @Nested(() => ChannelsPatchDto)
  channels?: ChannelsPatchDto;

  @ApiPropertyOptional({ enum: DIGEST_MODES })
  @Omittable()
  @IsIn(DIGEST_MODES, { message: `must be one of: ${DIGEST_MODES.join(', ')}` })
  digest?: DigestMode;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the list' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'must each be a campaign id' })
  mutedCampaignIds?: string[];

  @ApiPropertyOptional({ example: 'America/New_York' })
  @Omittable()
  @Validate(IsTimeZone)
  timeZone?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @Omittable()
  @IsIn(LOCALES, { message: `must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}
