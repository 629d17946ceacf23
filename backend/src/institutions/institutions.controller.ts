import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser, Roles } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import {
  CreateInstitutionDto,
  CreateOfficeDto,
  CreateTermDto,
  HolderOnDayDto,
  HolderOnDayQueryDto,
  InstitutionDetailDto,
  InstitutionDto,
  InstitutionPageDto,
  ListInstitutionsQueryDto,
  OfficeDto,
  OfficePageDto,
  SearchOfficesQueryDto,
  TermDto,
  UpdateInstitutionDto,
  UpdateOfficeDto,
  UpdateTermDto,
} from './institution.dto.js';
import { InstitutionsService } from './institutions.service.js';

// The shared directory. Every signed-in user reads it (institutions are public bodies); admins and
// coordinators edit it ("Who may do what", DESIGN.md). Three controllers, one per path root.

@ApiTags('institutions')
@Controller('institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @ApiOperation({ summary: 'Institutions, by name, with how many offices each has', operationId: 'listInstitutions' })
  @ApiOkResponse({ type: InstitutionPageDto })
  list(@Query() query: ListInstitutionsQueryDto): Promise<InstitutionPageDto> {
    return this.institutions.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One institution with its offices, their terms and current holders', operationId: 'getInstitution' })
  @ApiOkResponse({ type: InstitutionDetailDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<InstitutionDetailDto> {
    return this.institutions.get(id);
  }

  @Post()
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Add an institution (admins, coordinators)', operationId: 'createInstitution' })
  @ApiCreatedResponse({ type: InstitutionDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateInstitutionDto): Promise<InstitutionDto> {
    return this.institutions.create(user, body);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Edit an institution (admins, coordinators)', operationId: 'updateInstitution' })
  @ApiOkResponse({ type: InstitutionDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateInstitutionDto): Promise<InstitutionDto> {
    return this.institutions.update(user, id, body);
  }

  @Post(':id/offices')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Add an office to an institution (admins, coordinators)', operationId: 'createOffice' })
  @ApiCreatedResponse({ type: OfficeDto })
  createOffice(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: CreateOfficeDto): Promise<OfficeDto> {
    return this.institutions.createOffice(user, id, body);
  }
}

@ApiTags('institutions')
@Controller('offices')
export class OfficesController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Get()
  @ApiOperation({
    summary: 'Offices of the directory whose institution, title or holder contains `q`, by institution and title',
    operationId: 'searchOffices',
  })
  @ApiOkResponse({ type: OfficePageDto })
  search(@Query() query: SearchOfficesQueryDto): Promise<OfficePageDto> {
    return this.institutions.searchOffices(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One office with its terms and current holder', operationId: 'getOffice' })
  @ApiOkResponse({ type: OfficeDto })
  get(@Param('id', ParseIdPipe) id: string): Promise<OfficeDto> {
    return this.institutions.getOffice(id);
  }

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: 'Edit an office (admins, coordinators)', operationId: 'updateOffice' })
  @ApiOkResponse({ type: OfficeDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateOfficeDto): Promise<OfficeDto> {
    return this.institutions.updateOffice(user, id, body);
  }

  @Get(':id/holder')
  @ApiOperation({ summary: 'Who held the office on a day (default: today, UTC)', operationId: 'getOfficeHolder' })
  @ApiOkResponse({ type: HolderOnDayDto })
  holder(@Param('id', ParseIdPipe) id: string, @Query() query: HolderOnDayQueryDto): Promise<HolderOnDayDto> {
    return this.institutions.holder(id, query.on);
  }

  @Post(':id/terms')
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: "Add an officeholder's term (admins, coordinators); terms of an individual office may not overlap",
    operationId: 'createTerm',
  })
  @ApiCreatedResponse({ type: TermDto })
  createTerm(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: CreateTermDto): Promise<TermDto> {
    return this.institutions.createTerm(user, id, body);
  }
}

@ApiTags('institutions')
@Controller('terms')
export class TermsController {
  constructor(private readonly institutions: InstitutionsService) {}

  @Patch(':id')
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: "Edit an officeholder's term (admins, coordinators)", operationId: 'updateTerm' })
  @ApiOkResponse({ type: TermDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateTermDto): Promise<TermDto> {
    return this.institutions.updateTerm(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'coordinator')
  @ApiOperation({ summary: "Delete an officeholder's term (admins, coordinators)", operationId: 'deleteTerm' })
  @ApiNoContentResponse({ description: 'Deleted' })
  delete(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.institutions.deleteTerm(user, id);
  }
}
