import { describe, expect, it } from '@jest/globals';
import { pickLanguage } from './problem.js';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.4, vi;q=0.6', 'vi'],
    ['de', 'vi'],
  ])('Accept-Language %p → %p', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });
});
