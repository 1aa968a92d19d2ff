/**
 * VietQR: the NAPAS 247 profile of the EMVCo merchant-presented QR code (EMV QRCPS v1.1), for an
 * inter-bank transfer to an account (service QRIBFTTA). Pure: a bank app that scans the payload
 * fills in the fund's bank, account, the amount and the purpose, which carries the loan's contract
 * number so that the bank statement import finds the loan (domain.md "Repayment": the statement
 * line's reference names the contract).
 *
 * Every data object is ID (2 digits) + length (2 digits) + value. Values here are ASCII only, so
 * the length in characters is the length in bytes the specification counts.
 */

/** NAPAS's application identifier (GUID) in the merchant account information of a VietQR. */
export const NAPAS_GUID = 'A000000727';
/** Inter-bank fund transfer 24/7 to an account (QRIBFTTC would be to a card). */
export const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
/** ISO 4217 numeric code of the đồng. */
export const CURRENCY_VND = '704';

export interface VietQrInput {
  /** The beneficiary bank's 6-digit BIN (NAPAS acquirer id), e.g. 970405 (Agribank). */
  bankBin: string;
  /** The beneficiary account number, up to 19 letters or digits. */
  accountNumber: string;
  /** Whole đồng as a decimal string: the specification's amount field (ID 54), at most 13 characters. */
  amount: string;
  /** Purpose of transaction (ID 62, sub-ID 08), ASCII, at most 25 characters; see vietQrPurpose. */
  purpose: string;
}

export class VietQrInputError extends Error {
  constructor(
    readonly field: keyof VietQrInput,
    message: string,
  ) {
    super(message);
    this.name = 'VietQrInputError';
  }
}

/** One EMVCo data object: ID, two-digit length, value. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`EMVCo data object id must be two digits: ${id}`);
  if (value.length > 99) throw new Error(`EMVCo data object ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR), the
 * checksum EMV QRCPS §4.7.3 prescribes, as 4 upper-case hex digits.
 */
export function crc16CcittFalse(data: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(data, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The purpose written into the transfer: the contract number folded to ASCII (Vietnamese
 * diacritics and đ dropped), because many bank apps and the NAPAS "ans" character set refuse them;
 * the statement import folds the same way before matching ("HDTD-2025-000001" finds HĐTD-2025-000001).
 */
export function vietQrPurpose(contractNumber: string): string {
  const folded = contractNumber
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 ./-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (folded.length === 0 || folded.length > 25)
    throw new VietQrInputError('purpose', `the contract number "${contractNumber}" does not fit the 25-character purpose field`);
  return folded;
}

/**
 * The payload of a dynamic VietQR (point of initiation 12: the amount is set and the code is for
 * one payment) to the account, ending with its CRC. Field order and content:
 *   00 "01" payload format · 01 "12" dynamic · 38 merchant account information
 *   { 00 GUID A000000727 · 01 beneficiary { 00 BIN · 01 account } · 02 QRIBFTTA } ·
 *   53 "704" · 54 amount · 58 "VN" · 62 additional data { 08 purpose } · 63 CRC over all of it + "6304".
 */
export function buildVietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new VietQrInputError('bankBin', 'the bank BIN must be 6 digits');
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) throw new VietQrInputError('accountNumber', 'the account number must be 1–19 letters or digits');
  if (!/^[1-9]\d{0,12}$/.test(input.amount)) throw new VietQrInputError('amount', 'the amount must be a positive whole number of đồng, at most 13 digits');
  if (!/^[\x20-\x7e]{1,25}$/.test(input.purpose)) throw new VietQrInputError('purpose', 'the purpose must be 1–25 printable ASCII characters');
  const beneficiary = tlv('00', input.bankBin) + tlv('01', input.accountNumber);
  const merchantAccount = tlv('00', NAPAS_GUID) + tlv('01', beneficiary) + tlv('02', SERVICE_TO_ACCOUNT);
  const body =
    tlv('00', '01') +
    tlv('01', '12') +
    tlv('38', merchantAccount) +
    tlv('53', CURRENCY_VND) +
    tlv('54', input.amount) +
    tlv('58', 'VN') +
    tlv('62', tlv('08', input.purpose)) +
    '6304';
  return body + crc16CcittFalse(body);
}
