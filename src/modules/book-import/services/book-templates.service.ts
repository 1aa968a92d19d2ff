import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
// exceljs (about 150 modules) is loaded on the first template, not at the API's boot.
import type ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { BORROWER_TYPES } from '../../borrowers/index.js';
import { BOOK_SHEETS, type BookSheet } from '../dto/book-import.dto.js';
import { BOOK_COLUMNS, type BookColumn, FREQUENCY_CHOICES, INSTRUCTIONS_SHEET, LISTS_SHEET, type ListSource, MODES } from '../domain/book-columns.js';
import { BookContextService } from './book-context.service.js';

type Lang = 'vi' | 'en';
/** Rows of each data sheet that carry the drop-downs (a whole book fits; more rows can be added below). */
const VALIDATED_ROWS = 2000;

const EXAMPLES: Record<BookSheet, Array<Record<string, string | number>>> = {
  Borrowers: [
    {
      ref: 'BK-HTX-001',
      type: 'COOPERATIVE',
      identityCode: '4700123456',
      legalName: 'Hợp tác xã Chè Bằng Phúc',
      legalRepresentative: 'Hoàng Văn Sơn',
      phone: '0209385111',
      memberCount: 25,
      charterCapital: 1500000000,
      oldCommune: 'Xã Bằng Phúc',
      oldDistrict: 'Huyện Chợ Đồn',
      sectorCode: 'A',
    },
  ],
  Loans: [
    {
      ref: 'BK-2021-001',
      borrowerRef: 'BK-HTX-001',
      purpose: 'Mở rộng vùng chè',
      signingDate: '2021-03-15',
      amount: 500000000,
      ratePercent: 6.6,
      termMonths: 36,
      frequency: 'QUARTERLY',
      mode: 'HISTORY',
      origin: 'Quỹ HTX Bắc Kạn',
      reportedAsOf: '2025-06-30',
      reportedPrincipal: 125000000,
      reportedInterest: 0,
    },
  ],
  Disbursements: [{ loanRef: 'BK-2021-001', date: '2021-03-20', amount: 500000000, reference: 'UNC-2021-031' }],
  Repayments: [{ loanRef: 'BK-2021-001', date: '2021-06-20', amount: 49500000, reference: 'PT-2021-0620' }],
  OpeningPositions: [
    {
      loanRef: 'BK-2020-007',
      cutOverDate: '2025-06-30',
      firstDisbursementDate: '2020-05-04',
      disbursedPrincipal: 300000000,
      outstandingPrincipal: 120000000,
      overduePrincipal: 0,
      overdueInterest: 0,
      accruedInterest: 1650000,
      dpd: 0,
      debtGroup: 1,
    },
  ],
};

const INSTRUCTIONS: Record<Lang, string[]> = {
  vi: [
    'MẪU NHẬP SỔ CHO VAY — hướng dẫn',
    '1. Mỗi sheet một loại dữ liệu: Borrowers (khách hàng), Loans (hợp đồng), Disbursements (giải ngân), Repayments (thu nợ), OpeningPositions (số dư đầu kỳ tại ngày chốt).',
    '2. Giữ nguyên dòng tiêu đề (tiếng Việt hoặc tiếng Anh đều được). Dòng 2 là ví dụ: xoá hoặc ghi đè.',
    '3. Ngày ghi dd/MM/yyyy hoặc yyyy-MM-dd. Số tiền là số nguyên đồng (không phần lẻ), có thể có dấu chấm phân cách nghìn.',
    '4. Các cột có danh sách chọn lấy từ dữ liệu của hệ thống (loại khách hàng, ngành VSIC, xã/phường 2025 của tỉnh, sản phẩm, nguồn vốn).',
    '5. Địa chỉ: chọn xã/phường 2025; nếu chỉ có địa chỉ cũ (trước 7/2025), ghi xã và huyện cũ, hệ thống đề xuất xã 2025 để cán bộ chọn.',
    '6. Cách nhập HISTORY: ghi đủ giải ngân và thu nợ; hệ thống tính lại lịch trả nợ, lãi, quá hạn, nhóm nợ và so với dư nợ theo sổ cũ (cột "Dư nợ gốc theo sổ cũ", "Lãi phải thu theo sổ cũ").',
    '7. Cách nhập OPENING: một dòng ở OpeningPositions với số dư tại ngày chốt (một ngày chốt cho cả tệp).',
    '8. Hợp đồng ký theo quy định cũ vượt hạn mức sản phẩm hiện nay được nhận là hợp đồng cũ (LEGACY), giữ nguyên điều khoản.',
    '9. Tải tệp lên để chạy thử: hệ thống liệt kê lỗi theo sheet, dòng, cột và quy tắc, chưa ghi gì vào sổ. Sau khi duyệt (người duyệt khác người tải lên), toàn bộ tệp được ghi sổ một lần.',
  ],
  en: [
    'LOAN BOOK IMPORT TEMPLATE — instructions',
    '1. One sheet per kind of data: Borrowers, Loans (contracts), Disbursements, Repayments, OpeningPositions (positions at the cut-over date).',
    '2. Keep the header row (Vietnamese or English). Row 2 is an example: delete or overwrite it.',
    '3. Dates as dd/MM/yyyy or yyyy-MM-dd. Amounts in whole đồng (no fraction), thousands separators allowed.',
    '4. Columns with a drop-down take their values from the system (borrower types, VSIC sections, the province’s 2025 communes, products, capital sources).',
    '5. Address: pick the 2025 commune; if only the pre-July-2025 address is known, give the former commune and district: the system proposes the 2025 commune for the officer to confirm.',
    '6. Way in HISTORY: every disbursement and repayment; the system replays the schedule, interest, arrears and debt groups and compares them with the old book’s figures.',
    '7. Way in OPENING: one OpeningPositions row with the position at the cut-over date (one cut-over date per workbook).',
    '8. Contracts signed under older rules that break today’s product limits are accepted as LEGACY, their terms kept as signed.',
    '9. Upload for a dry run: errors are listed by sheet, row, column and rule; nothing is written. After approval (by someone other than the uploader), the whole workbook is committed at once.',
  ],
};

/**
 * The workbook template (README "Bringing in an existing loan book"): an Instructions sheet, the
 * five data sheets with their headers (Vietnamese or English), an example row and drop-downs
 * filled from the reference data, and a hidden Lists sheet the drop-downs point at.
 */
@Injectable()
export class BookTemplatesService {
  constructor(
    private readonly context: BookContextService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async workbook(lang: Lang): Promise<{ fileName: string; buffer: Buffer }> {
    const lists = await this.lists(lang);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    wb.creator = 'htx-fund-lms';
    const ins = wb.addWorksheet(INSTRUCTIONS_SHEET);
    ins.getColumn(1).width = 140;
    INSTRUCTIONS[lang].forEach((line, i) => {
      const cell = ins.getCell(i + 1, 1);
      cell.value = line;
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (i === 0) cell.font = { bold: true, size: 14 };
    });
    const listRanges = this.writeLists(wb, lists);
    for (const sheet of BOOK_SHEETS) {
      const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
      const columns = BOOK_COLUMNS[sheet];
      ws.columns = columns.map((c) => ({ header: c[lang], key: c.key, width: c.width ?? 16 }));
      const header = ws.getRow(1);
      header.font = { bold: true };
      header.alignment = { wrapText: true, vertical: 'middle' };
      header.height = 32;
      columns.forEach((c, i) => {
        const note = lang === 'vi' ? c.noteVi : c.noteEn;
        if (note) header.getCell(i + 1).note = note;
        if (c.required) header.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      });
      for (const example of EXAMPLES[sheet]) ws.addRow(this.exampleRow(columns, example, lists));
      columns.forEach((c, i) => {
        const range = c.list ? listRanges.get(c.list) : undefined;
        if (!range) return;
        const letter = ws.getColumn(i + 1).letter;
        for (let r = 2; r <= VALIDATED_ROWS; r++) {
          ws.getCell(`${letter}${r}`).dataValidation = {
            type: 'list',
            allowBlank: !c.required,
            formulae: [range],
            showErrorMessage: c.list !== 'capitalSources',
            errorTitle: lang === 'vi' ? 'Giá trị không có trong danh sách' : 'Not in the list',
            error: lang === 'vi' ? 'Hãy chọn từ danh sách.' : 'Pick a value from the list.',
          };
        }
      });
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    return { fileName: lang === 'vi' ? 'mau-nhap-so-cho-vay.xlsx' : 'loan-book-template.xlsx', buffer };
  }

  private exampleRow(
    columns: readonly BookColumn[],
    example: Record<string, string | number>,
    lists: Map<ListSource, string[]>,
  ): Record<string, ExcelJS.CellValue> {
    const row: Record<string, ExcelJS.CellValue> = {};
    for (const c of columns) {
      let v: string | number | undefined = example[c.key];
      if (v === undefined && c.list && ['products', 'capitalSources', 'sectors'].includes(c.list)) v = lists.get(c.list)?.[0];
      if (v === undefined) continue;
      row[c.key] = c.kind === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
    }
    return row;
  }

  private async lists(lang: Lang): Promise<Map<ListSource, string[]>> {
    const m = this.db.manager;
    const sectors = await this.context.sectorList();
    const products = await this.context.productList(m);
    const sources = await this.context.capitalSourceList();
    return new Map<ListSource, string[]>([
      ['borrowerTypes', BORROWER_TYPES.filter((t) => t !== 'MEMBER')],
      ['communes', this.context.provinceCommunes().map((c) => `${c.code} — ${c.name}`)],
      ['sectors', sectors.map((s) => `${s.code} — ${lang === 'vi' ? s.nameVi : s.nameEn}`)],
      ['products', products.filter((p) => !p.retired).map((p) => p.code)],
      ['capitalSources', sources.map((s) => s.name)],
      ['frequencies', [...FREQUENCY_CHOICES]],
      ['modes', [...MODES]],
    ]);
  }

  /** One column per list on the hidden Lists sheet; returns each list's absolute range for the data validations. */
  private writeLists(wb: ExcelJS.Workbook, lists: Map<ListSource, string[]>): Map<ListSource, string> {
    const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    const out = new Map<ListSource, string>();
    [...lists.entries()].forEach(([name, values], i) => {
      const col = ws.getColumn(i + 1);
      col.width = 40;
      ws.getCell(1, i + 1).value = name;
      values.forEach((v, r) => (ws.getCell(r + 2, i + 1).value = v));
      if (values.length > 0) out.set(name, `${LISTS_SHEET}!$${col.letter}$2:$${col.letter}$${values.length + 1}`);
    });
    return out;
  }
}
