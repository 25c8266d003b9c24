import TestAgent from 'supertest/lib/agent';
import { ADMIN } from '../helpers/test-app';

export interface Session {
  token: string;
  user: { id: string; email: string; role: string; clientId: string | null };
  auth: { Authorization: string };
}

let counter = 0;

export async function login(http: TestAgent, email: string, password: string): Promise<Session> {
  const response = await http.post('/auth/login').send({ email, password }).expect(200);
  const token = response.body.accessToken as string;
  return { token, user: response.body.user, auth: { Authorization: `Bearer ${token}` } };
}

export const loginAdmin = (http: TestAgent) => login(http, ADMIN.email, ADMIN.password);

/** Creates a user through the API (as admin unless `by` is given) and logs in as them. */
export async function createUser(
  http: TestAgent,
  admin: Session,
  overrides: { role: 'admin' | 'consultant' | 'shopper' | 'client'; clientId?: string; name?: string; email?: string; conflictClientIds?: string[] },
): Promise<Session> {
  counter += 1;
  const email = overrides.email ?? `${overrides.role}${counter}-${Date.now()}@test.local`;
  const password = 'password-' + counter + '-long';
  await http
    .post('/users')
    .set(admin.auth)
    .send({ password, name: `${overrides.role} ${counter}`, ...overrides, email })
    .expect(201);
  return login(http, email, password);
}
