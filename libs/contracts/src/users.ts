export const USER_ROLES = ['agent', 'lead', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Each role can do everything the roles before it can. */
export function roleAtLeast(role: UserRole, required: UserRole): boolean {
  return USER_ROLES.indexOf(role) >= USER_ROLES.indexOf(required);
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  createdAt: string;
}
