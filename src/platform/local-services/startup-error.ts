/**
 * A start-up condition the person at the terminal can fix (no disk space, a port taken, no
 * PostgreSQL binaries for this platform, redis-server missing). The entry points print its
 * message as one line and exit 1, without a stack trace; anything else is a bug and keeps its
 * stack.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** The entry points' last word on a failure: one line for a StartupError, the stack otherwise. */
export function describeFatal(e: unknown): string {
  if (e instanceof StartupError) return `error: ${e.message}`;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
