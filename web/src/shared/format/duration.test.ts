import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [0, 'vi', '0 ms'],
    [850, 'vi', '850 ms'],
    [999.6, 'en', '1.0 s'],
    [4200, 'vi', '4,2 giây'],
    [4249, 'en', '4.2 s'],
    [59_960, 'vi', '1 phút 00 giây'],
    [185_000, 'vi', '3 phút 05 giây'],
    [185_000, 'en', '3 min 05 s'],
    [3_720_000, 'vi', '1 giờ 02 phút'],
    [3_720_000, 'en', '1 h 02 min'],
  ] as const)('%s ms in %s is %s', (ms, lang, expected) => {
    expect(formatDuration(ms, lang)).toBe(expected);
  });

  it.each([null, undefined, -1, Number.NaN])('%s is a dash', (ms) => {
    expect(formatDuration(ms)).toBe('—');
  });
});
