import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LocalDate } from '../../../platform/dates/index.js';

/** A step another module keeps at the end of a closed day, in the close's final transaction (after the business date moved on). */
export type CloseDayStep = (m: EntityManager, closed: LocalDate) => Promise<void>;

/**
 * The close's finishing steps that belong to modules depending on this one (the reports' kept
 * totals): they register here when their module starts, so the close runs them without importing
 * them (docs/architecture.md: arrows point one way). Steps run in registration order, in the same
 * transaction as the day's completion: the day is closed with them or not at all.
 */
@Injectable()
export class CloseDaySteps {
  private readonly steps = new Map<string, CloseDayStep>();

  register(name: string, step: CloseDayStep): void {
    this.steps.set(name, step);
  }

  async run(m: EntityManager, closed: LocalDate): Promise<void> {
    for (const step of this.steps.values()) await step(m, closed);
  }
}
