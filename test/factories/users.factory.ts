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

export interface UserInput {
  role: 'admin' | 'consultant' | 'shopper' | 'client';
  clientId?: string;
  name?: string;
  email?: string;
  password?: string;
  conflictClientIds?: string[];
}

/** Creates a user through the API (POST /users as `admin`) and returns its id; defaults for what is not given. */
export async function createAccount(http: TestAgent, admin: Pick<Session, 'auth'>, overrides: UserInput): Promise<string> {
  counter += 1;
  const body = {
    password: 'password-' + counter + '-long',
    name: `${overrides.role} ${counter}`,
    ...overrides,
    email: overrides.email ?? `${overrides.role}${counter}-${Date.now()}@test.local`,
  };
  const response = await http.post('/users').set(admin.auth).send(body);
  if (response.status !== 201) throw new Error(`POST /users: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Creates a user through the API (as admin) and logs in as them. */
export async function createUser(http: TestAgent, admin: Session, overrides: UserInput): Promise<Session> {
  const email = overrides.email ?? `${overrides.role}${counter + 1}-${Date.now()}@test.local`;
  const password = overrides.password ?? `password-${counter + 1}-long`;
  await createAccount(http, admin, { ...overrides, email, password });
  return login(http, email, password);
}
