import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import { CommunesService } from '../../reference/index.js';
import {
  type Issuer,
  renderAcknowledgement,
  renderContract,
  renderReceipt,
  renderRestructuringDecision,
  renderWriteOffDecision,
} from '../render/loan-documents.render.js';
import { type ContractFacts, contractFacts, moneyEvent, restructuring, writeOff } from './document-data.repository.js';

export interface PrintedDocument {
  buffer: Buffer;
  fileName: string;
}

/**
 * The documents a fund prints for a loan (hợp đồng tín dụng, khế ước nhận nợ, phiếu thu, quyết
 * định xử lý rủi ro / cơ cấu lại): read-only, rendered from the recorded facts each time, so a
 * reprint always shows what the books say (a reversed repayment's receipt is stamped "ĐÃ HỦY").
 * Every document first passes the loan's read guard (a cooperative user: its own loans only).
 */
@Injectable()
export class LoanDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly communes: CommunesService,
  ) {}

  async contract(actor: Actor, loanId: string): Promise<PrintedDocument> {
    const c = await contractFacts(this.dataSource.manager, actor, loanId);
    return { buffer: await renderContract(c, this.issuer(c)), fileName: `hop-dong-tin-dung-${slug(c.contractNumber)}.pdf` };
  }

  async acknowledgement(actor: Actor, loanId: string, eventId: string): Promise<PrintedDocument> {
    const m = this.dataSource.manager;
    const c = await contractFacts(m, actor, loanId);
    const e = await moneyEvent(m, loanId, eventId, 'DISBURSEMENT');
    return { buffer: await renderAcknowledgement(c, e, this.issuer(c)), fileName: `khe-uoc-nhan-no-${slug(c.contractNumber)}-${e.ordinal}.pdf` };
  }

  async receipt(actor: Actor, loanId: string, eventId: string): Promise<PrintedDocument> {
    const m = this.dataSource.manager;
    const c = await contractFacts(m, actor, loanId);
    const e = await moneyEvent(m, loanId, eventId, 'REPAYMENT');
    return { buffer: await renderReceipt(c, e, this.issuer(c)), fileName: `phieu-thu-${e.id}.pdf` };
  }

  async writeOffDecision(actor: Actor, loanId: string, id: string): Promise<PrintedDocument> {
    const m = this.dataSource.manager;
    const c = await contractFacts(m, actor, loanId);
    const w = await writeOff(m, loanId, id);
    return { buffer: await renderWriteOffDecision(c, w, this.issuer(c)), fileName: `quyet-dinh-xu-ly-rui-ro-${w.id}.pdf` };
  }

  async restructuringDecision(actor: Actor, loanId: string, id: string): Promise<PrintedDocument> {
    const m = this.dataSource.manager;
    const c = await contractFacts(m, actor, loanId);
    const r = await restructuring(m, loanId, id);
    return { buffer: await renderRestructuringDecision(c, r, this.issuer(c)), fileName: `quyet-dinh-co-cau-no-${r.id}.pdf` };
  }

  private issuer(c: ContractFacts): Issuer {
    const commune = this.communes.find(c.communeCode);
    const province = commune?.provinceNameVi ?? '';
    return {
      fundName: this.config.fundName,
      place: this.communes.provinceName(this.config.fundProvinceCode) ?? '…',
      borrowerAddress: [commune?.nameVi, province].filter(Boolean).join(', '),
    };
  }
}

/** "HĐTD-2025/0001" → "HDTD-2025-0001": an ASCII file name. */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-');
}
