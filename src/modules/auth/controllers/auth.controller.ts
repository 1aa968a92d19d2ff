import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RateLimited, ServedWhileDemoLoads } from '../../../platform/http/index.js';
import { CurrentActor, Public, Roles } from '../../../platform/actor/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { ROLES } from '../../../platform/actor/index.js';
import { AccessTokenDto, ChangePasswordDto, LoginDto } from '../dto/login.dto.js';
import { UserDto } from '../dto/user.dto.js';
import { AuthService } from '../services/auth.service.js';
import { UsersService } from '../services/users.service.js';

@ApiTags('auth')
@Controller('auth')
@ServedWhileDemoLoads()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @RateLimited('login')
  @ApiOperation({ summary: 'Exchange username and password for a bearer token (rate-limited)' })
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or the user is disabled (AUTH.INVALID_CREDENTIALS)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts (AUTH.RATE_LIMITED)' })
  login(@Body() dto: LoginDto): Promise<AccessTokenDto> {
    return this.auth.login(dto);
  }

  @Post('password')
  @Roles(...ROLES)
  @HttpCode(200)
  @RateLimited('login')
  @ApiOperation({ summary: 'Change your own password: your other sessions end; this one goes on with the token returned (rate-limited as login)' })
  @ApiOkResponse({ type: AccessTokenDto })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<AccessTokenDto> {
    return this.auth.changePassword(actor, dto);
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The acting user' })
  @ApiOkResponse({ type: UserDto })
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.get(actor, actor.userId ?? '');
  }
}
