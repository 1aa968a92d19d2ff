import type { LocalDate } from '../../../platform/dates/index.js';
import type { AppConfig } from '../../../config/index.js';

/**
 * BullMQ names of the close (design.md "Jobs"): one flow per business date, a parent `close-day`
 * job on CLOSE_QUEUE whose children are `close-chunk` jobs on CLOSE_CHUNK_QUEUE. The nightly
 * scheduler's `scheduled-close` jobs run on CLOSE_QUEUE too.
 */
export const CLOSE_QUEUE = 'close-of-business';
export const CLOSE_CHUNK_QUEUE = 'close-of-business-chunks';
export const CLOSE_FLOW = 'close-of-business-flow';
export const CLOSE_SCHEDULER_ID = 'nightly-close';

export const JOB_CLOSE_DAY = 'close-day';
export const JOB_CLOSE_CHUNK = 'close-chunk';
export const JOB_SCHEDULED_CLOSE = 'scheduled-close';

export interface CloseDayJob {
  date: LocalDate;
}

/** A range of borrower ids [from, to), to = null for no upper bound. */
export interface CloseChunkJob {
  date: LocalDate;
  chunkNo: number;
  from: string;
  to: string | null;
}

/**
 * BullMQ custom ids may not contain ':'. One id per (date, attempt, token): a retry is a new flow,
 * and the token (close_runs.job_token, fresh at every enqueue) keeps a restored or re-created
 * database from meeting the completed job an earlier deployment left in Redis under the same id.
 */
export const dayJobId = (date: LocalDate, attempt: number, token: string): string => `day_${date}_${attempt}_${token}`;
export const chunkJobId = (date: LocalDate, chunkNo: number, attempt: number, token: string): string => `chunk_${date}_${chunkNo}_${attempt}_${token}`;

/**
 * Lock settings of both close workers (design.md "Jobs": a crashed worker's job is taken over): a
 * job's lock lasts CLOSE_JOB_LOCK_MS, stalled jobs are looked for every half of it, and a job may
 * stall twice before it fails.
 */
export function closeWorkerLocks(config: Pick<AppConfig, 'closeJobLockMs'>): { lockDuration: number; stalledInterval: number; maxStalledCount: number } {
  return { lockDuration: config.closeJobLockMs, stalledInterval: Math.max(1000, Math.floor(config.closeJobLockMs / 2)), maxStalledCount: 2 };
}
