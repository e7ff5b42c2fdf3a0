import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { UserRecord } from '@shopdesk/contracts/users';
import { httpClient } from './http-client';

// Cookie session: the server owns the session, the browser only remembers who is logged in
// for the lifetime of the page so that every navigation does not cost a GET /auth/me.

let currentUser: Promise<UserRecord> | null = null;
let hadSession = false;

function fetchCurrentUser(): Promise<UserRecord> {
  if (!currentUser) {
    currentUser = httpClient('/auth/me').then(({ json }) => {
      hadSession = true;
      return (json as { user: UserRecord }).user;
    });
    // A failed lookup must not stick: the next check asks the server again.
    currentUser.catch(() => {
      currentUser = null;
    });
  }
  return currentUser;
}

const isUnauthenticated = (error: unknown) => error instanceof HttpError && error.status === 401;

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    const { json } = await httpClient('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
    });
    // The HttpError thrown on 401 carries the server's message, which the login form shows.
    const user = (json as { user: UserRecord }).user;
    currentUser = Promise.resolve(user);
    hadSession = true;
  },

  async logout() {
    currentUser = null;
    try {
      await httpClient('/auth/logout', { method: 'POST' });
    } catch {
      // The session is gone either way; the login page is the right place to land.
    }
  },

  async checkAuth() {
    try {
      await fetchCurrentUser();
    } catch {
      // No notification on a first visit; a lost session gets react-admin's default message.
      throw hadSession ? new Error('ra.auth.auth_check_error') : { message: false };
    }
  },

  async checkError(error: { status?: number }) {
    // Only a missing/expired session logs out; 403 means "not allowed", not "who are you".
    if (error?.status === 401) {
      currentUser = null;
      throw error;
    }
  },

  async getIdentity(): Promise<UserIdentity> {
    const user = await fetchCurrentUser();
    return { id: user.id, fullName: user.name, email: user.email, role: user.role };
  },

  async getPermissions() {
    try {
      const user = await fetchCurrentUser();
      return user.role;
    } catch (error) {
      // Before login there are simply no permissions; anything else is a real failure.
      if (isUnauthenticated(error)) return undefined;
      throw error;
    }
  },
};
