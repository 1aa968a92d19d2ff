import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { DomainError } from '../../../platform/errors/index.js';
import { AttachmentErrors } from '../attachments.errors.js';
import { DOCUMENT_TYPES, type DocumentType } from '../domain/document-types.js';

/** One file read from a multipart/form-data request, not yet consumed. */
export interface IncomingUpload {
  readonly fileName: string;
  readonly stream: Readable;
  /** Text fields sent before the file. */
  readonly fields: Readonly<Record<string, string>>;
}

interface MultipartField {
  type: 'field' | 'file';
  value?: unknown;
}

/**
 * The file part of an upload (@fastify/multipart, registered in http-app.ts): streamed, never
 * buffered. Text fields must precede the file (browsers send FormData in append order).
 */
export async function readUpload(req: FastifyRequest): Promise<IncomingUpload> {
  if (!req.isMultipart()) throw new DomainError(AttachmentErrors['ATTACHMENT.FILE_REQUIRED']);
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw new DomainError(AttachmentErrors['ATTACHMENT.FILE_REQUIRED']);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = (Array.isArray(value) ? value[0] : value) as MultipartField | undefined;
    if (field?.type === 'field' && typeof field.value === 'string') fields[name] = field.value;
  }
  return { fileName: sanitizeFileName(part.filename), stream: part.file, fields };
}

/** The docType field of an upload, checked against the list (problem+json naming the field). */
export function docTypeOf(upload: IncomingUpload): DocumentType {
  const value = upload.fields.docType;
  if (!value || !(DOCUMENT_TYPES as readonly string[]).includes(value)) {
    throw new DomainError('REQUEST.VALIDATION_FAILED', { count: 1 }, [
      { field: 'docType', rule: 'isIn', message: `docType must be one of ${DOCUMENT_TYPES.join(', ')}, sent before the file` },
    ]);
  }
  return value as DocumentType;
}

/** Drains what is left of a refused upload so the client gets the answer, not a reset connection. */
export async function drain(stream: Readable): Promise<void> {
  try {
    for await (const chunk of stream) void chunk;
  } catch {
    // The refusal is what the client needs; a truncated rest changes nothing.
  }
}

function sanitizeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return clean || 'tai-lieu';
}
