import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, isUniqueViolation } from '../../../platform/database/index.js';
import { DomainError, notFound } from '../../../platform/errors/index.js';
import { offsetOf, type Page, type PageQueryDto } from '../../../platform/http/index.js';
import { Money } from '../../../platform/money/index.js';
import { BusinessDateService } from '../../business-date/index.js';
import { LedgerService, credit, debit } from '../../ledger/index.js';
import { AuditService } from '../../audit/index.js';
import type { Actor } from '../../../platform/actor/index.js';
import type {
  CapitalMovementDto,
  CapitalSourceDto,
  CapitalSourceKind,
  CreateCapitalMovementDto,
  CreateCapitalSourceDto,
  MovementKind,
} from '../dto/capital-source.dto.js';
import { FundErrors } from '../funds.errors.js';

interface SourceRow {
  id: string;
  name: string;
  kind: CapitalSourceKind;
  bears_credit_risk: boolean;
  created_at: Date;
  capital: string;
  disbursed: string;
  repaid_principal: string;
  outstanding_principal: string;
  committed: string;
  available: string;
}

interface MovementRow {
  id: string;
  capital_source_id: string;
  kind: MovementKind;
  movement_date: string;
  reference: string;
  amount: string;
  note: string | null;
  created_at: Date;
}

/** Figures come from the capital_source_figures view (domain.md "Capital sources"); loans feed it later. */
const SELECT = `SELECT s.id, s.name, s.kind, s.bears_credit_risk, s.created_at, f.capital::text AS capital, f.disbursed::text AS disbursed,
  f.repaid_principal::text AS repaid_principal, f.outstanding_principal::text AS outstanding_principal, f.committed::text AS committed,
  f.available::text AS available
  FROM capital_sources s JOIN capital_source_figures f ON f.capital_source_id = s.id`;
const ID = /^\d{1,19}$/;

const toDto = (r: SourceRow): CapitalSourceDto => ({
  id: String(r.id),
  name: r.name,
  kind: r.kind,
  bearsCreditRisk: r.bears_credit_risk,
  capital: r.capital,
  disbursed: r.disbursed,
  repaidPrincipal: r.repaid_principal,
  outstanding: r.outstanding_principal,
  committed: r.committed,
  available: r.available,
  createdAt: r.created_at.toISOString(),
});

const toMovement = (r: MovementRow): CapitalMovementDto => ({
  id: String(r.id),
  capitalSourceId: String(r.capital_source_id),
  kind: r.kind,
  movementDate: r.movement_date,
  reference: r.reference,
  amount: r.amount,
  note: r.note,
  createdAt: r.created_at.toISOString(),
});

@Injectable()
export class CapitalSourcesService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly businessDate: BusinessDateService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateCapitalSourceDto): Promise<CapitalSourceDto> {
    try {
      return await this.tx.run(async (m) => {
        const [{ id }] = (await m.query(`INSERT INTO capital_sources (name, kind, bears_credit_risk, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
          dto.name,
          dto.kind,
          dto.bearsCreditRisk,
          actor.userId,
        ])) as Array<{ id: string }>;
        const created = await this.findOne(m, String(id));
        await this.audit.record(m, actor, { action: 'capital-source.create', entityType: 'capital-source', entityId: created.id, after: created });
        return created;
      });
    } catch (e) {
      if (isUniqueViolation(e, 'capital_sources_name_key')) throw new DomainError(FundErrors['CAPITAL_SOURCE.NAME_TAKEN'], { name: dto.name });
      throw e;
    }
  }

  async list(_actor: Actor, q: PageQueryDto): Promise<Page<CapitalSourceDto>> {
    const rows: SourceRow[] = await this.tx.manager.query(`${SELECT} ORDER BY s.id LIMIT $1 OFFSET $2`, [q.pageSize, offsetOf(q)]);
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM capital_sources`)) as Array<{ total: number }>;
    return { items: rows.map(toDto), page: q.page, pageSize: q.pageSize, total };
  }

  async get(_actor: Actor, id: string): Promise<CapitalSourceDto> {
    return this.findOne(this.tx.manager, id);
  }

  /**
   * Capital changes only through movements (docs/domain.md "Capital sources"). A withdrawal may not take the source
   * below what is lent or committed. The ledger issue posts each movement as a ledger transaction.
   */
  async addMovement(actor: Actor, id: string, dto: CreateCapitalMovementDto): Promise<CapitalMovementDto> {
    return this.tx.run(async (m) => {
      const source = await this.findOne(m, id, true);
      if (dto.kind === 'WITHDRAWAL') {
        const free = new Money(source.available).minus(source.committed);
        if (new Money(dto.amount).gt(free)) {
          throw new DomainError(FundErrors['CAPITAL_SOURCE.WITHDRAWAL_ABOVE_AVAILABLE'], { limit: free.toFixed(), actual: dto.amount });
        }
      }
      const [row] = (await m.query(
        `INSERT INTO capital_movements (capital_source_id, kind, movement_date, reference, amount, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, capital_source_id, kind, movement_date::text AS movement_date, reference, amount::text AS amount, note, created_at`,
        [id, dto.kind, dto.movementDate, dto.reference, dto.amount, dto.note ?? null, actor.userId],
      )) as MovementRow[];
      const movement = toMovement(row);
      // Every capital movement is a ledger transaction: Dr cash / Cr the source's capital
      // for an allocation, the reverse for a withdrawal.
      const amount = new Money(dto.amount);
      const dims = { capitalSourceId: id };
      const lines =
        dto.kind === 'ALLOCATION'
          ? [debit('CASH', amount, dims), credit('SOURCE_CAPITAL', amount, dims)]
          : [debit('SOURCE_CAPITAL', amount, dims), credit('CASH', amount, dims)];
      await this.ledger.post(
        m,
        actor,
        {
          kind: 'CAPITAL_MOVEMENT',
          valueDate: dto.movementDate,
          bookingDate: await this.businessDate.current(m),
          capitalSourceId: id,
          description: `${dto.kind === 'ALLOCATION' ? 'Cấp vốn' : 'Rút vốn'} ${dto.reference}`,
        },
        lines,
      );
      const after = await this.findOne(m, id);
      await this.audit.record(m, actor, {
        action: `capital-source.${dto.kind.toLowerCase()}`,
        entityType: 'capital-source',
        entityId: id,
        before: source,
        after: { ...after, movement },
      });
      return movement;
    });
  }

  async listMovements(_actor: Actor, id: string, q: PageQueryDto): Promise<Page<CapitalMovementDto>> {
    await this.findOne(this.tx.manager, id);
    const rows: MovementRow[] = await this.tx.manager.query(
      `SELECT id, capital_source_id, kind, movement_date::text AS movement_date, reference, amount::text AS amount, note, created_at
       FROM capital_movements WHERE capital_source_id = $1 ORDER BY movement_date, id LIMIT $2 OFFSET $3`,
      [id, q.pageSize, offsetOf(q)],
    );
    const [{ total }] = (await this.tx.manager.query(`SELECT count(*)::int AS total FROM capital_movements WHERE capital_source_id = $1`, [id])) as Array<{
      total: number;
    }>;
    return { items: rows.map(toMovement), page: q.page, pageSize: q.pageSize, total };
  }

  /**
   * For the applications module: capital − outstanding − approved-but-undisbursed, locking the
   * source so concurrent approvals on it queue.
   */
  async availableForNewLoans(m: EntityManager, id: string): Promise<Money> {
    const s = await this.findOne(m, id, true);
    return new Money(s.available).minus(s.committed);
  }

  private async findOne(m: EntityManager, id: string, forUpdate = false): Promise<CapitalSourceDto> {
    if (!ID.test(id)) throw notFound('capital source', id);
    if (forUpdate) await m.query(`SELECT 1 FROM capital_sources WHERE id = $1 FOR UPDATE`, [id]);
    const rows: SourceRow[] = await m.query(`${SELECT} WHERE s.id = $1`, [id]);
    if (!rows[0]) throw notFound('capital source', id);
    return toDto(rows[0]);
  }
}
