import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../platform/errors/index.js';
import { SERVED_WHILE_DEMO_LOADS_KEY } from '../../../platform/http/index.js';
import { DemoLoadErrors } from '../demo-load.errors.js';
import { DemoLoadService } from './demo-load.service.js';

/** What a client is told to wait before asking again while the demo loads. */
const RETRY_AFTER_SECONDS = 10;

/**
 * Global guard: while the demo portfolio loads, the demo's data (every route not marked
 * @ServedWhileDemoLoads: sign-in, users, health, reference data, the demo status) is answered with
 * 503 DEMO.LOADING, Retry-After and the progress, never from half a portfolio. A failed or
 * interrupted load does not keep refusing: the API serves what there is and the status says why.
 */
@Injectable()
export class DemoLoadingGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly demo: DemoLoadService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.reflector.getAllAndOverride<boolean>(SERVED_WHILE_DEMO_LOADS_KEY, [context.getHandler(), context.getClass()])) return true;
    const status = await this.demo.status();
    if (status.state !== 'loading') return true;
    throw new DomainError(
      DemoLoadErrors['DEMO.LOADING'],
      { phase: status.phase, done: status.done, total: status.total ?? '?', startedAt: status.startedAt, retryAfterSeconds: RETRY_AFTER_SECONDS },
      [],
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  }
}
