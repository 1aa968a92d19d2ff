import { describe, expect, it } from '@jest/globals';
import { contractNumberFinder } from '../../imports/index.js';
import { buildVietQrPayload, crc16CcittFalse, tlv, vietQrPurpose, VietQrInputError } from './vietqr.js';

/** A small EMVCo TLV reader: ID (2) + length (2) + value, repeated; refuses trailing garbage. */
function parseTlv(s: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < s.length) {
    const id = s.slice(i, i + 2);
    const len = Number(s.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(s.slice(i + 2, i + 4)) || i + 4 + len > s.length) throw new Error(`bad TLV at ${i}: ${s.slice(i)}`);
    if (out.has(id)) throw new Error(`duplicate id ${id}`);
    out.set(id, s.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

/** The CRC recomputed bit by bit from the polynomial, independently of the product's table-free loop. */
function referenceCrc(data: string): number {
  const bits = [...Buffer.from(data, 'latin1')].flatMap((b) => Array.from({ length: 8 }, (_, k) => (b >> (7 - k)) & 1));
  let reg = 0xffff;
  for (const bit of bits) {
    const top = (reg >> 15) & 1;
    reg = (reg << 1) & 0xffff;
    if (top ^ bit) reg ^= 0x1021;
  }
  return reg;
}

describe('VietQR payload (NAPAS 247 / EMVCo merchant-presented)', () => {
  const input = { bankBin: '970405', accountNumber: '3900205123456', amount: '102465753', purpose: vietQrPurpose('HĐTD-2025-000001') };
  const payload = buildVietQrPayload(input);

  it('decodes field by field to what was asked, in the specification’s order', () => {
    const root = parseTlv(payload);
    expect([...root.keys()]).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
    expect(root.get('00')).toBe('01');
    expect(root.get('01')).toBe('12');
    const merchant = parseTlv(root.get('38') ?? '');
    expect([...merchant.keys()]).toEqual(['00', '01', '02']);
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    const beneficiary = parseTlv(merchant.get('01') ?? '');
    expect(Object.fromEntries(beneficiary)).toEqual({ '00': '970405', '01': '3900205123456' });
    expect(root.get('53')).toBe('704');
    expect(root.get('54')).toBe('102465753');
    expect(root.get('58')).toBe('VN');
    expect(Object.fromEntries(parseTlv(root.get('62') ?? ''))).toEqual({ '08': 'HDTD-2025-000001' });
    // The CRC covers everything before it including its own ID and length "6304".
    const crc = root.get('63') ?? '';
    expect(crc).toMatch(/^[0-9A-F]{4}$/);
    expect(payload.endsWith(`6304${crc}`)).toBe(true);
    expect(parseInt(crc, 16)).toBe(referenceCrc(payload.slice(0, -4)));
  });

  it('puts the contract number where the bank statement import finds it', () => {
    const purpose = parseTlv(parseTlv(payload).get('62') ?? '').get('08') ?? '';
    const find = contractNumberFinder('HĐTD-{yyyy}-{seq:6}', (y, s) => `HĐTD-${y}-${String(s).padStart(6, '0')}`);
    expect(find(purpose)).toEqual(['HĐTD-2025-000001']);
  });

  it('reproduces a published VietQR payload and its CRC byte for byte', () => {
    // subiz/vietqr README: 120,000 VND to VietinBank (970415) account 0011001932418, "ung ho lu lut".
    const published = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    expect(buildVietQrPayload({ bankBin: '970415', accountNumber: '0011001932418', amount: '120000', purpose: 'ung ho lu lut' })).toBe(published);
    expect(crc16CcittFalse(published.slice(0, -4))).toBe('C15C');
  });

  it('computes CRC-16/CCITT-FALSE (check value of "123456789" is 29B1)', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
    expect(crc16CcittFalse('')).toBe('FFFF');
    expect(crc16CcittFalse('A')).toBe(referenceCrc('A').toString(16).toUpperCase().padStart(4, '0'));
  });

  it('writes lengths as two digits', () => {
    expect(tlv('54', '5')).toBe('54015');
    expect(() => tlv('62', 'x'.repeat(100))).toThrow(/longer than 99/);
  });

  it.each([
    ['HĐTD-2025-000001', 'HDTD-2025-000001'],
    ['hđtd/2024/17', 'hdtd/2024/17'],
    ['Số HĐ: 12 — Lúa', 'So HD 12 Lua'],
  ])('folds the purpose %s to ASCII: %s', (contract, purpose) => {
    expect(vietQrPurpose(contract)).toBe(purpose);
  });

  it.each([
    [{ bankBin: '97040' }, 'bankBin'],
    [{ bankBin: '97040X' }, 'bankBin'],
    [{ accountNumber: '' }, 'accountNumber'],
    [{ accountNumber: '12345678901234567890' }, 'accountNumber'],
    [{ accountNumber: '123 456' }, 'accountNumber'],
    [{ amount: '0' }, 'amount'],
    [{ amount: '1000.50' }, 'amount'],
    [{ amount: '-5' }, 'amount'],
    [{ amount: '12345678901234' }, 'amount'],
    [{ purpose: 'HĐTD-1' }, 'purpose'],
    [{ purpose: 'x'.repeat(26) }, 'purpose'],
  ])('refuses %j (field %s)', (bad, field) => {
    let error: unknown;
    try {
      buildVietQrPayload({ ...input, ...bad });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VietQrInputError);
    expect((error as VietQrInputError).field).toBe(field);
  });

  it('refuses a contract number too long for the purpose field', () => {
    expect(() => vietQrPurpose('HĐTD-2025-000001-PHỤ-LỤC-SỐ-2')).toThrow(VietQrInputError);
  });
});
