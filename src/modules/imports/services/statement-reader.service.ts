import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { createHash } from 'node:crypto';
import { TransactionRunner } from '../../../platform/database/index.js';
import { DomainError } from '../../../platform/errors/index.js';
import { Money } from '../../../platform/money/money.js';
import type { Actor } from '../../../platform/actor/index.js';
import { readStatementCsv } from '../domain/statement-csv.js';
import type { BankCode, ColumnMapping } from '../domain/statement-columns.js';
import type { StatementRead } from '../domain/statement-table.js';
import { isXlsx, readStatementXlsx } from '../domain/statement-xlsx.js';
import type { BankMappingDto, PreviewStatementDto, StatementPreviewDto } from '../dto/repayment-import.dto.js';
import { ImportErrors } from '../imports.errors.js';

export type MappingSource = 'GIVEN' | 'REMEMBERED' | 'RECOGNISED' | 'NONE';

/** A statement file read with the mapping that fits it, and what identifies the file. */
export interface ReadStatement {
  format: 'CSV' | 'XLSX';
  sha256: string;
  read: StatementRead;
  mappingSource: MappingSource;
}

interface MappingRow {
  bank_code: string;
  date_column: string;
  amount_column: string;
  reference_column: string | null;
  description_column: string;
  updated_by_name: string;
  updated_at: Date;
}

const toMapping = (r: MappingRow): ColumnMapping => ({
  date: r.date_column,
  amount: r.amount_column,
  reference: r.reference_column,
  description: r.description_column,
});

/**
 * Reads a bank statement, CSV or XLSX, with the officer's mapping, or the one remembered for the bank,
 * or the headers it recognises (README "Restructuring, write-off, reminders and statement imports");
 * remembers the mapping used for the bank once a statement is imported with it.
 */
@Injectable()
export class StatementReaderService {
  constructor(private readonly tx: TransactionRunner) {}

  async read(dto: PreviewStatementDto): Promise<ReadStatement> {
    const bytes = dto.contentBase64 !== undefined ? Buffer.from(dto.contentBase64, 'base64') : Buffer.from(dto.content ?? '', 'utf8');
    const xlsx = isXlsx(bytes);
    const sha256 = createHash('sha256')
      .update(dto.contentBase64 !== undefined ? bytes : (dto.content ?? ''))
      .digest('hex');
    const readWith = (mapping?: ColumnMapping): Promise<StatementRead> =>
      xlsx ? readStatementXlsx(bytes, mapping) : Promise.resolve(readStatementCsv(bytes.toString('utf8'), mapping));
    const format = xlsx ? 'XLSX' : 'CSV';
    if (dto.mapping) {
      return { format, sha256, read: await readWith({ ...dto.mapping, reference: dto.mapping.reference ?? null }), mappingSource: 'GIVEN' };
    }
    const remembered = dto.bankCode ? await this.remembered(this.tx.manager, dto.bankCode) : null;
    if (remembered) {
      const read = await readWith(remembered);
      // A bank that changed its export: the headers recognised are proposed instead of a mapping that no longer fits.
      if (read.mapping !== null) return { format, sha256, read, mappingSource: 'REMEMBERED' };
    }
    const read = await readWith();
    return { format, sha256, read, mappingSource: read.mapping ? 'RECOGNISED' : 'NONE' };
  }

  /** What the file would give, problems included (not thrown): the officer adjusts the mapping from here. */
  async preview(_actor: Actor, dto: PreviewStatementDto): Promise<StatementPreviewDto> {
    const { format, read, mappingSource } = await this.read(dto);
    if (read.problems.some((p) => p.line === 0)) this.refuse(read);
    const total = read.lines.reduce((s, l) => s.plus(l.amount), new Money(0));
    return {
      format,
      bankCode: dto.bankCode ?? null,
      headerLine: read.headerLine,
      headerRow: read.headers,
      mapping: read.mapping,
      mappingSource,
      lineCount: read.lines.length,
      skipped: read.skipped,
      total: total.toFixed(),
      sample: read.lines
        .slice(0, 10)
        .map((l) => ({ lineNo: l.lineNo, valueDate: l.valueDate, amount: l.amount.toFixed(), reference: l.reference, description: l.description })),
      problems: read.problems.slice(0, 100).map((p) => ({ line: p.line, rule: p.rule, message: p.message })),
    };
  }

  /** IMPORT.MALFORMED_FILE with one entry per problem, field "line N" (or "file"). */
  refuse(read: StatementRead): never {
    const errors = read.problems.map((p) => ({ field: p.line === 0 ? 'file' : `line ${p.line}`, rule: p.rule, message: p.message }));
    throw new DomainError(ImportErrors['IMPORT.MALFORMED_FILE'], { count: errors.length }, errors);
  }

  /** The mapping used becomes the bank's remembered one (in the upload's transaction). */
  async remember(m: EntityManager, actor: Actor, bankCode: BankCode, mapping: ColumnMapping): Promise<void> {
    await m.query(
      `INSERT INTO statement_column_mappings (bank_code, date_column, amount_column, reference_column, description_column, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (bank_code) DO UPDATE SET date_column = $2, amount_column = $3, reference_column = $4, description_column = $5, updated_by = $6, updated_at = now()`,
      [bankCode, mapping.date, mapping.amount, mapping.reference, mapping.description, actor.userId],
    );
  }

  async bankMappings(): Promise<BankMappingDto[]> {
    const rows: MappingRow[] = await this.tx.manager.query(
      `SELECT m.*, u.display_name AS updated_by_name FROM statement_column_mappings m JOIN users u ON u.id = m.updated_by ORDER BY m.bank_code`,
    );
    return rows.map((r) => ({ bankCode: r.bank_code, mapping: toMapping(r), updatedBy: r.updated_by_name, updatedAt: new Date(r.updated_at).toISOString() }));
  }

  private async remembered(m: EntityManager, bankCode: string): Promise<ColumnMapping | null> {
    const [row] = (await m.query(`SELECT * FROM statement_column_mappings WHERE bank_code = $1`, [bankCode])) as MappingRow[];
    return row ? toMapping(row) : null;
  }
}
