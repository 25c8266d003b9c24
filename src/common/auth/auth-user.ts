import type { Role } from '../../users/user.entity';

/** The authenticated caller, as every service sees it. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  clientId: string | null;
  name: string | null;
  /** The session (token) the request came with; tokens from before this feature have none. */
  sessionId?: string;
}

export const isStaff = (user: AuthUser) => user.role === 'admin' || user.role === 'consultant';
