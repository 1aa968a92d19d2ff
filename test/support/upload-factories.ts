import { createHash, randomUUID } from 'node:crypto';
import type { TestApp } from './test-app.js';

/** A 1×1 PNG (a phone photo stand-in). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A PDF of about `bytes` bytes (header, padding in a comment, trailer). */
export function pdf(bytes = 2000, text = 'Tài liệu'): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${text}\n`);
  const tail = Buffer.from('\n%%EOF\n');
  const pad = Buffer.alloc(Math.max(0, bytes - head.length - tail.length), 0x20);
  for (let i = 0; i < pad.length; i += 97) pad[i] = 0x0a;
  return Buffer.concat([head, pad, tail]);
}

/** A Windows executable's first bytes ("MZ", a PE header offset and "PE\0\0"). */
export function executable(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface Upload {
  name: string;
  content: Buffer;
  type?: string;
}

/** A multipart/form-data body: text fields first, then the file (as a browser's FormData sends them). */
export function multipartBody(fields: Record<string, string>, file: Upload): { payload: Buffer; contentType: string } {
  const boundary = `----lms${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"; filename*=UTF-8''${encodeURIComponent(file.name)}\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
  );
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export interface Answer<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** POSTs a multipart upload to /api/v1{path}. */
export async function upload<T = Record<string, unknown>>(
  t: TestApp,
  path: string,
  token: string,
  fields: Record<string, string>,
  file: Upload,
): Promise<Answer<T>> {
  const { payload, contentType } = multipartBody(fields, file);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1${path}`,
    payload,
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
  });
  const type = String(res.headers['content-type'] ?? '');
  return { status: res.statusCode, body: (type.includes('json') ? JSON.parse(res.body) : res.body) as T, headers: res.headers, raw: res.rawPayload };
}

/** GETs raw bytes (a download). */
export async function download(t: TestApp, path: string, token: string): Promise<Answer<Record<string, unknown>>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1${path}`, headers: { authorization: `Bearer ${token}` } });
  const type = String(res.headers['content-type'] ?? '');
  return {
    status: res.statusCode,
    body: type.includes('json') ? (JSON.parse(res.body) as Record<string, unknown>) : {},
    headers: res.headers,
    raw: res.rawPayload,
  };
}
