import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

/**
 * One JSON request with a client-side timeout: a request that gets no answer in time is
 * abandoned (null), as a real client does, and retried by the caller with the same key.
 */
export function send(url: string, method: string, headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<Answer | null> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const h: Record<string, string> = { accept: 'application/json', 'accept-language': 'en', ...headers };
  if (payload !== undefined) {
    h['content-type'] = 'application/json';
    h['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve) => {
    const req = http.request(url, { method, headers: h, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown>;
        try {
          parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        } catch {
          parsed = { text };
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
      res.on('error', () => resolve(null));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
    req.on('error', () => resolve(null));
    req.end(payload);
  });
}

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token: string | null = null,
  ) {}

  as(token: string): Api {
    return new Api(this.baseUrl, token);
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<Answer | null> {
    const h = this.token ? { authorization: `Bearer ${this.token}`, ...headers } : headers;
    return send(`${this.baseUrl}/api/v1${path}`, method, h, body, timeoutMs);
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 120_000): Promise<T> {
    const a = await this.request(method, path, body, headers, timeoutMs);
    if (!a || a.status < 200 || a.status > 299) throw new Error(`${method} ${path} → ${a ? `${a.status} ${JSON.stringify(a.body)}` : 'no answer'}`);
    return a.body as T;
  }
}

export function destroyAgent(): void {
  agent.destroy();
}
