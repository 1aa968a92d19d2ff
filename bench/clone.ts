import type pg from 'pg';
import { LOAD_SESSION_SETTINGS } from './database.js';

/**
 * Clones the seed loans (one per shape, written by the services' rules) to `total` loans with
 * generate_series: copy k of seed loan i is loan number k × S + i. Every id is computed
 * (base + (k − 1) × seeds + ordinal), so references between the cloned rows are arithmetic,
 * not lookups, and the rows are inserted set-based, in parallel over two connections.
 */

interface Source {
  /** Product table the rows are cloned into. */
  table: string;
  /** SELECT of the seed rows with their ordinals: o_ord (own id), l_ord (loan), and the references' ordinals. */
  seed: string;
  /** Column → expression over s (the seed row), k (the copy) and the id maps. */
  overrides: (map: (table: string, ord: string) => string) => Record<string, string>;
  /** Whether a row belongs to one loan (partial last copy filters on l_ord). */
  perLoan: boolean;
  /** Seed columns that, after the copy number, put the rows in primary-key order. */
  order: string;
}

/** A directory every PostgreSQL server host has, for the clone's transfer files (removed as they are read). */
const SERVER_TMP = '/tmp';

const ORD = (orderBy: string): string => `(row_number() OVER (ORDER BY ${orderBy}) - 1)::bigint`;

const SOURCES: Source[] = [
  {
    table: 'borrowers',
    seed: `SELECT b.*, ${ORD('b.id')} AS o_ord, 0::bigint AS l_ord FROM borrowers b`,
    overrides: (map) => ({
      id: map('borrowers', 'o_ord'),
      identity_code: `'4' || lpad(${map('borrowers', 'o_ord')}::text, 9, '0')`,
      legal_name: `s.legal_name || ' #' || k`,
    }),
    perLoan: false,
    order: 's.o_ord',
  },
  {
    table: 'loans',
    seed: `SELECT l.*, ${ORD('l.id')} AS o_ord, ${ORD('l.id')} AS l_ord FROM loans l`,
    overrides: (map) => ({
      id: map('loans', 'l_ord'),
      application_id: map('loan_applications', 'a_ord'),
      borrower_id: map('borrowers', 'b_ord'),
      contract_number: `s.contract_number || '-' || lpad(k::text, 7, '0')`,
    }),
    perLoan: true,
    order: 's.l_ord',
  },
  {
    table: 'loan_applications',
    seed: `SELECT a.*, ${ORD('a.id')} AS o_ord, sl.l_ord, sb.o_ord AS b_ord
           FROM loan_applications a JOIN bench_seed_loans sl ON sl.application_id = a.id JOIN bench_seed_borrowers sb ON sb.id = a.borrower_id`,
    overrides: (map) => ({ id: map('loan_applications', 'o_ord'), borrower_id: map('borrowers', 'b_ord') }),
    perLoan: true,
    order: 's.o_ord',
  },
  {
    table: 'loan_installments',
    seed: `SELECT i.*, sl.l_ord FROM loan_installments i JOIN bench_seed_loans sl ON sl.id = i.loan_id`,
    overrides: (map) => ({ loan_id: map('loans', 'l_ord') }),
    perLoan: true,
    order: 's.l_ord, s.seq',
  },
  {
    table: 'loan_snapshots',
    seed: `SELECT x.*, sl.l_ord, sl.b_ord FROM loan_snapshots x JOIN bench_seed_loans sl ON sl.id = x.loan_id`,
    overrides: (map) => ({ loan_id: map('loans', 'l_ord'), borrower_id: map('borrowers', 'b_ord') }),
    perLoan: true,
    order: 's.l_ord',
  },
  {
    table: 'journal_transactions',
    seed: `SELECT t.*, ${ORD('t.id')} AS o_ord, sl.l_ord, sl.contract_number AS seed_contract
           FROM journal_transactions t JOIN bench_seed_loans sl ON sl.id = t.loan_id`,
    overrides: (map) => ({
      id: map('journal_transactions', 'o_ord'),
      loan_id: map('loans', 'l_ord'),
      description: `replace(s.description, s.seed_contract, s.seed_contract || '-' || lpad(k::text, 7, '0'))`,
    }),
    perLoan: true,
    order: 's.o_ord',
  },
  {
    table: 'journal_entries',
    seed: `SELECT e.*, ${ORD('e.id')} AS o_ord, st.l_ord, st.o_ord AS t_ord
           FROM journal_entries e JOIN bench_seed_journal_transactions st ON st.id = e.transaction_id`,
    overrides: (map) => ({ id: map('journal_entries', 'o_ord'), transaction_id: map('journal_transactions', 't_ord'), loan_id: map('loans', 'l_ord') }),
    perLoan: true,
    order: 's.o_ord',
  },
  {
    table: 'loan_events',
    seed: `SELECT v.*, ${ORD('v.id')} AS o_ord, sl.l_ord, st.o_ord AS t_ord
           FROM loan_events v JOIN bench_seed_loans sl ON sl.id = v.loan_id JOIN bench_seed_journal_transactions st ON st.id = v.journal_transaction_id`,
    overrides: (map) => ({ id: map('loan_events', 'o_ord'), loan_id: map('loans', 'l_ord'), journal_transaction_id: map('journal_transactions', 't_ord') }),
    perLoan: true,
    order: 's.o_ord',
  },
  {
    table: 'loan_event_allocations',
    seed: `SELECT a.*, ${ORD('a.id')} AS o_ord, sv.l_ord, sv.o_ord AS v_ord
           FROM loan_event_allocations a JOIN bench_seed_loan_events sv ON sv.id = a.event_id`,
    overrides: (map) => ({ id: map('loan_event_allocations', 'o_ord'), event_id: map('loan_events', 'v_ord') }),
    perLoan: true,
    order: 's.o_ord',
  },
];

export const CLONED_TABLES = SOURCES.map((s) => s.table);

export interface CloneStats {
  seconds: number;
  /** Seconds copying rows, and building the indexes dropped for the copy. */
  rowsSeconds: number;
  indexSeconds: number;
  rows: Record<string, number>;
}

async function columns(db: pg.Pool, table: string): Promise<string[]> {
  const r = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.column_name);
}

async function hasIdentity(db: pg.Pool, table: string): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = 'id' AND is_identity = 'YES'`,
    [table],
  );
  return r.rowCount === 1;
}

async function session(c: pg.PoolClient): Promise<void> {
  for (const [k, v] of LOAD_SESSION_SETTINGS) await c.query(`SET ${k} = '${v}'`);
}

/** Runs tasks over `jobs` connections. */
async function parallel(db: pg.Pool, jobs: number, tasks: Array<(c: pg.PoolClient) => Promise<void>>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    const c = await db.connect();
    try {
      await session(c);
      while (next < tasks.length) {
        const t = tasks[next];
        next += 1;
        await t(c);
      }
    } finally {
      c.release();
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
}

/** An index dropped for the clone and built again after it. */
interface Rebuild {
  table: string;
  /** CREATE INDEX statement. */
  create: string;
  /** ALTER TABLE … ADD CONSTRAINT … USING INDEX when the index backs a primary key or unique constraint. */
  constraint: string | null;
}

/**
 * Drops the indexes of the cloned tables that the copy can do without; returns how to build them
 * again. Secondary indexes, and the primary keys and unique constraints no foreign key depends on
 * (journal entries, installments, snapshots, allocations; the loans' application and contract
 * number keys): maintaining a B-tree row by row writes a WAL record per row, where a build after
 * the copy sorts once and writes whole pages. The constraints foreign keys reference (loans,
 * borrowers, applications, journal transactions, events) stay: dropping them would drop the keys.
 */
async function dropIndexes(db: pg.Pool): Promise<Rebuild[]> {
  const r = await db.query<{ tablename: string; indexname: string; indexdef: string; contype: string | null }>(
    `SELECT i.tablename, i.indexname, i.indexdef, c.contype FROM pg_indexes i
     LEFT JOIN pg_constraint c ON c.conname = i.indexname AND c.conrelid = ('public.' || i.tablename)::regclass
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND (c.oid IS NULL OR (c.contype IN ('p', 'u') AND NOT c.condeferrable
            AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)))`,
    [CLONED_TABLES],
  );
  const out: Rebuild[] = [];
  for (const x of r.rows) {
    if (x.contype === null) await db.query(`DROP INDEX ${x.indexname}`);
    else await db.query(`ALTER TABLE ${x.tablename} DROP CONSTRAINT ${x.indexname}`);
    out.push({
      table: x.tablename,
      create: x.indexdef,
      constraint:
        x.contype === null
          ? null
          : `ALTER TABLE ${x.tablename} ADD CONSTRAINT ${x.indexname} ${x.contype === 'p' ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${x.indexname}`,
    });
  }
  return out;
}

export async function cloneSeeds(db: pg.Pool, total: number, jobs: number, log: (m: string) => void): Promise<CloneStats> {
  const started = Date.now();
  const seeds = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM loans`)).rows[0].n);
  const copies = Math.ceil(total / seeds) - 1; // copy 0 is the seeds themselves
  const bases: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const s of SOURCES) {
    await db.query(`DROP TABLE IF EXISTS bench_seed_${s.table}`);
    await db.query(`CREATE UNLOGGED TABLE bench_seed_${s.table} AS ${s.seed}`);
    counts[s.table] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM bench_seed_${s.table}`)).rows[0].n);
    if (await hasIdentity(db, s.table))
      bases[s.table] = Number((await db.query<{ m: string }>(`SELECT coalesce(max(id), 0) AS m FROM ${s.table}`)).rows[0].m) + 1;
    if (s.table === 'loan_applications') {
      // Ordinals of the loans' references, looked up once in the small seed tables.
      await db.query(`ALTER TABLE bench_seed_loans ADD COLUMN a_ord bigint, ADD COLUMN b_ord bigint`);
      await db.query(`UPDATE bench_seed_loans l SET a_ord = a.o_ord, b_ord = a.b_ord FROM bench_seed_loan_applications a WHERE a.id = l.application_id`);
    }
  }
  const map = (table: string, ord: string): string => `(${bases[table]}::bigint + (k - 1) * ${counts[table]}::bigint + s.${ord})`;
  const rows: Record<string, number> = {};
  const tasks: Array<(c: pg.PoolClient) => Promise<void>> = [];
  const indexes = copies > 0 ? await dropIndexes(db) : [];
  for (const s of SOURCES) {
    const cols = await columns(db, s.table);
    const o = s.overrides(map);
    const select = cols.map((c) => o[c] ?? `s.${c}`).join(', ');
    const filter = s.perLoan ? `WHERE k::bigint * ${seeds} + s.l_ord < ${total}` : '';
    const per = Math.max(1, Math.floor(1_000_000 / Math.max(1, counts[s.table])));
    rows[s.table] = 0;
    for (let lo = 1; lo <= copies; lo += per) {
      const hi = Math.min(copies, lo + per - 1);
      tasks.push(async (c) => {
        // COPY FROM writes a page of rows per WAL record (heap_multi_insert); INSERT … SELECT writes
        // one per row and was ~2× slower. The rows go through a binary file on the database
        // server, read back and removed by the same COPY (superuser: server files and programs).
        // Ordered by copy then seed ordinal, so ids arrive ascending and the primary keys append.
        const file = `${SERVER_TMP}/lms_bench_clone_${process.pid}_${s.table}_${lo}.bin`;
        await c.query(
          `COPY (SELECT ${select} FROM generate_series(${lo}, ${hi}) k CROSS JOIN bench_seed_${s.table} s ${filter} ORDER BY k, ${s.order}) TO '${file}' (FORMAT binary)`,
        );
        const r = await c.query(`COPY ${s.table} (${cols.join(', ')}) FROM PROGRAM 'cat ${file} && rm -f ${file}' (FORMAT binary)`);
        rows[s.table] += r.rowCount ?? 0;
      });
    }
  }
  log(`clone: ${seeds} seed loans × ${copies} copies in ${tasks.length} statements over ${jobs} connections`);
  await parallel(db, jobs, tasks);
  const cloned = Date.now();
  log(`clone: rows inserted in ${((cloned - started) / 1000).toFixed(1)} s; rebuilding ${indexes.length} indexes`);
  // Largest tables first, so the two connections finish together (each build also uses the
  // parallel maintenance workers of LOAD_SESSION_SETTINGS).
  const size = (t: string): number => rows[t] ?? 0;
  await parallel(
    db,
    jobs,
    [...indexes]
      .sort((a, b) => size(b.table) - size(a.table))
      .map((x) => async (c: pg.PoolClient) => {
        await c.query(x.create);
        if (x.constraint) await c.query(x.constraint);
      }),
  );
  for (const t of CLONED_TABLES) {
    if (bases[t] !== undefined) await db.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM ${t}))`, [t]);
  }
  for (const s of SOURCES) await db.query(`DROP TABLE bench_seed_${s.table}`);
  log(`clone: indexes rebuilt in ${((Date.now() - cloned) / 1000).toFixed(1)} s`);
  return { seconds: (Date.now() - started) / 1000, rowsSeconds: (cloned - started) / 1000, indexSeconds: (Date.now() - cloned) / 1000, rows };
}
