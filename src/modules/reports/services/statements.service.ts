import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { loanEngine, loanStore, termsOf } from '../../loans/index.js';
import { PaymentQrService, type LoanPaymentQrDto } from '../../payment-qr/index.js';
import type { StatementDto, StatementQueryDto, VerificationDto } from '../dto/statement.dto.js';
import { drawTable, finishPdf, startPdf, viNumber } from '../export/pdf.js';
import type { RenderedFile } from '../export/report-table.js';
import { ReportErrors } from '../reports.errors.js';
import { AsOfService } from './as-of.service.js';

/** 32 letters and digits without 0/O/1/I: 12 of them ≈ 60 random bits, read aloud without confusion. */
/** dd/MM/yyyy, as the fund prints dates. */
const viDate = (d: string | null): string => (d ? d.split('-').reverse().join('/') : '');

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newVerificationCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/**
 * The statement a cooperative downloads: transactions with their split and the running
 * principal, the schedule, and the position at the end of the period from the loan engine. A PDF
 * carries a random verification code (stored) and its QR code; /verify confirms only the contract,
 * the period and the closing balance.
 */
@Injectable()
export class StatementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly asOfs: AsOfService,
    private readonly paymentQr: PaymentQrService,
  ) {}

  async statement(actor: Actor, loanId: string, q: StatementQueryDto): Promise<StatementDto> {
    const m = this.dataSource.manager;
    const row = await loanStore.find(m, actor, loanId, false);
    const lastClosed = await this.asOfs.lastClosedDate();
    const to = q.to ?? lastClosed;
    const from = q.from ?? row.start_date ?? row.signing_date;
    if (from > to || to > lastClosed) throw new DomainError(ReportErrors['STATEMENT.INVALID_PERIOD'], { from, to, limit: lastClosed });
    const lines: Array<{ value_date: string; kind: string; reference: string; amount: string; principal: string; interest: string; penalty: string }> =
      await m.query(
        `SELECT e.value_date::text AS value_date, e.kind, e.reference, e.amount::text AS amount,
              CASE WHEN e.kind = 'DISBURSEMENT' THEN e.amount ELSE coalesce(sum(a.amount) FILTER (WHERE a.component IN ('PRINCIPAL', 'PREPAID_PRINCIPAL')), 0) END::text AS principal,
              coalesce(sum(a.amount) FILTER (WHERE a.component IN ('INTEREST', 'ACCRUED_INTEREST')), 0)::text AS interest,
              coalesce(sum(a.amount) FILTER (WHERE a.component IN ('OVERDUE_PRINCIPAL_INTEREST', 'LATE_INTEREST')), 0)::text AS penalty
       FROM loan_events e LEFT JOIN loan_event_allocations a ON a.event_id = e.id AND a.superseded_at IS NULL
       WHERE e.loan_id = $1 AND e.reversed_at IS NULL AND e.value_date <= $2
       GROUP BY e.id ORDER BY e.value_date, e.id`,
        [row.id, to],
      );
    let balance = new Money(0);
    const transactions: StatementDto['transactions'] = [];
    let opening = new Money(0);
    for (const l of lines) {
      balance = l.kind === 'DISBURSEMENT' ? balance.plus(l.principal) : balance.minus(l.principal);
      if (l.value_date < from) {
        opening = balance;
        continue;
      }
      transactions.push({
        valueDate: l.value_date,
        kind: l.kind,
        reference: l.reference,
        amount: l.amount,
        principal: l.principal,
        interest: l.interest,
        penalty: l.penalty,
        balance: balance.toFixed(),
      });
    }
    const terms = termsOf(row);
    const summary = terms && to >= terms.startDate ? loanEngine.loanSummary(loanEngine.replay(terms, await loanStore.events(m, row.id), to).state, to) : null;
    const state = await loanStore.state(m, row);
    const [b] = (await m.query(`SELECT legal_name FROM borrowers WHERE id = $1`, [row.borrower_id])) as Array<{ legal_name: string }>;
    return {
      loanId: String(row.id),
      contractNumber: row.contract_number,
      borrowerName: b.legal_name,
      from,
      to,
      openingBalance: opening.toFixed(),
      closingBalance: balance.toFixed(),
      overduePrincipal: summary?.overduePrincipal.toFixed() ?? '0',
      daysPastDue: summary?.daysPastDue ?? 0,
      transactions,
      schedule: state
        ? loanEngine.projectInstallments(state).map((i) => ({
            seq: i.seq,
            dueDate: i.dueDate,
            principal: i.principal.toFixed(),
            interest: i.interest.toFixed(),
            principalPaid: i.principalPaid.toFixed(),
            interestPaid: i.interestPaid.toFixed(),
            contractualDate: i.contractualDate ?? i.dueDate,
            moveReason: i.moveReason ?? null,
          }))
        : [],
    };
  }

  async pdf(actor: Actor, loanId: string, q: StatementQueryDto): Promise<{ file: RenderedFile; fileName: string }> {
    const s = await this.statement(actor, loanId, q);
    const code = newVerificationCode();
    await this.dataSource.query(
      `INSERT INTO statement_verifications (code, loan_id, contract_number, from_date, to_date, closing_balance, generated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [code, s.loanId, s.contractNumber, s.from, s.to, s.closingBalance, actor.userId],
    );
    const url = `${this.config.publicBaseUrl.replace(/\/$/, '')}/api/v1/verify/${code}`;
    const meta = { fundName: this.config.fundName, generatedBy: actor.username, generatedAt: new Date().toISOString(), timeZone: this.config.businessTimezone };
    const doc = await startPdf(
      `Sao kê khoản vay / Loan statement ${s.contractNumber}`,
      [
        `Khách hàng / Borrower: ${s.borrowerName}`,
        `Kỳ sao kê / Period: ${viDate(s.from)} – ${viDate(s.to)}`,
        `Dư nợ đầu kỳ: ${viNumber(s.openingBalance)} ₫ — Dư nợ cuối kỳ: ${viNumber(s.closingBalance)} ₫`,
      ],
      meta,
      'portrait',
      150,
    );
    const { default: QRCode } = await import('qrcode'); // loaded on the first statement, not at boot
    const qr = await QRCode.toBuffer(url, { type: 'png', margin: 1, width: 220, errorCorrectionLevel: 'M' });
    const right = doc.page.width - doc.page.margins.right - 130;
    const top = doc.page.margins.top;
    doc.image(qr, right + 20, top, { width: 90 });
    doc
      .font('body')
      .fontSize(8)
      .text('Mã xác thực / Verification code:', right - 10, top + 93, { width: 140, align: 'center' });
    doc.font('bold').fontSize(10).text(code, { width: 140, align: 'center' });
    doc.font('body').fontSize(6).text(url, { width: 140, align: 'center' });
    doc.x = doc.page.margins.left;
    doc.y = Math.max(doc.y, top + 150);
    await this.drawPaymentQr(doc, await this.paymentQr.forLoan(actor, loanId, { images: false }));
    doc.font('bold').fontSize(10).text('Giao dịch / Transactions');
    doc.moveDown(0.3);
    drawTable(
      doc,
      [
        { key: 'valueDate', header: 'Ngày', kind: 'text', width: 0.8 },
        { key: 'kind', header: 'Loại', kind: 'text', width: 1 },
        { key: 'reference', header: 'Chứng từ', kind: 'text', width: 1.2 },
        { key: 'principal', header: 'Gốc', kind: 'vnd' },
        { key: 'interest', header: 'Lãi', kind: 'vnd' },
        { key: 'penalty', header: 'Lãi phạt', kind: 'vnd' },
        { key: 'balance', header: 'Dư nợ', kind: 'vnd' },
      ],
      s.transactions.map((t) => ({ ...t, valueDate: viDate(t.valueDate), kind: t.kind === 'DISBURSEMENT' ? 'Giải ngân' : 'Thu nợ' })),
    );
    doc.moveDown(0.8).font('bold').fontSize(10).text('Lịch trả nợ / Schedule', doc.page.margins.left);
    doc.moveDown(0.3);
    drawTable(
      doc,
      [
        { key: 'seq', header: 'Kỳ', kind: 'int', width: 0.4 },
        { key: 'dueDate', header: 'Ngày đến hạn', kind: 'text', width: 0.9 },
        { key: 'principal', header: 'Gốc', kind: 'vnd' },
        { key: 'interest', header: 'Lãi', kind: 'vnd' },
        { key: 'principalPaid', header: 'Gốc đã trả', kind: 'vnd' },
        { key: 'interestPaid', header: 'Lãi đã trả', kind: 'vnd' },
      ],
      // A due date moved to a working day says from which date (docs/working-days.md).
      s.schedule.map(({ contractualDate, moveReason: _reason, ...x }) => ({
        ...x,
        dueDate: contractualDate === x.dueDate ? viDate(x.dueDate) : `${viDate(x.dueDate)} (dời từ ${viDate(contractualDate)})`,
      })),
    );
    return { file: { buffer: await finishPdf(doc), contentType: 'application/pdf', extension: 'pdf' }, fileName: `sao-ke-${s.loanId}-${s.to}.pdf` };
  }

  /**
   * "Quét để trả nợ": the VietQR of the first amount owed on the business date (the oldest overdue
   * installment, else the one due, else the next one), in a band under the header beside the
   * verification block, with the bank, account and purpose written out for typing by hand.
   */
  private async drawPaymentQr(doc: Awaited<ReturnType<typeof startPdf>>, qr: LoanPaymentQrDto): Promise<void> {
    const item = qr.items.find((i) => i.kind !== 'PAYOFF');
    if (!item) return;
    const payoff = qr.items.find((i) => i.kind === 'PAYOFF');
    const left = doc.page.margins.left;
    const top = doc.y;
    const size = 92;
    doc.image(await this.paymentQr.png(item.payload), left, top, { width: size });
    const x = left + size + 12;
    const width = doc.page.width - doc.page.margins.right - x;
    const when = item.kind === 'OVERDUE' ? `quá hạn từ ${viDate(item.dueDate)}` : `đến hạn ${viDate(item.dueDate)}`;
    const what = item.installmentSeq === null ? when : `Kỳ ${item.installmentSeq} ${when}`;
    doc
      .font('bold')
      .fontSize(11)
      .text('Quét để trả nợ / Scan to pay', x, top + 2, { width });
    doc
      .font('body')
      .fontSize(9)
      .text(`${what}: `, { width, continued: true })
      .font('bold')
      .text(`${viNumber(item.amount)} ₫`);
    if (payoff) doc.font('body').text(`Tất toán tại ngày ${viDate(qr.asOf)} / Payoff: ${viNumber(payoff.amount)} ₫`, { width });
    doc.font('body').text(`Ngân hàng / Bank: ${qr.payee.bankName} (BIN ${qr.payee.bankBin})`, { width });
    doc.text(`Số tài khoản / Account: ${qr.payee.accountNumber} — ${qr.payee.accountName}`, { width });
    doc.text('Nội dung / Purpose: ', { width, continued: true }).font('bold').text(item.purpose);
    if (qr.payee.demo)
      doc
        .font('body')
        .fontSize(7)
        .fillColor('#b00020')
        .text('Tài khoản minh họa (demo): không chuyển tiền thật / demo account: do not transfer real money', { width })
        .fillColor('black');
    doc.x = left;
    doc.y = Math.max(doc.y, top + size) + 10;
  }

  /** Public: confirms the statement's contract number, period and closing balance, nothing more. */
  async verify(code: string): Promise<VerificationDto> {
    const normalized = code.toUpperCase();
    if (!/^[A-Z2-9]{12}$/.test(normalized)) throw notFound('statement', code);
    const [r] = (await this.dataSource.query(
      `SELECT contract_number, from_date::text AS from_date, to_date::text AS to_date, closing_balance::text AS closing_balance FROM statement_verifications WHERE code = $1`,
      [normalized],
    )) as Array<{ contract_number: string; from_date: string; to_date: string; closing_balance: string }>;
    if (!r) throw notFound('statement', code);
    return { valid: true, contractNumber: r.contract_number, from: r.from_date, to: r.to_date, closingBalance: r.closing_balance };
  }
}
