import type { S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../../config/index.js';

export type StorageKind = 'POSTGRES' | 'S3';

/** Where the bytes of a document version live; metadata is always in PostgreSQL (attachment_versions). */
export interface BlobStore {
  readonly kind: StorageKind;
  /** Streams `chunks` under `key`; throws (leaving nothing) when `chunks` throws. */
  put(m: EntityManager, key: string, chunks: AsyncIterable<Buffer>, contentType: string): Promise<void>;
  /** After a failed metadata write: forget the bytes (PostgreSQL: rolled back with the transaction). */
  discard(key: string): Promise<void>;
  open(key: string): Promise<Readable>;
}

/** Pieces of at most this many bytes per attachment_chunks row. */
const PIECE_BYTES = 256 * 1024;

/**
 * The default (README "The loan file"): bytea pieces in attachment_chunks, written in the
 * upload's transaction and carried by every pg_dump backup. Reading fetches one piece at a time.
 */
export class PostgresBlobStore implements BlobStore {
  readonly kind = 'POSTGRES' as const;

  constructor(private readonly dataSource: DataSource) {}

  async put(m: EntityManager, key: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const write = async (piece: Buffer): Promise<void> => {
      await m.query(`INSERT INTO attachment_chunks (storage_key, seq, data) VALUES ($1, $2, $3)`, [key, seq, piece]);
      seq += 1;
    };
    for await (const chunk of chunks) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= PIECE_BYTES) {
        const joined = Buffer.concat(pending);
        await write(joined.subarray(0, PIECE_BYTES));
        const rest = joined.subarray(PIECE_BYTES);
        pending = rest.length > 0 ? [rest] : [];
        pendingBytes = rest.length;
      }
    }
    if (pendingBytes > 0) await write(Buffer.concat(pending));
  }

  async discard(): Promise<void> {
    // The pieces were written in the transaction that failed: already gone.
  }

  async open(key: string): Promise<Readable> {
    const ds = this.dataSource;
    async function* pieces(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq += 1) {
        const rows: Array<{ data: Buffer }> = await ds.query(`SELECT data FROM attachment_chunks WHERE storage_key = $1 AND seq = $2`, [key, seq]);
        if (rows.length === 0) return;
        yield rows[0].data;
      }
    }
    return Readable.from(pieces());
  }
}

/**
 * An S3-compatible store (S3_ENDPOINT, S3_BUCKET…): a multipart upload of 5 MiB parts, one at a
 * time, aborted when the stream fails (too large), so a refused file leaves no object.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 'S3' as const;
  private sdk: Promise<{ s3: typeof import('@aws-sdk/client-s3'); storage: typeof import('@aws-sdk/lib-storage'); client: S3Client }> | undefined;

  constructor(private readonly s3: NonNullable<AppConfig['s3']>) {}

  /** The AWS SDK (tens of megabytes of code) is loaded on the store's first use, not at the API's boot. */
  private load(): Promise<{ s3: typeof import('@aws-sdk/client-s3'); storage: typeof import('@aws-sdk/lib-storage'); client: S3Client }> {
    this.sdk ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]).then(([s3, storage]) => ({
      s3,
      storage,
      client: new s3.S3Client({
        endpoint: this.s3.endpoint,
        region: this.s3.region,
        forcePathStyle: this.s3.forcePathStyle,
        credentials: { accessKeyId: this.s3.accessKeyId, secretAccessKey: this.s3.secretAccessKey },
      }),
    }));
    return this.sdk;
  }

  async put(_m: EntityManager, key: string, chunks: AsyncIterable<Buffer>, contentType: string): Promise<void> {
    const { storage, client } = await this.load();
    const upload = new storage.Upload({
      client,
      params: { Bucket: this.s3.bucket, Key: key, Body: Readable.from(chunks), ContentType: contentType },
      queueSize: 1,
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async discard(key: string): Promise<void> {
    const { s3, client } = await this.load();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.s3.bucket, Key: key })).catch(() => undefined);
  }

  async open(key: string): Promise<Readable> {
    const { s3, client } = await this.load();
    const out = await client.send(new s3.GetObjectCommand({ Bucket: this.s3.bucket, Key: key }));
    const body = out.Body;
    if (!(body instanceof Readable)) throw new Error(`S3 object ${key} has no readable body`);
    return body;
  }
}
