import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../core/auth/auth-context.js';
import { CurrentUser, Roles } from '../core/auth/decorators.js';
import { ParseIdPipe } from '../core/http/parse-id.pipe.js';
import { ListUsersQueryDto, UpdateUserDto, UserDto, UserPageDto } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('admin', 'coordinator')
  @ApiOperation({
    summary: "Users, by e-mail: all for admins; for coordinators, their organization's and those of campaigns it leads",
    operationId: 'listUsers',
  })
  @ApiOkResponse({ type: UserPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user (admins; the user themself; coordinators within reach)', operationId: 'getUser' })
  @ApiOkResponse({ type: UserDto })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.users.get(user, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a user, their role or organization (admins)', operationId: 'updateUser' })
  @ApiOkResponse({ type: UserDto })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(user, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Disable a user: signed out at once, tokens stop working (admins)', operationId: 'disableUser' })
  @ApiOkResponse({ type: UserDto })
  disable(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.users.setDisabled(user, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Enable a disabled user (admins)', operationId: 'enableUser' })
  @ApiOkResponse({ type: UserDto })
  enable(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.users.setDisabled(user, id, false);
  }
}
