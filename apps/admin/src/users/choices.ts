import { USER_ROLES } from '@shopdesk/contracts/users';

export const roleChoices = USER_ROLES.map((id) => ({ id, name: `shopdesk.user.role.${id}` }));

/** Mirrors the API's rule (UpdateUserDto/CreateUserDto: 10–200 characters). */
export const MIN_PASSWORD_LENGTH = 10;
