import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser, Roles } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  OrganizationDto,
  OrganizationPageDto,
  UpdateOrganizationDto,
} from './organization.dto.js';
import { FindOrganizationNamesQueryDto, OrganizationNamePageDto } from './organization-name.dto.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'Organizations the caller can see (all, for admins), by name', operationId: 'listOrganizations' })
  @ApiOkResponse({ type: OrganizationPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListOrganizationsQueryDto): Promise<OrganizationPageDto> {
    return this.organizations.list(user, query);
  }

  @Get('names')
  @ApiOperation({
    summary: 'Organizations by part of their name, to invite one to a campaign (coordinators, admins): id and name only',
    description: 'Every enabled organization, whether or not the caller works with it; nothing about it but its name.',
    operationId: 'findOrganizationNames',
  })
  @ApiOkResponse({ type: OrganizationNamePageDto })
  findNames(@CurrentUser() user: AuthUser, @Query() query: FindOrganizationNamesQueryDto): Promise<OrganizationNamePageDto> {
    return this.organizations.findNames(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organization', operationId: 'getOrganization' })
  @ApiOkResponse({ type: OrganizationDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<OrganizationDto> {
    return this.organizations.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an organization (admins)', operationId: 'createOrganization' })
  @ApiCreatedResponse({ type: OrganizationDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return this.organizations.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit an organization (admins)', operationId: 'updateOrganization' })
  @ApiOkResponse({ type: OrganizationDto })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.update(user, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Disable an organization: its users are signed out and cannot sign in (admins)',
    operationId: 'disableOrganization',
  })
  @ApiOkResponse({ type: OrganizationDto })
  disable(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<OrganizationDto> {
    return this.organizations.setDisabled(user, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Enable a disabled organization (admins)', operationId: 'enableOrganization' })
  @ApiOkResponse({ type: OrganizationDto })
  enable(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<OrganizationDto> {
    return this.organizations.setDisabled(user, id, false);
  }
}
