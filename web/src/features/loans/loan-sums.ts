/**
 * Sums of the API's whole-VND decimal strings for the loan page's totals and running balance.
 * BigInt, never a JavaScript number: exact at any size. The server's figures stay the authority;
 * these only add up what it sent.
 */
const WHOLE = /^-?\d+$/;

function toBig(value: string | null | undefined): bigint {
  if (!value) return 0n;
  if (!WHOLE.test(value)) throw new Error(`not a whole VND amount: ${value}`);
  return BigInt(value);
}

export function sumMoney(values: ReadonlyArray<string | null | undefined>): string {
  return values.reduce((acc, v) => acc + toBig(v), 0n).toString();
}

export function subtractMoney(a: string | null | undefined, b: string | null | undefined): string {
  return (toBig(a) - toBig(b)).toString();
}

export function compareMoney(a: string | null | undefined, b: string | null | undefined): number {
  const d = toBig(a) - toBig(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

/** The principal components of an allocation (what lowers the outstanding principal). */
const PRINCIPAL_COMPONENTS = new Set(['PRINCIPAL', 'PREPAID_PRINCIPAL']);

export interface BalanceEvent {
  kind: string;
  amount: string;
  reversed: boolean;
  allocation: ReadonlyArray<{ component: string; amount: string }>;
}

/**
 * The outstanding principal after each event, in the order given (value date, then id):
 * a disbursement adds its amount, a repayment takes its principal lines off, a reversed one
 * counts for nothing (it stays listed, marked), a write-off takes the loan off balance.
 */
export function runningPrincipal(events: readonly BalanceEvent[]): string[] {
  let balance = 0n;
  return events.map((e) => {
    if (!e.reversed) {
      if (e.kind === 'DISBURSEMENT') balance += toBig(e.amount);
      else if (e.kind === 'REPAYMENT')
        balance -= e.allocation.filter((l) => PRINCIPAL_COMPONENTS.has(l.component)).reduce((acc, l) => acc + toBig(l.amount), 0n);
      else if (e.kind === 'WRITE_OFF') balance = 0n;
    }
    return balance.toString();
  });
}
