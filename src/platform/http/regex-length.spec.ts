import { describe, expect, it } from '@jest/globals';
import { maxMatchLength } from './regex-length.js';

describe('maxMatchLength: the longest string an anchored pattern matches', () => {
  it.each([
    [/^[1-9]\d{0,18}$/, 19],
    [/^[a-z0-9._-]{3,64}$/, 64],
    [/^VSIC20(18|25)\/[A-Z]$/, 10],
    [/^(0|[1-9]\d{0,17})$/, 18],
    [/^(0|[1-9]\d{0,2})(\.\d{1,6})?$/, 10],
    [/^\d{10}(-\d{3})?$/, 14],
    [/^(?:ab|c)x?$/, 3],
    [/^\u00e0{2}$/, 2],
  ])('%s → %i', (pattern, length) => {
    expect(maxMatchLength(pattern)).toBe(length);
  });

  it.each([/^a+$/, /^a*$/, /^a{2,}$/, /abc/, /^a$|b/, /^(a)\1$/, /^(?=a)a$/, /^a$|b$/])('%s is unbounded or unread → null', (pattern) => {
    expect(maxMatchLength(pattern)).toBeNull();
  });
});
