import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { CreateMilestoneDto, ListMilestonesQueryDto, MilestoneDto, MilestonePageDto, UpdateMilestoneDto } from './milestone.dto.js';
import { MilestonesService } from './milestones.service.js';

@ApiTags('milestones')
@Controller()
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get('campaigns/:id/milestones')
  @ApiOperation({ summary: "A campaign's calendar, by date", operationId: 'listMilestones' })
  @ApiOkResponse({ type: MilestonePageDto })
  list(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Query() query: ListMilestonesQueryDto,
  ): Promise<MilestonePageDto> {
    return this.milestones.list(user, campaignId, query);
  }

  @Post('campaigns/:id/milestones')
  @ApiOperation({ summary: 'Add a milestone (coordinators of a lead organization)', operationId: 'createMilestone' })
  @ApiCreatedResponse({ type: MilestoneDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) campaignId: string,
    @Body() body: CreateMilestoneDto,
  ): Promise<MilestoneDto> {
    return this.milestones.create(user, campaignId, body);
  }

  @Get('milestones/:id')
  @ApiOperation({ summary: 'One milestone', operationId: 'getMilestone' })
  @ApiOkResponse({ type: MilestoneDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<MilestoneDto> {
    return this.milestones.get(user, id);
  }

  @Patch('milestones/:id')
  @ApiOperation({ summary: 'Edit or move a milestone; deadlines that follow it move with it', operationId: 'updateMilestone' })
  @ApiOkResponse({ type: MilestoneDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateMilestoneDto): Promise<MilestoneDto> {
    return this.milestones.update(user, id, body);
  }

  @Delete('milestones/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a milestone; deadlines that followed it keep their date', operationId: 'deleteMilestone' })
  @ApiNoContentResponse()
  remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.milestones.remove(user, id);
  }
}
