import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../../platform/errors/index.js';
import { AttachmentErrors } from '../attachments.errors.js';
import { decideContentType } from '../domain/content-policy.js';

/** Bytes read before judging the content: enough for an office file's first zip entries (a bounded sample, not the file). */
const SAMPLE_BYTES = 64 * 1024;

export interface ScannedUpload {
  readonly contentType: string;
  /** The whole content, streamed: the sample first, then the rest as it arrives. Consume once. */
  readonly chunks: AsyncIterable<Buffer>;
  /** Size and sha256, known once `chunks` has been consumed to its end. */
  digest(): { sizeBytes: number; sha256: string };
}

/**
 * Judges an incoming file from its first bytes and streams it on with its size and sha256
 * computed on the way (docs/loan-file.md "Documents"): an empty file or a refused type is
 * refused before anything is stored; a file above `maxBytes` fails while streaming, which rolls
 * back (PostgreSQL) or aborts (S3 multipart) what was written of it.
 */
export async function scanUpload(source: AsyncIterable<Buffer>, fileName: string, maxBytes: number): Promise<ScannedUpload> {
  const iterator = source[Symbol.asyncIterator]();
  const sample: Buffer[] = [];
  let sampled = 0;
  let ended = false;
  while (sampled < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    sample.push(next.value);
    sampled += next.value.length;
  }
  const tooLarge = (): DomainError => new DomainError(AttachmentErrors['ATTACHMENT.TOO_LARGE'], { fileName, limit: maxBytes });
  if (sampled === 0) throw new DomainError(AttachmentErrors['ATTACHMENT.EMPTY'], { fileName });
  if (sampled > maxBytes) throw tooLarge();
  const head = Buffer.concat(sample);
  const decision = decideContentType(await fileTypeFromBuffer(head), fileName);
  if (!decision.accepted) throw new DomainError(AttachmentErrors['ATTACHMENT.TYPE_NOT_ALLOWED'], { fileName, detected: decision.detected });

  const hash = createHash('sha256');
  let size = 0;
  let complete = false;
  async function* chunks(): AsyncGenerator<Buffer> {
    hash.update(head);
    size = head.length;
    yield head;
    while (!ended) {
      const next = await iterator.next();
      if (next.done) break;
      size += next.value.length;
      if (size > maxBytes) throw tooLarge();
      hash.update(next.value);
      yield next.value;
    }
    complete = true;
  }
  let sha256: string | undefined;
  return {
    contentType: decision.contentType,
    chunks: chunks(),
    digest: () => {
      if (!complete) throw new Error('the upload has not been read to its end');
      sha256 ??= hash.digest('hex');
      return { sizeBytes: size, sha256 };
    },
  };
}
