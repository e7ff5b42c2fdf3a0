import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RateLimit, THROTTLERS } from '../core/rate-limit/rate-limit.module';
import type { Request, Response } from 'express';
import type { UserRecord } from '@shopdesk/contracts/users';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { UsersService } from '../users/users.service';
import { toUserRecord } from '../users/user.mapper';
import type { AuthUser } from './actor';
import { CurrentUser, Public } from './auth.decorators';
import { LoginDto } from './auth.dto';
import { AuthService } from './auth.service';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @RateLimit(THROTTLERS.login)
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ user: UserRecord }> {
    const { user, token, expiresAt } = await this.auth.login(dto.email, dto.password, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(this.config.cookieSecure, expiresAt));
    return { user: toUserRecord(user) };
  }

  @Get('me')
  async me(@CurrentUser() user: AuthUser): Promise<{ user: UserRecord }> {
    return { user: await this.users.get(user.id) };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user.sessionId);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.cookieSecure));
  }
}
