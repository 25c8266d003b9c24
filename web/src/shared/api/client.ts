// The typed API client: openapi-fetch over the types generated from the app's OpenAPI document
// (`npm run api:types` → schema.d.ts), so a changed API breaks the web build. The bearer token comes
// from the tab's session; a 401 on an authenticated request ends the session (expired token).
import createClient, { type Middleware } from 'openapi-fetch';
import { endSession, readSession } from '../auth/session';
import type { paths } from './schema';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const session = readSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) endSession('expired');
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** The data of an openapi-fetch result, or an ApiError carrying the server's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok) return undefined as T; // 204
  const body = result.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : result.response.statusText;
  throw new ApiError(result.response.status, message, retryAfterSeconds(result.response));
}

/** A raw authenticated fetch, for downloads (PDF, Excel, evidence) that are not JSON. */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const session = readSession();
  const headers = new Headers(init.headers);
  if (session) headers.set('Authorization', `Bearer ${session.accessToken}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401 && session) endSession('expired');
  if (!response.ok) {
    let message = response.statusText;
    try {
      const body = (await response.json()) as { message?: unknown };
      if (typeof body.message === 'string') message = body.message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(response.status, message, retryAfterSeconds(response));
  }
  return response;
}
