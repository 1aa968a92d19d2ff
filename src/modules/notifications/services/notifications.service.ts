import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { addDays, type LocalDate } from '../../../platform/dates/index.js';
import { type Page, offsetOf } from '../../../platform/http/index.js';
import { AuditService } from '../../audit/index.js';
import { SYSTEM_ACTOR, isCooperativeOnly, type Actor } from '../../../platform/actor/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { CollateralExpiriesService } from '../../collateral/cover.index.js';
import { PaymentQrService } from '../../payment-qr/index.js';
import { collateralExpiryEmail, reminderEmail, type ReminderPayment } from '../domain/reminder-email.js';
import type { NotificationDto, NotificationQueryDto } from '../dto/notification.dto.js';

export interface ReminderRunResult {
  forDate: LocalDate;
  created: number;
  /** Of `created`, the collateral expiry reminders. */
  expiries: number;
  emailed: number;
  emailFailed: number;
}

/**
 * Reminders: for business date D, one DUE_SOON notification per installment due in
 * [D, D + REMINDER_DAYS_AHEAD] with something left to pay, and one OVERDUE per installment
 * unpaid at the end of its due date (domain.md "Overdue": due date ≤ D − 1, the last closed day).
 * Written with one set-based INSERT; the unique (loan, installment, kind, date) key makes a
 * rerun of the same day write nothing twice. Email goes out only when SMTP_URL is set.
 *
 * The same run records one reminder per collateral expiry the collateral module reports as due
 * within its warning days (docs/collateral.md "Registration, insurance, expiries"), once per asset,
 * kind and expiry date across runs: addressed to the staff, except the insurance of the borrower's
 * own asset, which its cooperative user reads too. Those addressed to the borrower are e-mailed to
 * the borrower's address like the installment reminders (once: the row is written once per asset,
 * kind and expiry date); the staff's stay in the officers' queue, the product keeping no staff addresses.
 */
@Injectable()
export class NotificationsService {
  private readonly log = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly businessDate: BusinessDateService,
    private readonly audit: AuditService,
    private readonly paymentQr: PaymentQrService,
    private readonly collateralExpiries: CollateralExpiriesService,
  ) {}

  async generate(date?: LocalDate): Promise<ReminderRunResult> {
    const forDate = date ?? (await this.businessDate.current());
    const { created, expiries } = await this.dataSource.transaction(async (m) => {
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO notifications (borrower_id, loan_id, installment_seq, kind, for_date, due_date, principal_amount, interest_amount,
                days_past_due, message, email_to, email_status)
         SELECT l.borrower_id, l.id, i.seq, k.kind, $1::date, i.due_date, i.principal_due - i.principal_paid,
                CASE WHEN i.billed THEN i.interest_due - i.interest_paid END,
                CASE WHEN k.kind = 'OVERDUE' THEN ($1::date - 1) - i.due_date ELSE 0 END,
                CASE WHEN k.kind = 'OVERDUE'
                  THEN format('Kỳ %s của hợp đồng %s quá hạn từ ngày %s: gốc %s đồng, lãi %s đồng chưa trả.', i.seq, l.contract_number, i.due_date,
                              i.principal_due - i.principal_paid, coalesce(i.interest_due - i.interest_paid, 0))
                  ELSE format('Kỳ %s của hợp đồng %s đến hạn ngày %s: gốc %s đồng và lãi của kỳ.', i.seq, l.contract_number, i.due_date,
                              i.principal_due - i.principal_paid) END
                -- docs/working-days.md: the reminder uses the moved due date and says why it moved.
                || CASE WHEN i.contractual_date IS NOT NULL THEN format(' Ngày hạn dời từ %s (%s).', i.contractual_date, i.move_reason_vi) ELSE '' END,
                b.email,
                CASE WHEN $3::boolean AND b.email IS NOT NULL THEN 'PENDING' ELSE 'SKIPPED' END
         FROM loans l
         JOIN loan_installments i ON i.loan_id = l.id AND NOT i.superseded
         JOIN borrowers b ON b.id = l.borrower_id
         CROSS JOIN LATERAL (SELECT CASE WHEN i.due_date < $1::date THEN 'OVERDUE' ELSE 'DUE_SOON' END AS kind) k
         WHERE l.status = 'ACTIVE'
           AND i.due_date <= $2::date
           AND (   (i.due_date >= $1::date AND (i.principal_due > i.principal_paid OR (i.interest_date AND NOT i.billed) OR coalesce(i.interest_due, 0) > i.interest_paid))
                OR (i.due_date < $1::date AND i.billed AND (i.principal_due > i.principal_paid OR coalesce(i.interest_due, 0) > i.interest_paid)))
         ON CONFLICT ON CONSTRAINT notifications_once DO NOTHING
         RETURNING id`,
        [forDate, addDays(forDate, this.config.reminderDaysAhead), Boolean(this.config.smtpUrl)],
      );
      const expiryRows = await this.recordExpiries(m, forDate, Boolean(this.config.smtpUrl));
      await this.audit.record(m, SYSTEM_ACTOR, {
        action: 'reminders.generate',
        entityType: 'notifications',
        entityId: forDate,
        after: { forDate, created: rows.length + expiryRows, expiries: expiryRows },
      });
      return { created: rows.length + expiryRows, expiries: expiryRows };
    });
    const { emailed, failed } = await this.sendPending(forDate);
    return { forDate, created, expiries, emailed, emailFailed: failed };
  }

  private async recordExpiries(m: EntityManager, forDate: LocalDate, mail: boolean): Promise<number> {
    const due = await this.collateralExpiries.dueFor(forDate, m);
    if (due.length === 0) return 0;
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO notifications (borrower_id, asset_id, subject, kind, for_date, due_date, message, audience, email_to, email_status)
       SELECT x.borrower_id, x.asset_id, x.description, x.kind || '_EXPIRY', $1::date, x.expires_on, x.message, x.audience,
              CASE WHEN x.audience = 'BORROWER' THEN b.email END,
              CASE WHEN $8::boolean AND x.audience = 'BORROWER' AND b.email IS NOT NULL THEN 'PENDING' ELSE 'SKIPPED' END
         FROM (
       SELECT e.borrower_id, e.asset_id, e.description, e.kind, e.expires_on,
              CASE e.kind
                WHEN 'VALUATION' THEN format('Định giá tài sản bảo đảm "%s" hết hiệu lực ngày %s: cần định giá lại.', e.description, e.expires_on)
                WHEN 'REGISTRATION' THEN format('Đăng ký biện pháp bảo đảm của tài sản "%s" hết hạn ngày %s.', e.description, e.expires_on)
                ELSE format('Bảo hiểm tài sản bảo đảm "%s" hết hạn ngày %s: cần gia hạn hợp đồng bảo hiểm.', e.description, e.expires_on) END AS message,
              CASE WHEN e.kind = 'INSURANCE' AND e.own THEN 'BORROWER' ELSE 'STAFF' END AS audience
         FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::date[], $6::text[], $7::boolean[]) AS e(asset_id, borrower_id, kind, expires_on, description, own)
         ) x JOIN borrowers b ON b.id = x.borrower_id
       ON CONFLICT (asset_id, kind, due_date) WHERE asset_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        forDate,
        due.map((d) => d.assetId),
        due.map((d) => d.borrowerId),
        due.map((d) => d.kind),
        due.map((d) => d.expiresOn),
        due.map((d) => d.description),
        due.map((d) => d.ownedByBorrower),
        mail,
      ],
    );
    return rows.length;
  }

  /** nodemailer over SMTP_URL; without it nothing is pending (rows are SKIPPED) and nothing is sent. */
  private async sendPending(forDate: LocalDate): Promise<{ emailed: number; failed: number }> {
    if (!this.config.smtpUrl) return { emailed: 0, failed: 0 };
    const transport = (await import('nodemailer')).createTransport(this.config.smtpUrl);
    const pending: Array<{ id: string; email_to: string; message: string; loan_id: string | null; installment_seq: number | null }> =
      await this.dataSource.query(
        `SELECT id::text, email_to, message, loan_id::text, installment_seq FROM notifications WHERE for_date = $1 AND email_status = 'PENDING' ORDER BY id`,
        [forDate],
      );
    let emailed = 0;
    let failed = 0;
    const base = this.config.publicBaseUrl.replace(/\/$/, '');
    const loanUrl = (loanId: string): string => `${base}/loans/${loanId}`;
    for (const n of pending) {
      try {
        // A collateral expiry has no loan nor installment: its e-mail points to the portal's home, which lists it.
        const mail =
          n.loan_id === null || n.installment_seq === null
            ? collateralExpiryEmail({ fundName: this.config.fundName, message: n.message, portalUrl: `${base}/` })
            : reminderEmail({
                fundName: this.config.fundName,
                message: n.message,
                loanUrl: loanUrl(n.loan_id),
                payment: await this.paymentFor(n.loan_id, n.installment_seq).catch((e: unknown) => {
                  // A reminder without its code is better than no reminder.
                  this.log.warn(`reminder ${n.id}: no VietQR: ${e instanceof Error ? e.message : String(e)}`);
                  return null;
                }),
              });
        await transport.sendMail({ from: this.config.smtpFrom, to: n.email_to, ...mail });
        await this.dataSource.query(`UPDATE notifications SET email_status = 'SENT' WHERE id = $1`, [n.id]);
        emailed += 1;
      } catch (e) {
        failed += 1;
        this.log.warn(`reminder ${n.id} not emailed: ${e instanceof Error ? e.message : String(e)}`);
        await this.dataSource.query(`UPDATE notifications SET email_status = 'FAILED', email_error = $2 WHERE id = $1`, [n.id, String(e).slice(0, 500)]);
      }
    }
    transport.close();
    return { emailed, failed };
  }

  /**
   * The VietQR for the reminded installment as the loan stands now (an overdue one carries the
   * penalty interest if it is the oldest); none when it has been paid since the reminder was written.
   */
  private async paymentFor(loanId: string, seq: number): Promise<ReminderPayment | null> {
    const qr = await this.paymentQr.forLoan(SYSTEM_ACTOR, loanId, { images: false });
    const item = qr.items.find((i) => i.kind !== 'PAYOFF' && i.installmentSeq === seq);
    if (!item) return null;
    const { bankName, bankBin, accountNumber, accountName, demo } = qr.payee;
    return {
      bankName,
      bankBin,
      accountNumber,
      accountName,
      demo,
      amount: item.amount,
      purpose: item.purpose,
      payload: item.payload,
      png: await this.paymentQr.png(item.payload),
    };
  }

  /** A COOPERATIVE user reads its own borrower's notifications only; staff read all, filtered. */
  async list(actor: Actor, q: NotificationQueryDto): Promise<Page<NotificationDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (isCooperativeOnly(actor)) {
      add('n.borrower_id = ?', actor.borrowerId ?? '0');
      where.push(`n.audience = 'BORROWER'`);
    } else if (q.borrowerId) add('n.borrower_id = ?', q.borrowerId);
    if (q.loanId) add('n.loan_id = ?', q.loanId);
    if (q.kind) add('n.kind = ?', q.kind);
    if (q.assetId) add('n.asset_id = ?', q.assetId);
    if (q.forDate) add('n.for_date = ?', q.forDate);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items: NotificationDto[] = await this.dataSource.query(
      `SELECT n.id::text AS "id", n.borrower_id::text AS "borrowerId", n.loan_id::text AS "loanId", l.contract_number AS "contractNumber",
              n.installment_seq AS "installmentSeq", n.asset_id::text AS "assetId", n.subject, n.audience, n.kind, n.for_date::text AS "forDate", n.due_date::text AS "dueDate",
              n.principal_amount::text AS "principalAmount", n.interest_amount::text AS "interestAmount", n.days_past_due AS "daysPastDue",
              n.message, n.email_status AS "emailStatus", to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
       FROM notifications n LEFT JOIN loans l ON l.id = n.loan_id ${clause}
       ORDER BY n.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, offsetOf(q)],
    );
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM notifications n ${clause}`, params)) as Array<{ total: number }>;
    return { items, page: q.page, pageSize: q.pageSize, total };
  }
}
