// A minimal HTTP client for the demo: it talks to the in-process app exactly as any client would
// (fetch, JSON, a bearer token), and fails loudly with the API's own error message.

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} → ${status}: ${JSON.stringify(body)}`);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export class Api {
  /** Requests made, for the closing summary. */
  requests = 0;

  constructor(private readonly baseUrl: string) {}

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    const text = await response.text();
    const body: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) throw new ApiError(method, path, response.status, body);
    return body as T;
  }

  /** A binary download (PDF, Excel). */
  async download(path: string, token: string): Promise<Buffer> {
    const response = await this.send('GET', path, { token });
    if (!response.ok) throw new ApiError('GET', path, response.status, safeJson(await response.text()));
    return Buffer.from(await response.arrayBuffer());
  }

  get<T = unknown>(path: string, token: string): Promise<T> {
    return this.request<T>('GET', path, { token });
  }

  post<T = unknown>(path: string, token: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return this.request<T>('POST', path, { token, body, headers });
  }

  /** A multipart upload of one file in the field `file` (evidence). */
  async upload<T = unknown>(path: string, token: string, file: { name: string; type: string; content: Buffer }): Promise<T> {
    this.requests++;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await response.text();
    const body: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) throw new ApiError('POST', path, response.status, body);
    return body as T;
  }

  async login(email: string, password: string): Promise<{ accessToken: string; user: { id: string; role: string } }> {
    return this.request('POST', '/auth/login', { body: { email, password } });
  }

  private send(method: string, path: string, options: RequestOptions): Promise<Response> {
    this.requests++;
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of results. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
