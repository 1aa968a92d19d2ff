import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { adminToken, countRows, userWithRoles } from '../support/factories.js';
import { call } from '../support/loan-factories.js';
import { createCooperative } from '../support/origination-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PNG, download, executable, pdf, sha256, upload } from '../support/upload-factories.js';
import { findFreePort } from '../../src/platform/local-services/index.js';

interface Doc {
  id: string;
  ownerKind: string;
  ownerId: string;
  docType: string;
  currentVersion: number;
  current: { version: number; fileName: string; contentType: string; sizeBytes: number; sha256: string; storage: string; uploadedByName: string };
  versions: Array<{ version: number; sha256: string }>;
}
interface Problem {
  code: string;
  status: number;
  detail: string;
  errors: Array<{ field: string; rule: string }>;
}

const LIMIT = 600_000;

/** Everything the loan file promises about files, on the given store. */
function fileRules(name: string, storage: 'POSTGRES' | 'S3', start: () => Promise<{ t: TestApp; objects: () => Promise<number> }>): void {
  describe(name, () => {
    let t: TestApp;
    let objects: () => Promise<number>;
    let officer: string;
    let auditor: string;
    let coopA: string;
    let coopB: string;
    let borrowerA: string;
    let borrowerB: string;
    const stored = async (): Promise<number[]> => [
      await countRows(t, 'attachments'),
      await countRows(t, 'attachment_versions'),
      await countRows(t, 'attachment_chunks'),
      await objects(),
    ];

    beforeAll(async () => {
      ({ t, objects } = await start());
      const admin = await adminToken(t);
      officer = (await userWithRoles(t, admin, ['OFFICER'])).token;
      auditor = (await userWithRoles(t, admin, ['AUDITOR'])).token;
      borrowerA = (await createCooperative(t, officer)).id;
      borrowerB = (await createCooperative(t, officer)).id;
      coopA = (await userWithRoles(t, admin, ['COOPERATIVE'], borrowerA)).token;
      coopB = (await userWithRoles(t, admin, ['COOPERATIVE'], borrowerB)).token;
    });
    afterAll(async () => {
      await t?.close();
    });

    it('stores a PDF judged from its bytes, with size, sha256 and uploader, and streams it back equal', async () => {
      // Larger than two 256 KiB pieces: stored and read back piece by piece.
      const file = pdf(550_000, 'Điều lệ');
      const res = await upload<Doc>(
        t,
        `/borrowers/${borrowerA}/documents`,
        officer,
        { docType: 'CHARTER' },
        { name: 'Điều lệ HTX.pdf', content: file, type: 'text/plain' },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ownerKind: 'BORROWER', ownerId: borrowerA, docType: 'CHARTER', currentVersion: 1 });
      expect(res.body.current).toMatchObject({
        fileName: 'Điều lệ HTX.pdf',
        contentType: 'application/pdf',
        sizeBytes: file.length,
        sha256: sha256(file),
        storage,
      });
      const [{ pieces }] = (await t.db.query(`SELECT count(*)::int AS pieces FROM attachment_chunks`)) as Array<{ pieces: number }>;
      expect(pieces).toBe(storage === 'POSTGRES' ? 3 : 0);
      expect(await objects()).toBe(storage === 'S3' ? 1 : 0);
      const got = await download(t, `/attachments/${res.body.id}/content`, auditor);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(sha256(got.raw)).toBe(sha256(file));
      expect(String(got.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('Điều lệ HTX.pdf')}`);
    });

    it('accepts a photo and an office file whatever their names say', async () => {
      const photo = await upload<Doc>(t, `/borrowers/${borrowerA}/documents`, officer, { docType: 'PHOTO' }, { name: 'anh-hien-truong', content: PNG });
      expect(photo.status).toBe(201);
      expect(photo.body.current.contentType).toBe('image/png');
      const book = new ExcelJS.Workbook();
      book.addWorksheet('BCTC').addRow(['Tổng tài sản', 1_250_000_000]);
      const xlsx = Buffer.from(await book.xlsx.writeBuffer());
      const sheet = await upload<Doc>(
        t,
        `/borrowers/${borrowerA}/documents`,
        officer,
        { docType: 'FINANCIAL_STATEMENT' },
        { name: 'bctc-2025.bin', content: xlsx },
      );
      expect(sheet.status).toBe(201);
      expect(sheet.body.current.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });

    it('refuses a renamed executable, an empty file and an oversized file with problem+json, storing nothing', async () => {
      const before = await stored();
      const exe = await upload<Problem>(
        t,
        `/borrowers/${borrowerA}/documents`,
        officer,
        { docType: 'BUSINESS_PLAN' },
        { name: 'phuong-an.pdf', content: executable(), type: 'application/pdf' },
      );
      expect(exe.status).toBe(415);
      expect(String(exe.headers['content-type'])).toContain('application/problem+json');
      expect(exe.body.code).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
      expect(exe.body.detail).toContain('phuong-an.pdf');
      const empty = await upload<Problem>(
        t,
        `/borrowers/${borrowerA}/documents`,
        officer,
        { docType: 'BUSINESS_PLAN' },
        { name: 'rong.pdf', content: Buffer.alloc(0) },
      );
      expect(empty.status).toBe(422);
      expect(empty.body.code).toBe('ATTACHMENT.EMPTY');
      const big = await upload<Problem>(
        t,
        `/borrowers/${borrowerA}/documents`,
        officer,
        { docType: 'BUSINESS_PLAN' },
        { name: 'lon.pdf', content: pdf(LIMIT + 1) },
      );
      expect(big.status).toBe(413);
      expect(big.body.code).toBe('ATTACHMENT.TOO_LARGE');
      expect(big.body.detail).toContain('600.000');
      const text = await upload<Problem>(
        t,
        `/borrowers/${borrowerA}/documents`,
        officer,
        { docType: 'BUSINESS_PLAN' },
        { name: 'ghi-chu.txt', content: Buffer.from('chỉ là chữ') },
      );
      expect(text.body.code).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
      expect(await stored()).toEqual(before);
    });

    it('names the field when docType is missing or unknown, and refuses a body that is not multipart', async () => {
      const missing = await upload<Problem>(t, `/borrowers/${borrowerA}/documents`, officer, {}, { name: 'a.pdf', content: pdf() });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('REQUEST.VALIDATION_FAILED');
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'docType', rule: 'isIn' })]);
      const unknown = await upload<Problem>(t, `/borrowers/${borrowerA}/documents`, officer, { docType: 'SECRET' }, { name: 'a.pdf', content: pdf() });
      expect(unknown.body.errors[0].field).toBe('docType');
      const json = await call<Problem>(t, 'POST', `/borrowers/${borrowerA}/documents`, officer, { docType: 'CHARTER' });
      expect(json.body.code).toBe('ATTACHMENT.FILE_REQUIRED');
    });

    it('keeps every version: a new file becomes current, the old one stays downloadable', async () => {
      const v1 = pdf(3000, 'bản 1');
      const v2 = pdf(5000, 'bản 2');
      const first = await upload<Doc>(
        t,
        `/borrowers/${borrowerA}/documents`,
        officer,
        { docType: 'MEMBERS_RESOLUTION' },
        { name: 'nghi-quyet.pdf', content: v1 },
      );
      const second = await upload<Doc>(t, `/attachments/${first.body.id}/versions`, officer, {}, { name: 'nghi-quyet-sua.pdf', content: v2 });
      expect(second.status).toBe(201);
      expect(second.body.currentVersion).toBe(2);
      expect(second.body.versions.map((v) => [v.version, v.sha256])).toEqual([
        [2, sha256(v2)],
        [1, sha256(v1)],
      ]);
      expect(sha256((await download(t, `/attachments/${first.body.id}/content`, officer)).raw)).toBe(sha256(v2));
      expect(sha256((await download(t, `/attachments/${first.body.id}/content?version=1`, officer)).raw)).toBe(sha256(v1));
      const refused = await upload<Problem>(t, `/attachments/${first.body.id}/versions`, officer, {}, { name: 'x.pdf', content: executable() });
      expect(refused.body.code).toBe('ATTACHMENT.TYPE_NOT_ALLOWED');
      expect((await call<Doc>(t, 'GET', `/attachments/${first.body.id}`, officer)).body.currentVersion).toBe(2);
      // Nothing is deleted, even by SQL.
      await expect(t.db.query(`DELETE FROM attachment_versions WHERE attachment_id = $1`, [first.body.id])).rejects.toThrow(/never deleted/);
    });

    it('a cooperative user reaches its own borrower’s documents and nobody else’s', async () => {
      const own = await upload<Doc>(t, `/borrowers/${borrowerA}/documents`, coopA, { docType: 'COOP_REGISTRATION' }, { name: 'gcn-dkhtx.pdf', content: pdf() });
      expect(own.status).toBe(201);
      expect((await call<Doc[]>(t, 'GET', `/borrowers/${borrowerA}/documents`, coopA)).body.map((d) => d.docType)).toContain('COOP_REGISTRATION');
      const before = await stored();
      expect((await call<Problem>(t, 'GET', `/borrowers/${borrowerA}/documents`, coopB)).status).toBe(404);
      expect((await call<Problem>(t, 'GET', `/attachments/${own.body.id}`, coopB)).status).toBe(404);
      expect((await download(t, `/attachments/${own.body.id}/content`, coopB)).status).toBe(404);
      expect((await call<Problem>(t, 'GET', `/attachments/${own.body.id}/versions`, coopB)).status).toBe(404);
      expect((await upload<Problem>(t, `/borrowers/${borrowerA}/documents`, coopB, { docType: 'CHARTER' }, { name: 'x.pdf', content: pdf() })).status).toBe(
        404,
      );
      expect((await upload<Problem>(t, `/attachments/${own.body.id}/versions`, coopB, {}, { name: 'x.pdf', content: pdf() })).status).toBe(404);
      // Roles: an auditor reads but does not upload; nobody reaches a missing owner.
      expect((await upload<Problem>(t, `/borrowers/${borrowerA}/documents`, auditor, { docType: 'CHARTER' }, { name: 'x.pdf', content: pdf() })).status).toBe(
        403,
      );
      expect((await call<Problem>(t, 'GET', `/borrowers/999999/documents`, officer)).status).toBe(404);
      expect(await stored()).toEqual(before);
    });
  });
}

fileRules('documents kept in PostgreSQL (the default)', 'POSTGRES', async () => {
  const t = await createTestApp({ env: { ATTACHMENT_MAX_BYTES: String(LIMIT) } });
  return { t, objects: async () => 0 };
});

fileRules('documents kept on an S3-compatible store (s3rver)', 'S3', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'lms-s3-'));
  const port = await findFreePort(45680);
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'loan-file', configs: [] }] });
  await server.run();
  const t = await createTestApp({
    env: {
      ATTACHMENT_MAX_BYTES: String(LIMIT),
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: 'loan-file',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
  });
  const client = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const close = t.close.bind(t);
  t.close = async () => {
    await close();
    client.destroy();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  };
  return {
    t,
    objects: async () => (await client.send(new ListObjectsV2Command({ Bucket: 'loan-file' }))).KeyCount ?? 0,
  };
});
