import { randomUUID } from 'node:crypto';

/** A minimal JSON client of the product's HTTP API (the same requests the e2e tests make). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const h: Record<string, string> = { accept: 'application/json', 'accept-language': 'en', ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** A request that must succeed (2xx); throws with the problem document otherwise. */
  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await this.request<T>(method, path, body, headers);
    if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async idempotent<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
    return this.ok<T>('POST', path, body, { 'idempotency-key': randomUUID() });
  }

  async login(username: string, password: string): Promise<string> {
    const body = await this.ok<{ accessToken: string }>('POST', '/auth/login', { username, password });
    return body.accessToken;
  }
}
