import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@shopdesk/contracts/users';
import type { AuthUser } from './actor';

export const IS_PUBLIC = 'shopdesk:public';
export const REQUIRED_ROLE = 'shopdesk:role';

/** Opens a route to anonymous callers (login, health, later the customer form). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Minimum role for a route; every non-public route needs at least `agent`. */
export const Roles = (role: UserRole) => SetMetadata(REQUIRED_ROLE, role);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
