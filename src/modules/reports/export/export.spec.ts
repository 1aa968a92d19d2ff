import { describe, expect, it } from '@jest/globals';
import { renderCsv } from './csv.js';
import { pdfCell, viNumber } from './pdf.js';
import type { ReportTable } from './report-table.js';

const table: ReportTable = {
  title: 'Báo cáo',
  subtitle: [],
  columns: [
    { key: 'name', header: 'Ngành', kind: 'text' },
    { key: 'amount', header: 'Dư nợ', kind: 'vnd' },
    { key: 'share', header: 'Tỷ trọng', kind: 'percent' },
    { key: 'ratio', header: 'PAR30', kind: 'ratio' },
  ],
  rows: [{ name: 'Nông nghiệp, lâm nghiệp và thủy sản', amount: '65000000000', share: '65.0', ratio: '0.01250025' }],
  totals: { name: 'Tổng "cộng"', amount: '100000000000', share: '100.0', ratio: null },
};

describe('exports', () => {
  it('CSV: UTF-8 with a BOM, RFC 4180 quoting, ratios as fractions rounded half-up to 6 places', () => {
    const text = renderCsv(table).buffer.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Ngành,Dư nợ,Tỷ trọng (%),PAR30',
      '"Nông nghiệp, lâm nghiệp và thủy sản",65000000000,65.0,0.012500',
      '"Tổng ""cộng""",100000000000,100.0,',
      '',
    ]);
  });

  it('PDF cells use the Vietnamese number style from the decimal strings', () => {
    expect(viNumber('1234567')).toBe('1.234.567');
    expect(viNumber('-1000')).toBe('-1.000');
    expect(viNumber('65.0')).toBe('65,0');
    expect(pdfCell(table.columns[3], '0.01250025')).toBe('1,2500%');
    expect(pdfCell(table.columns[3], '0.0212125')).toBe('2,1213%');
    expect(pdfCell(table.columns[2], '100.0')).toBe('100,0%');
  });
});
