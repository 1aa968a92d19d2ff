import { describe, expect, it } from 'vitest';
import { diffOf, leafKey } from './audit-diff';

describe('diffOf', () => {
  it('marks added, removed, changed and unchanged paths of nested objects', () => {
    const rows = diffOf(
      { status: 'ACTIVE', limits: { amount: '100' }, note: 'x' },
      { status: 'CLOSED', limits: { amount: '100' }, roles: ['ADMIN', 'OFFICER'] },
    );
    expect(rows).toEqual([
      { path: 'status', before: 'ACTIVE', after: 'CLOSED', change: 'changed' },
      { path: 'limits.amount', before: '100', after: '100', change: 'same' },
      { path: 'note', before: 'x', after: undefined, change: 'removed' },
      { path: 'roles', before: undefined, after: 'ADMIN, OFFICER', change: 'added' },
    ]);
  });
  it('reads a creation (no before) and arrays of objects by index', () => {
    expect(diffOf(null, { lines: [{ amount: '5' }] })).toEqual([{ path: 'lines[0].amount', before: undefined, after: '5', change: 'added' }]);
  });
  it('keeps null values and scalars at the top', () => {
    expect(diffOf({ a: null }, { a: 1 })).toEqual([{ path: 'a', before: 'null', after: '1', change: 'changed' }]);
    expect(diffOf('x', 'y')).toEqual([{ path: '·', before: 'x', after: 'y', change: 'changed' }]);
  });
});

describe('leafKey', () => {
  it.each([
    ['roles', 'roles'],
    ['limits.amount', 'amount'],
    ['lines[2]', 'lines'],
  ])('%s → %s', (path, key) => {
    expect(leafKey(path)).toBe(key);
  });
});
