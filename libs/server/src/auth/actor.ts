import type { UserRole } from '@shopdesk/contracts/users';

/** Who is doing something: recorded on every ticket event and message. */
export interface Actor {
  type: 'agent' | 'customer' | 'system';
  id: string | null;
  name: string;
  role?: UserRole;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: '시스템 / System' };

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  sessionId: string;
}

export function agentActor(user: AuthUser): Actor {
  return { type: 'agent', id: user.id, name: user.name, role: user.role };
}
