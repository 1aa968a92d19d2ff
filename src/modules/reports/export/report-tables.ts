import type { PortfolioFiguresDto, PortfolioReportDto } from '../dto/report-views.dto.js';
import type { AgingReport, CapitalSourceReport, LoanListItem, ReconciliationReport } from '../services/as-of-tables.service.js';
import { BORROWER_TYPE_LABELS_VI } from '../../borrowers/index.js';
import type { ReportColumn, ReportRow, ReportTable } from './report-table.js';

/** Each report as the table its exports render (domain.md vocabulary for the headers). */

const SOURCE_VI: Record<string, string> = {
  SNAPSHOT: 'ảnh chụp cuối tháng (snapshot)',
  LIVE: 'số liệu ngày chốt gần nhất (live)',
  RECONSTRUCTED: 'dựng lại từ sổ cái và tính lại khoản vay (reconstructed)',
};
const METHOD_NOTE =
  'Tỷ trọng làm tròn 1 chữ số thập phân theo phương pháp số dư lớn nhất (largest remainder), tổng đúng 100,0%; tỷ lệ (nợ xấu, PAR) là phân số làm tròn nửa lên 6 chữ số thập phân. ' +
  'Shares: largest-remainder rounding to 0.1, summing to exactly 100.0%; ratios (bad debt, PAR) are fractions rounded half-up to 6 decimal places.';

const DIM_VI: Record<string, string> = {
  sector: 'Ngành (VSIC)',
  borrowerType: 'Loại khách hàng',
  commune: 'Xã/phường',
  capitalSource: 'Nguồn vốn',
  termClass: 'Kỳ hạn',
  debtGroup: 'Nhóm nợ',
  product: 'Sản phẩm',
  origin: 'Quỹ gốc',
};

// The codes the API answers, as the exports print them (a reader of the file sees no raw code).
const TERM_CLASS_VI: Record<string, string> = { SHORT: 'Ngắn hạn (≤ 12 tháng)', MEDIUM: 'Trung hạn (13–60 tháng)', LONG: 'Dài hạn (> 60 tháng)' };
const AGING_BUCKET_VI: Record<string, string> = {
  CURRENT: 'Trong hạn',
  DPD_1_9: '1–9 ngày',
  DPD_10_29: '10–29 ngày',
  DPD_30_89: '30–89 ngày',
  DPD_90_179: '90–179 ngày',
  DPD_180_PLUS: 'Từ 180 ngày',
};
const LOAN_STATUS_VI: Record<string, string> = {
  PENDING_DISBURSEMENT: 'Chờ giải ngân',
  ACTIVE: 'Đang vay',
  CLOSED: 'Đã tất toán',
  WRITTEN_OFF: 'Đã xử lý rủi ro',
};
// The product limits a legacy contract breaks (docs/book-import.md), short.
const LEGACY_RULE_VI: Record<string, string> = {
  'product.amount-min': 'số tiền dưới tối thiểu',
  'product.amount-max': 'số tiền vượt tối đa',
  'product.term-min': 'thời hạn dưới tối thiểu',
  'product.term-max': 'thời hạn vượt tối đa',
  'product.rate-max': 'lãi suất vượt mức',
  'product.retired': 'sản phẩm đã ngừng',
};
const vi = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;

const FIGURE_COLUMNS: ReportColumn[] = [
  { key: 'loanCount', header: 'Lượt vay', kind: 'int', width: 0.6 },
  { key: 'borrowerCount', header: 'Số khách hàng', kind: 'int', width: 0.6 },
  { key: 'turnover', header: 'Doanh số cho vay', kind: 'vnd' },
  { key: 'principalCollected', header: 'Thu nợ gốc', kind: 'vnd' },
  { key: 'interestCollected', header: 'Thu lãi', kind: 'vnd' },
  { key: 'outstanding', header: 'Dư nợ', kind: 'vnd' },
  { key: 'overduePrincipal', header: 'Nợ gốc quá hạn', kind: 'vnd' },
  { key: 'overdueInterest', header: 'Lãi quá hạn', kind: 'vnd' },
  { key: 'badDebt', header: 'Nợ xấu (nhóm 3–5)', kind: 'vnd' },
  { key: 'badDebtRatio', header: 'Tỷ lệ nợ xấu', kind: 'ratio', width: 0.85 },
  { key: 'par30', header: 'PAR30', kind: 'ratio', width: 0.85 },
  { key: 'par90', header: 'PAR90', kind: 'ratio', width: 0.85 },
  { key: 'provision', header: 'Dự phòng (cụ thể + chung)', kind: 'vnd' },
  { key: 'shareOfOutstanding', header: 'Tỷ trọng dư nợ', kind: 'percent', width: 0.6 },
  { key: 'shareOfTurnover', header: 'Tỷ trọng doanh số', kind: 'percent', width: 0.6 },
];

function figureCells(f: PortfolioFiguresDto): Record<string, string | number> {
  return {
    loanCount: f.loanCount,
    borrowerCount: f.borrowerCount,
    turnover: f.turnover,
    principalCollected: f.principalCollected,
    interestCollected: f.interestCollected,
    outstanding: f.outstanding,
    overduePrincipal: f.overduePrincipal,
    overdueInterest: f.overdueInterest,
    badDebt: f.badDebt,
    badDebtRatio: f.badDebtRatio,
    par30: f.par30,
    par90: f.par90,
    provision: (BigInt(f.specificProvision) + BigInt(f.generalProvision)).toString(),
  };
}

function dimLabel(dim: string, k: Record<string, string | null>): string {
  if (dim === 'sector') return `${k.code} — ${k.nameVi ?? ''} (${k.classificationVersion})`;
  if (dim === 'capitalSource' || dim === 'product') return `${k.name ?? k.code}`;
  if (dim === 'commune') return k.nameVi ? `${k.nameVi} (${k.code})` : `${k.provinceCode}-${k.code}`;
  if (dim === 'debtGroup') return `Nhóm ${k.code}`;
  if (dim === 'origin') return k.code ?? 'Sổ của Quỹ';
  if (dim === 'borrowerType') return vi(BORROWER_TYPE_LABELS_VI, String(k.code));
  if (dim === 'termClass') return vi(TERM_CLASS_VI, String(k.code));
  return String(k.code);
}

export function portfolioTable(r: PortfolioReportDto): ReportTable {
  const dimCols: ReportColumn[] = r.groupBy.map((d) => ({ key: `dim_${d}`, header: DIM_VI[d] ?? d, kind: 'text', width: 1.8 }));
  const rows: ReportRow[] = r.rows.map((row) => ({
    ...Object.fromEntries(r.groupBy.map((d) => [`dim_${d}`, dimLabel(d, row.keys[d] ?? {})])),
    ...figureCells(row),
    shareOfOutstanding: row.shareOfOutstanding.display,
    shareOfTurnover: row.shareOfTurnover.display,
  }));
  const totals: ReportRow = {
    [`dim_${r.groupBy[0]}`]: 'Tổng cộng',
    ...figureCells(r.totals),
    shareOfOutstanding: r.rows.length ? '100.0' : '0.0',
    shareOfTurnover: r.rows.length ? '100.0' : '0.0',
  };
  return {
    title: 'Báo cáo dư nợ cho vay / Loan portfolio report',
    subtitle: [
      `Ngày báo cáo / As of: ${r.asOf}`,
      `Kỳ doanh số / Period: ${r.from} – ${r.to}`,
      `Nguồn số liệu / Source: ${SOURCE_VI[r.source] ?? r.source}; chính sách phân loại ${r.policy}`,
    ],
    columns: [...dimCols, ...FIGURE_COLUMNS],
    rows,
    totals,
    notes: [METHOD_NOTE],
  };
}

export function agingTable(r: AgingReport): ReportTable {
  return {
    title: 'Báo cáo tuổi nợ / Aging report',
    subtitle: [`Ngày báo cáo / As of: ${r.asOf}`, `Nguồn số liệu / Source: ${SOURCE_VI[r.source] ?? r.source}`],
    columns: [
      { key: 'bucket', header: 'Số ngày quá hạn', kind: 'text' },
      { key: 'loanCount', header: 'Số khoản vay', kind: 'int' },
      { key: 'outstanding', header: 'Dư nợ', kind: 'vnd' },
      { key: 'overduePrincipal', header: 'Nợ gốc quá hạn', kind: 'vnd' },
      { key: 'share', header: 'Tỷ trọng dư nợ', kind: 'percent' },
    ],
    rows: r.rows.map((b) => ({
      bucket: vi(AGING_BUCKET_VI, b.bucket),
      loanCount: b.loanCount,
      outstanding: b.outstanding,
      overduePrincipal: b.overduePrincipal,
      share: b.share.display,
    })),
    totals: {
      bucket: 'Tổng cộng',
      loanCount: r.totals.loanCount,
      outstanding: r.totals.outstanding,
      overduePrincipal: r.totals.overduePrincipal,
      share: '100.0',
    },
    notes: [METHOD_NOTE],
  };
}

export const LOAN_LIST_COLUMNS: ReportColumn[] = [
  { key: 'contractNumber', header: 'Số hợp đồng', kind: 'text', width: 1.55 },
  { key: 'borrowerName', header: 'Khách hàng', kind: 'text', width: 1.8 },
  { key: 'borrowerType', header: 'Loại', kind: 'text', width: 0.9 },
  { key: 'status', header: 'Trạng thái', kind: 'text', width: 0.8 },
  { key: 'sectorCode', header: 'Ngành', kind: 'text', width: 0.65 },
  { key: 'communeName', header: 'Xã/phường', kind: 'text', width: 1.2 },
  { key: 'disbursed', header: 'Đã giải ngân', kind: 'vnd' },
  { key: 'outstanding', header: 'Dư nợ', kind: 'vnd' },
  { key: 'overduePrincipal', header: 'Gốc quá hạn', kind: 'vnd' },
  { key: 'overdueInterest', header: 'Lãi quá hạn', kind: 'vnd' },
  { key: 'daysPastDue', header: 'Số ngày quá hạn', kind: 'int', width: 0.6 },
  { key: 'debtGroup', header: 'Nhóm nợ', kind: 'int', width: 0.5 },
  { key: 'provision', header: 'Dự phòng', kind: 'vnd' },
  // A merged fund's two books apart, and contracts kept as signed under older rules (docs/book-import.md).
  { key: 'origin', header: 'Quỹ gốc', kind: 'text', width: 1 },
  { key: 'legacy', header: 'Điều kiện cũ', kind: 'text', width: 1.2 },
];

export function loanListRow(i: LoanListItem): ReportRow {
  const { legacyTerms, legacyRules, ...cells } = i;
  return {
    ...cells,
    borrowerType: vi(BORROWER_TYPE_LABELS_VI, i.borrowerType),
    status: vi(LOAN_STATUS_VI, i.status),
    communeName: i.communeNameVi ?? i.communeCode,
    provision: (BigInt(i.specificProvision) + BigInt(i.generalProvision)).toString(),
    origin: i.origin ?? '',
    legacy: legacyTerms ? `Có: ${legacyRules.map((r) => vi(LEGACY_RULE_VI, r)).join('; ')}` : '',
  };
}

export function loanListTable(asOf: string, source: string, items: readonly LoanListItem[]): ReportTable {
  return {
    title: 'Danh sách khoản vay / Loan list',
    subtitle: [`Ngày báo cáo / As of: ${asOf}`, `Nguồn số liệu / Source: ${SOURCE_VI[source] ?? source}`],
    columns: LOAN_LIST_COLUMNS,
    rows: items.map(loanListRow),
  };
}

export function capitalSourcesTable(r: CapitalSourceReport): ReportTable {
  return {
    title: 'Báo cáo nguồn vốn / Capital sources',
    subtitle: [`Ngày báo cáo / As of: ${r.asOf}`, 'Khả dụng = vốn − dư nợ (domain.md "Capital sources")'],
    columns: [
      { key: 'name', header: 'Nguồn vốn', kind: 'text', width: 2 },
      { key: 'capital', header: 'Vốn', kind: 'vnd' },
      { key: 'disbursed', header: 'Đã giải ngân', kind: 'vnd' },
      { key: 'repaid', header: 'Đã thu gốc', kind: 'vnd' },
      { key: 'outstanding', header: 'Dư nợ', kind: 'vnd' },
      { key: 'available', header: 'Khả dụng', kind: 'vnd' },
      { key: 'interestEarned', header: 'Thu nhập lãi', kind: 'vnd' },
    ],
    rows: r.rows.map((x) => ({ ...x, bearsCreditRisk: String(x.bearsCreditRisk) })),
  };
}

export function reconciliationTable(r: ReconciliationReport): ReportTable {
  return {
    title: 'Đối chiếu sổ cái và dư nợ / Ledger reconciliation',
    subtitle: [
      `Ngày đối chiếu / As of: ${r.asOf}; số khoản vay: ${r.loansChecked}`,
      `Dư nợ gốc theo sổ cái: ${r.ledgerPrincipal}; theo khoản vay: ${r.eventPrincipal}; bút toán lệch: ${r.unbalancedTransactions.length}`,
    ],
    columns: [
      { key: 'contractNumber', header: 'Số hợp đồng', kind: 'text' },
      { key: 'account', header: 'Tài khoản', kind: 'text' },
      { key: 'loanBalance', header: 'Theo khoản vay', kind: 'vnd' },
      { key: 'ledger', header: 'Theo sổ cái', kind: 'vnd' },
    ],
    rows: r.mismatches,
    notes: [r.mismatches.length === 0 ? 'Không có chênh lệch / No differences.' : `${r.mismatches.length} chênh lệch / differences.`],
  };
}
