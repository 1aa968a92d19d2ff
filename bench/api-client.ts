import { randomUUID } from 'node:crypto';
import http from 'node:http';

/**
 * One HTTP request with node:http, not fetch: fetch (undici) gives up on a response whose headers
 * take over 300 s, and the reconciliation of a 1,000,000-loan ledger takes longer than that.
 */
function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A minimal JSON client of the product's HTTP API (the same requests the e2e tests make). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const h: Record<string, string> = { accept: 'application/json', 'accept-language': 'en', ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const { status, text } = await send(`${this.baseUrl}/api/v1${path}`, method, h, body === undefined ? undefined : JSON.stringify(body));
    return { status, body: (text ? JSON.parse(text) : {}) as T };
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
