import { describe, expect, it } from '@jest/globals';
import { decideContentType } from './content-policy.js';

describe('content policy (judged from the bytes)', () => {
  it.each([
    [{ ext: 'pdf', mime: 'application/pdf' }, 'x.exe', 'application/pdf'],
    [{ ext: 'jpg', mime: 'image/jpeg' }, 'photo', 'image/jpeg'],
    [
      { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      'bctc.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [{ ext: 'cfb', mime: 'application/x-cfb' }, 'dieu-le.DOC', 'application/msword'],
    [{ ext: 'cfb', mime: 'application/x-cfb' }, 'bang.xls', 'application/vnd.ms-excel'],
  ])('accepts %j named %s as %s', (detected, name, contentType) => {
    expect(decideContentType(detected, name)).toEqual({ accepted: true, contentType });
  });

  it.each([
    [{ ext: 'exe', mime: 'application/x-msdownload' }, 'bao-cao.pdf', 'application/x-msdownload'],
    [{ ext: 'elf', mime: 'application/x-elf' }, 'anh.jpg', 'application/x-elf'],
    [{ ext: 'cfb', mime: 'application/x-cfb' }, 'setup.msi', 'application/x-cfb'],
    [{ ext: 'zip', mime: 'application/zip' }, 'hoso.docx', 'application/zip'],
    [undefined, 'ghi-chu.txt', 'unknown'],
  ])('refuses %j named %s', (detected, name, shown) => {
    expect(decideContentType(detected, name)).toEqual({ accepted: false, detected: shown });
  });
});
