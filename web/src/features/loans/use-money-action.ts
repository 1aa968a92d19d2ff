import { useCallback, useRef } from 'react';
import { useIdempotencyKey } from '../../shared/hooks/use-idempotency-key';

/**
 * One Idempotency-Key per intended money action (README "Money, dates, idempotency"): the key is
 * made when the confirmation opens and reused by every send of the same body — a double click, a
 * retry after a timeout or a 409 — so the server records it once. Going back and changing the
 * amount is another action: a new body gets a new key (the server would refuse the old key with
 * another body). `guard` drops a second click that arrives before the button is disabled.
 */
export function useMoneyAction() {
  const idem = useIdempotencyKey();
  const body = useRef<string | null>(null);
  const inFlight = useRef(false);
  const keyFor = useCallback(
    (value: unknown): string => {
      const text = JSON.stringify(value);
      if (body.current !== text) {
        idem.done();
        body.current = text;
      }
      return idem.begin();
    },
    [idem],
  );
  const guard = useCallback(async (send: () => Promise<unknown>): Promise<void> => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await send();
    } finally {
      inFlight.current = false;
    }
  }, []);
  const succeeded = useCallback(() => {
    idem.done();
    body.current = null;
  }, [idem]);
  return { keyFor, guard, succeeded };
}
