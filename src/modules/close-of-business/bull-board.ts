import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import { DomainError, renderProblem } from '../../platform/errors/index.js';
import { CLOSE_CHUNK_QUEUE, CLOSE_QUEUE } from './jobs/close-of-business-queues.js';
import { BOARD_PATH, BullBoardAuth } from './services/bull-board-auth.service.js';

/**
 * Mounts Bull Board at /admin/queues directly on the Fastify instance (not through Nest), behind
 * BullBoardAuth: a request without a valid ADMIN board session gets 401 problem+json.
 */
export async function registerBullBoard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get(BullBoardAuth, { strict: false });
  const queues = [CLOSE_QUEUE, CLOSE_CHUNK_QUEUE].map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: false })), serverAdapter });
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      if (await auth.allows(req.headers)) return;
      const problem = renderProblem(new DomainError('AUTH.UNAUTHENTICATED'), { method: req.method, url: req.url, id: String(req.id), headers: req.headers });
      await reply.code(problem.status).headers(problem.headers).send(problem.body);
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: BOARD_PATH });
  });
}
