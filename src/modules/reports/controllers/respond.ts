import type { FastifyReply } from 'fastify';
import type { ReportOutcome } from '../services/report-exports.service.js';

/** Sends a report outcome: JSON as is, a file as an attachment, a queued export as 202 Accepted. */
export async function respond(reply: FastifyReply, outcome: Promise<ReportOutcome>): Promise<unknown> {
  const o = await outcome;
  if (o.kind === 'json') return o.body;
  if (o.kind === 'accepted') {
    void reply.status(202).header('location', o.body.statusUrl);
    return o.body;
  }
  const ascii = o.fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  void reply
    .header('content-type', o.file.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(o.fileName)}`)
    .header('cache-control', 'no-store');
  return o.file.buffer;
}
