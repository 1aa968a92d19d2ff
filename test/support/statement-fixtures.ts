import ExcelJS from 'exceljs';

/**
 * Bank statements laid out as two Vietnamese banks' internet-banking exports (a title block above a
 * bilingual header, debits and credits in two columns, a totals row at the bottom), for the import tests.
 */
export interface Credit {
  date: string; // dd/MM/yyyy
  amount: number;
  reference: string;
  description: string;
}

/** Vietcombank-like XLSX: date cells, number cells, "Số tiền ghi có" and "Nội dung/Diễn giải". */
export async function vietcombankXlsx(credits: readonly Credit[], debits = 1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sao ke');
  ws.addRow(['NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM']);
  ws.addRow(['SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT']);
  ws.addRow(['Số tài khoản / Account number: 0011004123456', '', 'Quỹ Hỗ trợ phát triển HTX tỉnh Thái Nguyên']);
  ws.addRow(['Từ ngày 01/03/2025 đến ngày 31/03/2025']);
  ws.addRow([]);
  ws.addRow([
    'STT\nNo.',
    'Ngày giao dịch\nTransaction date',
    'Số tham chiếu\nReference No.',
    'Số tiền ghi nợ\nDebit',
    'Số tiền ghi có\nCredit',
    'Số dư\nBalance',
    'Nội dung/Diễn giải\nDescription',
  ]);
  let n = 0;
  for (let i = 0; i < debits; i += 1) ws.addRow([(n += 1), '05/03/2025 08:15:00', `DR${i}`, 250000, null, 1000000000, 'Phi quan ly tai khoan']);
  for (const c of credits) {
    const [d, m, y] = c.date.split('/').map(Number);
    ws.addRow([(n += 1), new Date(Date.UTC(y, m - 1, d)), c.reference, null, c.amount, 1000000000 + c.amount, c.description]);
  }
  ws.addRow(['Tổng cộng / Total', '', '', 250000 * debits, credits.reduce((s, c) => s + c.amount, 0), '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** BIDV-like CSV: "Ngày hiệu lực", "Số bút toán", "Ghi nợ", "Ghi có" with dotted thousands, "Mô tả". */
export function bidvCsv(credits: readonly Credit[]): string {
  const dotted = (n: number): string => n.toLocaleString('de-DE');
  const rows = [
    'NGAN HANG TMCP DAU TU VA PHAT TRIEN VIET NAM (BIDV),,,,,',
    'Sao ke tai khoan 21510001234567,,,,,',
    'Ngày hiệu lực,Số bút toán,Ghi nợ,Ghi có,Số dư,Mô tả',
    '03/03/2025,RV001,"1.000.000",,"999.000.000",Chuyen tien di',
    ...credits.map((c) => `${c.date},${c.reference},,"${dotted(c.amount)}","${dotted(1000000000 + c.amount)}","${c.description}"`),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** An export whose headers no rule recognises ("Thời gian", "Chi tiết"): the officer maps it once. */
export async function unrecognisedXlsx(credits: readonly Credit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Statement');
  ws.addRow(['Lịch sử giao dịch']);
  ws.addRow(['Thời gian', 'Mã GD', 'Tiền ra', 'Tiền gửi vào', 'Chi tiết']);
  for (const c of credits) ws.addRow([`${c.date} 10:00:00`, c.reference, '', c.amount.toLocaleString('en-US'), c.description]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
