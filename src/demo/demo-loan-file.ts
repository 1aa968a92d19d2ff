import PDFDocument from 'pdfkit';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { addDays, type LocalDate } from '../platform/dates/index.js';
import { AttachmentsService, type DocumentType } from '../modules/attachments/index.js';
import type { Actor } from '../platform/actor/index.js';
import { InspectionsService } from '../modules/inspections/index.js';
import type { Resolve } from './demo-resolve.js';

const FONT = fileURLToPath(new URL('../assets/fonts/DejaVuSans.ttf', import.meta.url));

/** A one-page PDF standing for a scanned paper of the loan file (Vietnamese, DejaVu embedded). */
function paper(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title } });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    doc.font(FONT).fontSize(16).text(title);
    doc.moveDown().fontSize(11);
    for (const l of lines) doc.text(l);
    doc.end();
  });
}

/** A tiny grey PNG (a photo's stand-in). */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const upload = (fileName: string, content: Buffer) => ({ fileName, stream: Readable.from([content]), fields: {} });

const BORROWER_PAPERS: ReadonlyArray<[DocumentType, string, string]> = [
  ['COOP_REGISTRATION', 'Giấy chứng nhận đăng ký hợp tác xã', 'giay-chung-nhan-dang-ky-htx.pdf'],
  ['CHARTER', 'Điều lệ hợp tác xã', 'dieu-le-htx.pdf'],
];
const APPLICATION_PAPERS: ReadonlyArray<[DocumentType, string, string]> = [
  ['MEMBERS_RESOLUTION', 'Nghị quyết đại hội thành viên về việc vay vốn', 'nghi-quyet-dai-hoi-thanh-vien.pdf'],
  ['FINANCIAL_STATEMENT', 'Báo cáo tài chính hai năm gần nhất', 'bao-cao-tai-chinh.pdf'],
  ['BUSINESS_PLAN', 'Phương án sản xuất kinh doanh', 'phuong-an-sxkd.pdf'],
];

/**
 * The demo's loan file (README "The loan file"): papers of the first borrowers and applications,
 * and checks on the use of the money of the ACTIVE loans: most recorded as used as planned (with
 * a photo), one partly, one misuse with its recall case awaiting an approver; the rest stay due or
 * overdue for the officers' queue. No money moves, so the portfolio's figures are unchanged.
 */
export async function seedLoanFile(get: Resolve, db: DataSource, officer: Actor, demoDate: LocalDate, log: (m: string) => void): Promise<void> {
  const attachments = get(AttachmentsService);
  const inspections = get(InspectionsService);
  const loans: Array<{ id: string; application_id: string; borrower_id: string }> = await db.query(
    `SELECT id::text, application_id::text, borrower_id::text FROM loans WHERE status = 'ACTIVE' ORDER BY id LIMIT 12`,
  );
  const seenBorrowers = new Set<string>();
  for (const l of loans.slice(0, 6)) {
    if (!seenBorrowers.has(l.borrower_id)) {
      seenBorrowers.add(l.borrower_id);
      for (const [docType, title, name] of BORROWER_PAPERS) {
        await attachments.store(
          officer,
          { ownerKind: 'BORROWER', ownerId: l.borrower_id, docType },
          upload(name, await paper(title, ['Bản sao có chứng thực.'])),
        );
      }
    }
    for (const [docType, title, name] of APPLICATION_PAPERS) {
      await attachments.store(
        officer,
        { ownerKind: 'APPLICATION', ownerId: l.application_id, docType },
        upload(name, await paper(title, [`Hồ sơ vay số ${l.application_id}.`])),
      );
    }
    await attachments.store(
      officer,
      { ownerKind: 'LOAN', ownerId: l.id, docType: 'SIGNED_CONTRACT' },
      upload('hop-dong-tin-dung-da-ky.pdf', await paper('Hợp đồng tín dụng (bản đã ký)', [`Khoản vay ${l.id}.`])),
    );
  }
  const pending: Array<{ event_id: string; loan_id: string; value_date: string; amount: string; maturity: string }> = await db.query(
    `SELECT e.id::text AS event_id, e.loan_id::text AS loan_id, e.value_date::text AS value_date, e.amount::text AS amount, l.maturity_date::text AS maturity
       FROM loan_events e JOIN loans l ON l.id = e.loan_id
      WHERE e.kind = 'DISBURSEMENT' AND e.reversed_at IS NULL AND l.status = 'ACTIVE' ORDER BY e.value_date, e.id`,
  );
  // The last disbursements stay for the queue: the most recent due, a few older ones overdue.
  const keep = new Set(pending.slice(-6).map((p) => p.event_id));
  let recorded = 0;
  let misuse = false;
  for (const [k, p] of pending.entries()) {
    if (keep.has(p.event_id)) continue;
    const visit = addDays(p.value_date, 20) < demoDate ? addDays(p.value_date, 20) : demoDate;
    const partly = k % 17 === 5;
    const recall = !misuse && k % 23 === 11 && addDays(demoDate, 45) < p.maturity;
    const finding = recall ? 'NOT_AS_PLANNED' : partly ? 'PARTLY' : 'USED_AS_PLANNED';
    const dto = {
      disbursementEventId: p.event_id,
      visitDate: visit,
      inspectors: 'Nguyễn Thị Lan, Trần Văn Minh',
      finding,
      amountVerified: finding === 'USED_AS_PLANNED' ? p.amount : finding === 'PARTLY' ? (BigInt(p.amount) / 2n).toString() : '0',
      notes:
        finding === 'USED_AS_PLANNED'
          ? 'Vốn vay dùng đúng phương án; đã xem hóa đơn mua vật tư.'
          : finding === 'PARTLY'
            ? 'Một nửa số vốn chưa có chứng từ sử dụng.'
            : 'Vốn vay dùng mua ô tô cho cá nhân, không theo phương án.',
      recallDate: recall ? addDays(demoDate, 30) : undefined,
    } as const;
    const out = await inspections.record(officer, p.loan_id, dto);
    if (recall) misuse = true;
    if (recorded < 8 && out.inspectionId) {
      await attachments.store(officer, { ownerKind: 'INSPECTION', ownerId: out.inspectionId, docType: 'PHOTO' }, upload('anh-hien-truong.png', PHOTO));
    }
    recorded++;
  }
  log(
    `loan file: documents for ${loans.slice(0, 6).length} loans, ${recorded} inspections recorded, ${keep.size} left due or overdue${misuse ? ', one recall case awaiting approval' : ''}`,
  );
}
