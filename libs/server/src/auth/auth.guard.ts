import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { roleAtLeast } from '@shopdesk/contracts/users';
import type { UserRole } from '@shopdesk/contracts/users';
import { APP_CONFIG, AppConfig } from '../core/config/app-config';
import { DomainError } from '../core/errors/domain-error';
import type { AuthUser } from './actor';
import { IS_PUBLIC, REQUIRED_ROLE } from './auth.decorators';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Global guard: every route needs a signed-in, active agent unless marked @Public(), and at
 * least the role given by @Roles(). Cookie sessions get CSRF protection from SameSite=Lax plus
 * an Origin check on unsafe methods.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (UNSAFE.has(req.method)) this.checkOrigin(req);
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const user = await this.auth.authenticate(req.cookies?.[SESSION_COOKIE]);
    if (!user) throw new DomainError('UNAUTHENTICATED', '로그인이 필요합니다. / Please sign in.');
    req.user = user;

    const required = this.reflector.getAllAndOverride<UserRole>(REQUIRED_ROLE, targets) ?? 'agent';
    if (!roleAtLeast(user.role, required)) {
      throw new DomainError(
        'FORBIDDEN',
        `이 작업에는 ${required} 이상의 권한이 필요합니다. / This needs the ${required} role or higher.`,
      );
    }
    return true;
  }

  private checkOrigin(req: Request): void {
    const origin = req.headers.origin;
    if (!origin) return; // Non-browser clients (curl, webhooks) send none; browsers always do on cross-site POSTs.
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      host = '';
    }
    if (host && host === req.headers.host) return;
    if (this.config.corsOrigins.includes(origin)) return;
    throw new DomainError('FORBIDDEN', '허용되지 않은 출처의 요청입니다. / Cross-origin request refused.');
  }
}
