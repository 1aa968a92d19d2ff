import { amountInWords as amountWords, Money } from '../../../platform/money/index.js';
import { BORROWER_TYPE_LABELS_VI } from '../../borrowers/index.js';
import type { ContractFacts, MoneyEventFacts, RestructuringFacts, WriteOffFacts } from '../services/document-data.repository.js';
import {
  amountFields,
  article,
  contentWidth,
  type Doc,
  fields,
  finish,
  heading,
  paragraph,
  signatures,
  startDocument,
  table,
  viAmount,
  viDate,
  viPercent,
} from './document-pdf.js';

/** Where the fund signs and how it names itself (FUND_NAME; the province of FUND_PROVINCE_CODE). */
export interface Issuer {
  fundName: string;
  place: string;
  /** The borrower's address as printed: "Phường Phan Đình Phùng, Tỉnh Thái Nguyên". */
  borrowerAddress: string;
}

const FREQUENCY: Record<string, string> = {
  MONTHLY: 'hằng tháng',
  QUARTERLY: 'hằng quý',
  SEMI_ANNUAL: '6 tháng một lần',
  ANNUAL: 'hằng năm',
  AT_MATURITY: 'một lần khi đến hạn cuối',
};
const METHOD: Record<string, string> = {
  EQUAL_PRINCIPAL: 'Gốc chia đều các kỳ, lãi tính trên dư nợ giảm dần',
  ANNUITY: 'Gốc và lãi trả đều mỗi kỳ (niên kim)',
  BULLET: 'Gốc trả một lần khi đến hạn cuối',
};
const CHANNEL: Record<string, string> = {
  BANK_TRANSFER: 'Chuyển khoản',
  CASH: 'Tiền mặt',
  STATEMENT_IMPORT: 'Chuyển khoản (theo sao kê ngân hàng)',
  OTHER: 'Khác',
};
const COMPONENT: Record<string, string> = {
  PRINCIPAL: 'Nợ gốc đến hạn',
  PREPAID_PRINCIPAL: 'Nợ gốc trả trước hạn',
  INTEREST: 'Lãi trong hạn',
  ACCRUED_INTEREST: 'Lãi tính đến ngày trả',
  OVERDUE_PRINCIPAL_INTEREST: 'Lãi trên nợ gốc quá hạn',
  LATE_INTEREST: 'Lãi chậm trả lãi',
};
/** Decree 45/2021/NĐ-CP on the organisation and operation of the cooperative development support funds. */
const LEGAL_BASIS =
  'Căn cứ Nghị định số 45/2021/NĐ-CP ngày 31/3/2021 của Chính phủ về việc thành lập, tổ chức và hoạt động của Quỹ hỗ trợ phát triển hợp tác xã;';

function borrowerParty(doc: Doc, c: ContractFacts, issuer: Issuer, title: string): void {
  heading(doc, title);
  fields(doc, [
    ['Tên', c.borrowerName],
    ['Loại hình', BORROWER_TYPE_LABELS_VI[c.borrowerType] ?? c.borrowerType],
    [c.borrowerType === 'MEMBER' ? 'Số CCCD' : 'Mã số thuế / Mã số HTX', c.identityCode],
    ['Địa chỉ', issuer.borrowerAddress],
    ['Điện thoại', c.phone ?? ''],
    ['Người đại diện', c.representative ?? ''],
  ]);
}

function lenderParty(doc: Doc, c: ContractFacts, issuer: Issuer, title: string): void {
  heading(doc, title);
  fields(doc, [
    ['Tên', issuer.fundName],
    ['Người đại diện', c.approverName ?? ''],
  ]);
}

/** Hợp đồng tín dụng (summary): the contract's terms as copied onto the loan, with both parties. */
export async function renderContract(c: ContractFacts, issuer: Issuer): Promise<Buffer> {
  const doc = await startDocument({
    fundName: issuer.fundName,
    place: issuer.place,
    date: c.signingDate,
    number: c.contractNumber,
    title: 'HỢP ĐỒNG TÍN DỤNG',
    subtitle: '(Bản tóm tắt các điều khoản chính)',
  });
  paragraph(doc, LEGAL_BASIS);
  paragraph(doc, `Căn cứ hồ sơ vay vốn và quyết định cho vay đã được phê duyệt, hôm nay, ngày ${viDate(c.signingDate)}, các bên gồm:`);
  lenderParty(doc, c, issuer, 'BÊN CHO VAY (Bên A)');
  borrowerParty(doc, c, issuer, 'BÊN VAY (Bên B)');
  paragraph(doc, 'Hai bên thống nhất ký hợp đồng tín dụng với các điều khoản chính sau:');
  heading(doc, 'Điều 1. Số tiền, mục đích và nguồn vốn cho vay');
  amountFields(doc, 'Số tiền cho vay', c.approvedAmount);
  fields(doc, [
    ['Mục đích sử dụng', c.purpose],
    ['Sản phẩm cho vay', c.productName],
    ['Nguồn vốn', c.capitalSourceName],
  ]);
  heading(doc, 'Điều 2. Thời hạn, lãi suất và phương thức trả nợ');
  fields(doc, [
    ['Thời hạn cho vay', `${c.termMonths} tháng kể từ ngày giải ngân lần đầu${c.startDate ? ` (${viDate(c.startDate)})` : ''}`],
    ['Ngày đến hạn cuối', c.maturityDate ? viDate(c.maturityDate) : 'Xác định khi giải ngân lần đầu'],
    ['Lãi suất cho vay', `${viPercent(c.annualRate)}%/năm (cố định trong thời hạn vay)`],
    ['Lãi suất quá hạn', `${viAmount(new Money(c.overdueMultiplier).mul(100).toFixed())}% lãi suất cho vay, tính trên nợ gốc quá hạn`],
    ['Lãi chậm trả lãi', `${viPercent(c.lateInterestRate)}%/năm, tính trên số lãi chậm trả`],
    ['Phương thức trả nợ', METHOD[c.amortizationMethod] ?? c.amortizationMethod],
    ['Kỳ trả gốc', `${FREQUENCY[c.principalFrequency] ?? c.principalFrequency}${c.gracePeriods > 0 ? `; ân hạn gốc ${c.gracePeriods} kỳ` : ''}`],
    ['Kỳ trả lãi', FREQUENCY[c.interestFrequency] ?? c.interestFrequency],
    ['Số lần giải ngân tối đa', String(c.maxTranches)],
  ]);
  heading(doc, 'Điều 3. Bảo đảm tiền vay');
  if (c.collateralExempt) fields(doc, [['Miễn tài sản bảo đảm', c.collateralExemptionReason ?? '']]);
  else
    fields(doc, [
      ['Tài sản bảo đảm', c.collateralDescription ?? ''],
      ['Giá trị định giá', c.collateralValue ? `${viAmount(c.collateralValue)} đồng` : ''],
    ]);
  heading(doc, 'Điều 4. Cam kết');
  paragraph(
    doc,
    'Bên B sử dụng vốn vay đúng mục đích, trả nợ gốc và lãi đúng hạn theo lịch trả nợ kèm theo các khế ước nhận nợ; mỗi lần giải ngân được lập một khế ước nhận nợ là bộ phận không tách rời của hợp đồng này. Bên A giải ngân theo tiến độ và kiểm tra việc sử dụng vốn vay.',
  );
  signatures(doc, [
    { title: 'ĐẠI DIỆN BÊN VAY', note: '(Ký, ghi rõ họ tên, đóng dấu)', name: c.representative },
    { title: 'ĐẠI DIỆN BÊN CHO VAY', note: '(Ký, ghi rõ họ tên, đóng dấu)', name: c.approverName },
  ]);
  return finish(doc);
}

/** Khế ước nhận nợ: the borrower acknowledges one tranche. */
export async function renderAcknowledgement(c: ContractFacts, e: MoneyEventFacts, issuer: Issuer): Promise<Buffer> {
  const doc = await startDocument({
    fundName: issuer.fundName,
    place: issuer.place,
    date: e.valueDate,
    number: `${c.contractNumber}/KƯ-${String(e.ordinal).padStart(2, '0')}`,
    title: 'KHẾ ƯỚC NHẬN NỢ',
    subtitle: `Lần giải ngân thứ ${e.ordinal} — Hợp đồng tín dụng số ${c.contractNumber} ngày ${viDate(c.signingDate)}`,
    stamp: e.reversed ? 'ĐÃ HỦY' : undefined,
  });
  lenderParty(doc, c, issuer, 'BÊN CHO VAY');
  borrowerParty(doc, c, issuer, 'BÊN NHẬN NỢ');
  heading(doc, 'Nội dung nhận nợ');
  amountFields(doc, 'Số tiền nhận nợ', e.amount);
  fields(doc, [
    ['Ngày giải ngân', viDate(e.valueDate)],
    ['Hình thức giải ngân', CHANNEL[e.channel] ?? e.channel],
    ['Chứng từ', e.reference],
    ['Mục đích sử dụng', c.purpose],
    ['Lãi suất cho vay', `${viPercent(c.annualRate)}%/năm`],
    ['Ngày đến hạn cuối', c.maturityDate ? viDate(c.maturityDate) : '…'],
  ]);
  amountFields(doc, 'Tổng số đã nhận nợ', e.cumulative);
  fields(doc, [['Hạn mức hợp đồng', `${viAmount(c.approvedAmount)} đồng`]]);
  paragraph(doc, 'Bên nhận nợ xác nhận đã nhận đủ số tiền trên và cam kết trả nợ gốc, lãi theo hợp đồng tín dụng và lịch trả nợ đã thỏa thuận.');
  signatures(doc, [
    { title: 'BÊN NHẬN NỢ', note: '(Ký, ghi rõ họ tên, đóng dấu)', name: c.representative },
    { title: 'CÁN BỘ TÍN DỤNG', name: e.createdByName },
    { title: 'ĐẠI DIỆN BÊN CHO VAY', note: '(Ký, ghi rõ họ tên, đóng dấu)', name: c.approverName },
  ]);
  return finish(doc);
}

/** Phiếu thu (the cash receipt voucher of the accounting regime, form 01-TT): one repayment. */
export async function renderReceipt(c: ContractFacts, e: MoneyEventFacts, issuer: Issuer): Promise<Buffer> {
  const doc = await startDocument({
    fundName: issuer.fundName,
    place: issuer.place,
    date: e.bookingDate,
    number: `PT-${e.id}`,
    title: 'PHIẾU THU',
    subtitle: 'Mẫu số 01 - TT',
    stamp: e.reversed ? `ĐÃ HỦY${e.reversalReason ? `: ${e.reversalReason}` : ''}` : undefined,
  });
  fields(
    doc,
    [
      ['Nợ TK', e.debitCodes.join(', ')],
      ['Có TK', e.creditCodes.join(', ')],
    ],
    120,
  );
  doc.moveDown(0.4);
  fields(
    doc,
    [
      ['Họ tên người nộp tiền', c.representative ? `${c.representative} — ${c.borrowerName}` : c.borrowerName],
      ['Địa chỉ', issuer.borrowerAddress],
      ['Lý do nộp', `Trả nợ hợp đồng tín dụng số ${c.contractNumber}`],
      ['Ngày nộp (ngày giá trị)', viDate(e.valueDate)],
      ['Hình thức', `${CHANNEL[e.channel] ?? e.channel} — chứng từ ${e.reference}`],
    ],
    170,
  );
  amountFields(doc, 'Số tiền', e.amount, 170);
  if (e.allocation.length) {
    doc.moveDown(0.3);
    paragraph(doc, 'Trong đó:');
    const lines = new Map<string, Money>();
    for (const a of e.allocation) lines.set(a.component, (lines.get(a.component) ?? new Money(0)).plus(a.amount));
    table(
      doc,
      [
        { header: 'Khoản thu', width: 3 },
        { header: 'Số tiền (đồng)', width: 1.6, align: 'right' },
      ],
      [...[...lines].map(([k, v]) => [COMPONENT[k] ?? k, viAmount(v.toFixed())] as const), ['Cộng', viAmount(e.amount)] as const],
      true,
    );
  }
  signatures(doc, [
    { title: 'GIÁM ĐỐC', note: '(Ký, họ tên, đóng dấu)' },
    { title: 'KẾ TOÁN TRƯỞNG', note: '(Ký, họ tên)' },
    { title: 'NGƯỜI NỘP TIỀN', note: '(Ký, họ tên)', name: c.representative },
    { title: 'NGƯỜI LẬP PHIẾU', note: '(Ký, họ tên)', name: e.createdByName },
    { title: 'THỦ QUỸ', note: '(Ký, họ tên)' },
  ]);
  paragraph(doc, `Đã nhận đủ số tiền (viết bằng chữ): ${amountInWordsSentence(e.amount)}`);
  return finish(doc);
}

function amountInWordsSentence(amount: string): string {
  return `${viAmount(amount)} đồng (${amountWords(amount)}).`;
}

function decisionStamp(status: string): string | undefined {
  if (status === 'APPROVED') return undefined;
  return status === 'REJECTED' ? 'ĐỀ NGHỊ ĐÃ BỊ TỪ CHỐI — KHÔNG CÓ HIỆU LỰC' : 'DỰ THẢO — CHƯA ĐƯỢC PHÊ DUYỆT';
}

/** Quyết định xử lý rủi ro (Decree 45 Art. 28): the receivables written off against provisions. */
export async function renderWriteOffDecision(c: ContractFacts, w: WriteOffFacts, issuer: Issuer): Promise<Buffer> {
  const doc = await startDocument({
    fundName: issuer.fundName,
    place: issuer.place,
    date: w.effectiveDate,
    number: `${w.id}/QĐ-XLRR`,
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc xử lý rủi ro khoản vay theo hợp đồng tín dụng số ${c.contractNumber}`,
    stamp: decisionStamp(w.status),
  });
  doc.font('bold').text(`GIÁM ĐỐC ${issuer.fundName.toUpperCase()}`, { align: 'center' });
  doc.moveDown(0.5);
  paragraph(doc, LEGAL_BASIS);
  paragraph(doc, `Căn cứ hợp đồng tín dụng số ${c.contractNumber} ngày ${viDate(c.signingDate)} giữa ${issuer.fundName} và ${c.borrowerName};`);
  paragraph(doc, `Xét đề nghị xử lý rủi ro ngày ${viDate(w.proposedDate)} (khoản vay nợ nhóm ${w.debtGroup}): ${w.reason};`);
  doc
    .moveDown(0.4)
    .font('bold')
    .text('QUYẾT ĐỊNH:', doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  article(
    doc,
    'Điều 1.',
    `Xử lý rủi ro khoản vay của ${c.borrowerName} (mã số ${c.identityCode}) theo hợp đồng tín dụng số ${c.contractNumber} bằng dự phòng rủi ro đã trích lập, như sau:`,
  );
  if (w.total !== null) {
    table(
      doc,
      [
        { header: 'Khoản', width: 3 },
        { header: 'Số tiền (đồng)', width: 1.6, align: 'right' },
      ],
      [
        ['Nợ gốc', viAmount(w.principal ?? '0')],
        ['Lãi', viAmount(w.interest ?? '0')],
        ['Lãi phạt (quá hạn, chậm trả)', viAmount(w.penalty ?? '0')],
        ['Tổng số xử lý rủi ro', viAmount(w.total)],
      ],
      true,
    );
    amountFields(doc, 'Tổng số xử lý', w.total);
    fields(doc, [
      ['Dự phòng cụ thể sử dụng', `${viAmount(w.provisionUsed ?? '0')} đồng`],
      ['Hạch toán vào chi phí', `${viAmount(w.provisionExpense ?? '0')} đồng`],
    ]);
  } else {
    paragraph(doc, 'Số tiền xử lý được xác định tại ngày phê duyệt.');
  }
  article(
    doc,
    'Điều 2.',
    'Khoản nợ đã xử lý được theo dõi ngoại bảng; Quỹ tiếp tục thu hồi nợ theo quy định. Việc xử lý rủi ro không phải là xóa nợ cho bên vay.',
  );
  article(
    doc,
    'Điều 3.',
    `Quyết định có hiệu lực kể từ ngày ${viDate(w.effectiveDate)}. Bộ phận tín dụng, kế toán và bên vay chịu trách nhiệm thi hành Quyết định này.${w.decisionNote ? ` Ghi chú: ${w.decisionNote}.` : ''}`,
  );
  signatures(doc, [
    { title: 'NGƯỜI ĐỀ XUẤT', name: w.proposerName },
    { title: 'GIÁM ĐỐC', note: '(Ký, ghi rõ họ tên, đóng dấu)', name: w.deciderName },
  ]);
  return finish(doc);
}

/** Quyết định cơ cấu lại thời hạn trả nợ (Decree 45 Art. 27): adjustment or extension. */
export async function renderRestructuringDecision(c: ContractFacts, r: RestructuringFacts, issuer: Issuer): Promise<Buffer> {
  const what = r.type === 'EXTENSION' ? 'gia hạn nợ' : 'điều chỉnh kỳ hạn trả nợ';
  const doc = await startDocument({
    fundName: issuer.fundName,
    place: issuer.place,
    date: r.effectiveDate,
    number: `${r.id}/QĐ-CCN`,
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc ${what} khoản vay theo hợp đồng tín dụng số ${c.contractNumber}`,
    stamp: decisionStamp(r.status),
  });
  doc.font('bold').text(`GIÁM ĐỐC ${issuer.fundName.toUpperCase()}`, { align: 'center' });
  doc.moveDown(0.5);
  paragraph(doc, LEGAL_BASIS);
  paragraph(doc, `Căn cứ hợp đồng tín dụng số ${c.contractNumber} ngày ${viDate(c.signingDate)} giữa ${issuer.fundName} và ${c.borrowerName};`);
  paragraph(doc, `Xét đề nghị ${what} ngày ${viDate(r.proposedDate)}: ${r.reason};`);
  doc
    .moveDown(0.4)
    .font('bold')
    .text('QUYẾT ĐỊNH:', doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'center' });
  const unpaid = r.installments.reduce((s, i) => s.plus(i.principal), new Money(0)).toFixed();
  article(
    doc,
    'Điều 1.',
    `Chấp thuận ${what} cho ${c.borrowerName} (mã số ${c.identityCode}) đối với khoản vay theo hợp đồng tín dụng số ${c.contractNumber}:`,
  );
  amountFields(doc, 'Dư nợ gốc cơ cấu lại', unpaid);
  fields(doc, [
    ['Ngày đến hạn cuối cũ', viDate(r.previousMaturityDate)],
    ['Ngày đến hạn cuối mới', viDate(r.newMaturityDate ?? r.previousMaturityDate)],
  ]);
  if (r.installments.length) {
    paragraph(doc, 'Lịch trả nợ gốc mới:');
    table(
      doc,
      [
        { header: 'Kỳ', width: 0.5, align: 'center' },
        { header: 'Ngày đến hạn', width: 1.4, align: 'center' },
        { header: 'Nợ gốc phải trả (đồng)', width: 2, align: 'right' },
      ],
      [...r.installments.map((i, k) => [String(k + 1), viDate(i.dueDate), viAmount(i.principal)] as const), ['', 'Cộng', viAmount(unpaid)] as const],
      true,
    );
  }
  article(
    doc,
    'Điều 2.',
    'Lãi suất và các điều khoản khác của hợp đồng tín dụng giữ nguyên. Lãi tiếp tục được tính trên dư nợ gốc thực tế theo lịch trả nợ mới.',
  );
  article(
    doc,
    'Điều 3.',
    `Quyết định có hiệu lực kể từ ngày ${viDate(r.effectiveDate)}. Bộ phận tín dụng, kế toán và bên vay chịu trách nhiệm thi hành Quyết định này.${r.decisionNote ? ` Ghi chú: ${r.decisionNote}.` : ''}`,
  );
  signatures(doc, [
    { title: 'NGƯỜI ĐỀ XUẤT', name: r.proposerName },
    { title: 'GIÁM ĐỐC', note: '(Ký, ghi rõ họ tên, đóng dấu)', name: r.deciderName },
  ]);
  return finish(doc);
}
