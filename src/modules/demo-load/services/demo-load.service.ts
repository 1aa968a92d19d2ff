import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DemoProgressDto, DemoState, DemoStatusDto } from '../dto/demo-status.dto.js';

/** A load that has not beaten its heartbeat for this long was interrupted (its process died). */
export const DEMO_LOAD_STALE_SECONDS = 60;
/** Other processes re-read the row at most this often; the loading process knows its own state. */
const CACHE_MS = 2_000;
const HEARTBEAT_MS = 10_000;
/** Progress is written at most once a second (and at every phase change). */
const WRITE_EVERY_MS = 1_000;

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

interface MarkerRow {
  state: 'LOADING' | 'READY' | 'FAILED';
  phase: string;
  done: number;
  total: number | null;
  /** '{}' until the first progress write. */
  progress: Partial<DemoProgressDto>;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
  stale: boolean;
}

/** The marker row as a status; a LOADING row without a recent heartbeat is a load a crash interrupted. */
export async function readDemoMarker(query: Query): Promise<DemoStatusDto> {
  const [row] = (await query(
    `SELECT state, phase, done, total, progress, started_at, finished_at, error, heartbeat_at < now() - make_interval(secs => $1) AS stale FROM demo_load WHERE id = 1`,
    [DEMO_LOAD_STALE_SECONDS],
  )) as MarkerRow[];
  if (!row) return { state: 'absent', phase: null, done: 0, total: null, progress: null, startedAt: null, finishedAt: null, error: null };
  const interrupted = row.state === 'LOADING' && row.stale;
  const state: DemoState = interrupted ? 'failed' : (row.state.toLowerCase() as DemoState);
  return {
    state,
    phase: row.phase,
    done: row.done,
    total: row.total,
    progress: row.progress.borrowers ? (row.progress as DemoProgressDto) : null,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: interrupted
      ? `interrupted: no progress for ${DEMO_LOAD_STALE_SECONDS} s (the loading process stopped); the next quick start loads the demo again`
      : row.error,
  };
}

/**
 * Writes the marker as LOADING (phase, a fresh heartbeat). A quick start calls it before it
 * listens, so the first request already finds the demo loading.
 */
export async function markDemoLoading(query: Query, phase: string): Promise<void> {
  await query(
    `INSERT INTO demo_load (id, state, phase, done, total, progress, started_at, finished_at, heartbeat_at, error)
     VALUES (1, 'LOADING', $1, 0, NULL, '{}', now(), NULL, now(), NULL)
     ON CONFLICT (id) DO UPDATE SET state = 'LOADING', phase = $1, done = 0, total = NULL, progress = '{}', started_at = now(), finished_at = NULL, heartbeat_at = now(), error = NULL`,
    [phase],
  );
}

/**
 * Where the demo load stands (GET /api/v1/demo-status, and the guard that answers 503 while it
 * loads). The database row is the truth, because it is shared: every API process on the database
 * sees the load, and a load a crash interrupted is recognised at the next start (its heartbeat
 * stops). The process that runs the load keeps its own state in memory and writes it through
 * (at most once a second); the others cache the row for two seconds, so a request costs no query.
 */
@Injectable()
export class DemoLoadService implements OnModuleDestroy {
  private cached: { status: DemoStatusDto; at: number } | null = null;
  private reading: Promise<DemoStatusDto> | null = null;
  /** Set while this process runs the load. */
  private own: DemoStatusDto | null = null;
  private lastWrite = 0;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async status(): Promise<DemoStatusDto> {
    if (this.own) return this.own;
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.status;
    this.reading ??= readDemoMarker((sql, params) => this.db.query(sql, params))
      .then((status) => {
        this.cached = { status, at: Date.now() };
        return status;
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  /** This process starts loading the demo: the business API answers 503 from now on. */
  async begin(phase: string): Promise<void> {
    await markDemoLoading((sql, params) => this.db.query(sql, params), phase);
    const [{ startedAt }] = (await this.db.query(`SELECT started_at AS "startedAt" FROM demo_load WHERE id = 1`)) as Array<{ startedAt: Date }>;
    this.own = { state: 'loading', phase, done: 0, total: null, progress: null, startedAt: startedAt.toISOString(), finishedAt: null, error: null };
    this.lastWrite = Date.now();
    this.heartbeat = setInterval(() => {
      this.db.query(`UPDATE demo_load SET heartbeat_at = now() WHERE id = 1 AND state = 'LOADING'`).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Progress of the running load; written through at every phase change and at most once a second otherwise. */
  async progress(phase: string, done: number, total: number | null, progress: DemoProgressDto): Promise<void> {
    if (!this.own) return;
    const phaseChanged = this.own.phase !== phase;
    this.own = { ...this.own, phase, done, total, progress };
    if (!phaseChanged && Date.now() - this.lastWrite < WRITE_EVERY_MS) return;
    this.lastWrite = Date.now();
    await this.db.query(`UPDATE demo_load SET phase = $1, done = $2, total = $3, progress = $4, heartbeat_at = now() WHERE id = 1`, [
      phase,
      done,
      total,
      JSON.stringify(progress),
    ]);
  }

  async finish(): Promise<void> {
    await this.end('READY', null);
  }

  async fail(error: string): Promise<void> {
    await this.end('FAILED', error);
  }

  private async end(state: 'READY' | 'FAILED', error: string | null): Promise<void> {
    this.stopHeartbeat();
    await this.db.query(`UPDATE demo_load SET state = $1, phase = $2, finished_at = now(), heartbeat_at = now(), error = $3 WHERE id = 1`, [
      state,
      state === 'READY' ? 'done' : (this.own?.phase ?? 'unknown'),
      error,
    ]);
    this.own = null;
    this.cached = null;
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  onModuleDestroy(): void {
    this.stopHeartbeat();
  }
}
