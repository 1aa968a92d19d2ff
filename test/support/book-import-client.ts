import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /book-imports as multipart/form-data (the `origin` field first, then the file), as the web page sends it. */
export async function uploadBook<T>(t: TestApp, token: string, buffer: Buffer, origin?: string): Promise<{ status: number; body: T }> {
  const boundary = `----book${randomUUID()}`;
  const parts: Buffer[] = [];
  if (origin) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="origin"\r\n\r\n${origin}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so-cho-vay.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`),
    buffer,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/book-imports',
    payload: Buffer.concat(parts),
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'idempotency-key': randomUUID(),
      'accept-language': 'vi',
    },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as T };
}

/** Polls the commit job's progress until the import is COMMITTED or FAILED. */
export async function waitCommitted(t: TestApp, token: string, id: string): Promise<{ status: string; failure: string | null; percent: number }> {
  for (let i = 0; i < 2400; i += 1) {
    const res = await t.request<{ status: string; failure: string | null; percent: number }>('GET', `/api/v1/book-imports/${id}/progress`, undefined, {
      token,
    });
    if (res.body.status === 'COMMITTED' || res.body.status === 'FAILED') return res.body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the commit job did not finish');
}
