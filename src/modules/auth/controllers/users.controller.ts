import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, PageQueryDto, type Page, ServedWhileDemoLoads } from '../../../platform/http/index.js';
import { CurrentActor, Roles } from '../../../platform/actor/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserDto } from '../dto/user.dto.js';
import { UsersService } from '../services/users.service.js';

@ApiTags('users')
@Controller('users')
@ServedWhileDemoLoads()
@Roles('ADMIN')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with roles (a COOPERATIVE user is bound to one borrower)' })
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List users' })
  @ApiPageResponse(UserDto)
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto): Promise<Page<UserDto>> {
    return this.users.list(actor, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user with its roles' })
  @ApiOkResponse({ type: UserDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a user: its tokens stop working' })
  @ApiOkResponse({ type: UserDto })
  disable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserDto> {
    return this.users.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled user again' })
  @ApiOkResponse({ type: UserDto })
  enable(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<UserDto> {
    return this.users.setDisabled(actor, id, false);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s name, roles or borrower binding (audited)' })
  @ApiOkResponse({ type: UserDto })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reset a user’s password: every session the user had ends (audited; the password is never stored in the audit)' })
  @ApiOkResponse({ type: UserDto })
  resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ResetPasswordDto): Promise<UserDto> {
    return this.users.resetPassword(actor, id, dto.password);
  }
}
