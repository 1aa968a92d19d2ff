import { useCallback, useRef } from 'react';

/** A v4 UUID from getRandomValues (randomUUID needs a secure context; the fund's LAN may be plain http). */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One Idempotency-Key per intended money action (README "Idempotency"): `begin()` when the
 * confirmation opens makes a key, which every send of that action reuses, a double click and a
 * retry after a timeout or a 409 included, so the server records it once; `done()` after success
 * forgets it, so the next action gets a new key. Re-opening the dialog without success keeps the key.
 */
export function useIdempotencyKey() {
  // A ref, not state: the key is read only when sending, and changing it must not re-render.
  const ref = useRef<string | null>(null);
  const begin = useCallback((): string => {
    ref.current ??= newIdempotencyKey();
    return ref.current;
  }, []);
  const done = useCallback(() => {
    ref.current = null;
  }, []);
  return { begin, done, key: begin };
}
