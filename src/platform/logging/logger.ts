import type { LoggerService } from '@nestjs/common';
import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';
import { createRequire } from 'node:module';
import type { PinoPretty as PinoPrettyFactory } from 'pino-pretty';

const OPTIONS: LoggerOptions = {
  base: { service: 'htx-fund-lms', pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: ['req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
};

/**
 * pino logs carrying the request id (reqId). On a terminal (standard output is a TTY) they are
 * lines a person reads: level, time, message, then the other fields on the same line; anywhere
 * else (containers, files, log collectors) one JSON object per line. `pretty` overrides the
 * detection (tests).
 */
export function createRootLogger(level: string, pretty: boolean = process.stdout.isTTY === true): PinoLogger {
  if (!pretty) return pino({ ...OPTIONS, level });
  // pino-pretty (and its 30 modules) only for a terminal: a server process never loads it.
  const { PinoPretty } = createRequire(import.meta.url)('pino-pretty') as { PinoPretty: typeof PinoPrettyFactory };
  const stream = PinoPretty({
    levelFirst: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service,context',
    messageFormat: '{if context}{context}: {end}{msg}',
    singleLine: true,
    sync: true,
  });
  return pino({ ...OPTIONS, level }, stream);
}

/**
 * Nest's start-up chatter (one line per module and per route, about 200 lines) is debug
 * detail: at info it buries the lines a person starts the app for (its URL, the logins).
 */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Nest's logger interface over the same pino instance. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: PinoLogger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]): void {
    const context = typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
    if (message && typeof message === 'object') this.logger[level]({ context, ...(message as object) }, context ?? '');
    else this.logger[level]({ context }, String(message));
  }

  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    this.write(typeof context === 'string' && BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}
