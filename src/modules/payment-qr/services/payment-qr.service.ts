import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { maxMoney, Money, ZERO } from '../../../platform/money/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { LoanQueriesService } from '../../loans/index.js';
import { buildVietQrPayload, vietQrPurpose, VietQrInputError } from '../domain/vietqr.js';
import type { LoanPaymentQrDto, PaymentPayeeDto, PaymentQrDto, PaymentQrKind } from '../dto/payment-qr.dto.js';
import { PaymentQrErrors } from '../payment-qr.errors.js';

/** One amount to pay before its code is drawn. */
interface Due {
  kind: PaymentQrKind;
  installmentSeq: number | null;
  dueDate: string | null;
  principal: Money;
  interest: Money;
  penalty: Money;
}

/**
 * "Pay by bank app": a VietQR per amount a cooperative may want to pay on the business date —
 * each overdue installment (oldest first), an installment due today, the next one, and the
 * payoff. Amounts come from the loan's own reads (same authorisation: a cooperative user gets its
 * own loans, 404 for others), so the code asks for what the loan page shows.
 */
@Injectable()
export class PaymentQrService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loans: LoanQueriesService,
  ) {}

  payee(): PaymentPayeeDto {
    return { ...this.config.vietQr };
  }

  async forLoan(actor: Actor, loanId: string, options: { images?: boolean } = {}): Promise<LoanPaymentQrDto> {
    const loan = await this.loans.get(actor, loanId);
    const payoff = await this.loans.payoff(actor, loanId);
    const base = { loanId: loan.id, contractNumber: loan.contractNumber, asOf: payoff.date, payee: this.payee() };
    if (loan.status !== 'ACTIVE') return { ...base, items: [] };
    const schedule = await this.loans.schedule(actor, loanId);
    const dues: Due[] = [];
    // Penalty interest (on overdue principal, late interest on unpaid interest) is owed by the loan,
    // not by one installment; the allocation order takes it first (domain.md "Allocation of a
    // repayment"), so it rides on the oldest overdue installment's code: paying the overdue codes in
    // order clears the arrears.
    let penalty = new Money(loan.overdueInterest).plus(loan.lateInterest);
    for (const i of schedule.filter((x) => x.status === 'OVERDUE' || x.status === 'DUE')) {
      dues.push({
        kind: i.status === 'OVERDUE' ? 'OVERDUE' : 'DUE',
        installmentSeq: i.seq,
        dueDate: i.dueDate,
        principal: new Money(i.principal).minus(i.principalPaid),
        interest: maxMoney(ZERO, new Money(i.interest).minus(i.interestPaid)),
        penalty: i.status === 'OVERDUE' ? penalty : ZERO,
      });
      if (i.status === 'OVERDUE') penalty = ZERO;
    }
    if (loan.nextDueDate && loan.nextDueAmount) {
      const next = schedule.find((x) => x.status === 'SCHEDULED' && x.dueDate === loan.nextDueDate);
      const principal = new Money(next?.principal ?? '0');
      // nextDueAmount = principal + projected interest − interest already paid for the period.
      dues.push({
        kind: 'NEXT',
        installmentSeq: next?.seq ?? null,
        dueDate: loan.nextDueDate,
        principal,
        interest: maxMoney(ZERO, new Money(loan.nextDueAmount).minus(principal)),
        penalty: ZERO,
      });
    }
    const payoffPrincipal = new Money(payoff.duePrincipal).plus(payoff.notDuePrincipal);
    const payoffPenalty = new Money(payoff.overdueInterest).plus(payoff.lateInterest);
    dues.push({
      kind: 'PAYOFF',
      installmentSeq: null,
      dueDate: payoff.date,
      principal: payoffPrincipal,
      interest: new Money(payoff.total).minus(payoffPrincipal).minus(payoffPenalty),
      penalty: payoffPenalty,
    });

    const purpose = this.purposeOf(loan.contractNumber);
    const items: PaymentQrDto[] = [];
    for (const d of dues) {
      const amount = d.principal.plus(d.interest).plus(d.penalty);
      if (amount.lte(ZERO)) continue;
      items.push(await this.item(d, amount, purpose, options.images ?? true));
    }
    return { ...base, items };
  }

  /** The code's image as PNG bytes (statement PDF, email attachment). */
  async png(payload: string): Promise<Buffer> {
    // qrcode (and pngjs) is loaded on the first QR image, not at the API's boot.
    const { default: QRCode } = await import('qrcode');
    return QRCode.toBuffer(payload, { type: 'png', margin: 2, width: 320, errorCorrectionLevel: 'M' });
  }

  private purposeOf(contractNumber: string): string {
    try {
      return vietQrPurpose(contractNumber);
    } catch (e) {
      if (e instanceof VietQrInputError) throw new DomainError(PaymentQrErrors['PAYMENT_QR.CONTRACT_NUMBER_TOO_LONG'], { contractNumber });
      throw e;
    }
  }

  private async item(d: Due, amount: Money, purpose: string, image: boolean): Promise<PaymentQrDto> {
    const { bankBin, accountNumber } = this.config.vietQr;
    // Whole đồng: the engine rounds every billed amount to the product's unit (≥ 1 VND), so the
    // sum is already whole; toFixed(0) only drops a ".0".
    const payload = buildVietQrPayload({ bankBin, accountNumber, amount: amount.toFixed(0), purpose });
    return {
      kind: d.kind,
      installmentSeq: d.installmentSeq,
      dueDate: d.dueDate,
      amount: amount.toFixed(0),
      components: { principal: d.principal.toFixed(), interest: d.interest.toFixed(), penalty: d.penalty.toFixed() },
      purpose,
      payload,
      imageDataUrl: image ? await (await import('qrcode')).default.toDataURL(payload, { margin: 2, width: 320, errorCorrectionLevel: 'M' }) : '',
    };
  }
}
