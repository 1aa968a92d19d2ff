import type { LocalDate } from '../../../platform/dates/index.js';

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

/** BullMQ custom ids may not contain ':'; one id per (date, attempt) so a retry is a new flow. */
export const dayJobId = (date: LocalDate, attempt: number): string => `day_${date}_${attempt}`;
export const chunkJobId = (date: LocalDate, chunkNo: number, attempt: number): string => `chunk_${date}_${chunkNo}_${attempt}`;
