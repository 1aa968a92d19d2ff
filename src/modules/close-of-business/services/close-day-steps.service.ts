import { Injectable, Logger } from '@nestjs/common';
import type { LocalDate } from '../../../platform/dates/index.js';

/** A step another module takes once a day is closed (committed): it must be quick, e.g. enqueue its own job. */
export type CloseDayStep = (closed: LocalDate) => Promise<void>;

/**
 * What modules depending on this one do when a day is closed (the reports' kept totals enqueue
 * their job): they register here when their module starts, so the close runs them without
 * importing them (docs/architecture.md: arrows point one way). They run after the day's
 * transaction committed, so the close neither waits for nor fails with their work: a step that
 * fails is logged, and its module falls back (the report reads per loan until its rows exist).
 */
@Injectable()
export class CloseDaySteps {
  private readonly logger = new Logger('CloseDaySteps');
  private readonly steps = new Map<string, CloseDayStep>();

  register(name: string, step: CloseDayStep): void {
    this.steps.set(name, step);
  }

  async run(closed: LocalDate): Promise<void> {
    for (const [name, step] of this.steps) {
      try {
        await step(closed);
      } catch (e) {
        this.logger.error(`${name} after closing ${closed}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
