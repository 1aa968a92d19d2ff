import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error.js';
import { renderProblem, toDomainError } from './problem.js';

/** The one filter that maps every error to application/problem+json (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(exception, req, reply, this.logger);
  }
}

export function sendProblem(exception: unknown, req: FastifyRequest, reply: FastifyReply, logger: Pick<Logger, 'error'>): void {
  const problemReq = { method: req.method, url: req.url, id: String(req.id), headers: req.headers };
  const error = toDomainError(exception, problemReq);
  if (error.code === 'INTERNAL.UNEXPECTED' && !(exception instanceof DomainError)) {
    // Stack traces go to the log, never to the client.
    logger.error({ err: exception, reqId: req.id }, exception instanceof Error ? exception.stack : String(exception));
  }
  if (error.code === 'REQUEST.BODY_TOO_LARGE') {
    error.params.limit = req.routeOptions?.bodyLimit ?? '';
  }
  const { status, body, headers } = renderProblem(error, problemReq);
  void reply.status(status).headers(headers).send(body);
}
