import { MantineProvider } from '@mantine/core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../i18n/i18n';
import { DueDateCell, dueDateMoveNote, type DueDateMove } from './due-date-cell';

/** The visible text of the cell (tags dropped), rendered as the browser would get it. */
function text(row: DueDateMove & { compact?: boolean }): string {
  const html = renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>
        <DueDateCell {...row} />
      </MantineProvider>
    </I18nextProvider>,
  );
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const TET = { vi: 'Tết Nguyên đán (mùng 1)', en: 'Lunar New Year (day 1)' };

describe('DueDateCell', () => {
  afterEach(async () => {
    await i18n.changeLanguage('vi');
  });

  it.each<[string, DueDateMove, string]>([
    ['not moved', { dueDate: '2026-04-15', contractualDate: '2026-04-15', moved: false, moveReason: null }, '15/04/2026'],
    [
      'moved off Tết',
      { dueDate: '2026-02-23', contractualDate: '2026-02-17', moved: true, moveReason: TET },
      '23/02/2026 ↷ dời từ 17/02/2026 — Tết Nguyên đán (mùng 1)',
    ],
    [
      'moved off a Sunday',
      { dueDate: '2026-03-16', contractualDate: '2026-03-15', moved: true, moveReason: { vi: 'Chủ Nhật', en: 'Sunday' } },
      '16/03/2026 ↷ dời từ 15/03/2026 — Chủ Nhật',
    ],
    ['moved, reason unknown', { dueDate: '2026-03-16', contractualDate: '2026-03-15', moved: true, moveReason: null }, '16/03/2026 ↷ dời từ 15/03/2026'],
    ['no contractual date (an older API row)', { dueDate: '2026-03-16' }, '16/03/2026'],
  ])('in Vietnamese: %s', (_name, row, expected) => {
    expect(text(row)).toBe(expected);
  });

  it('speaks English after the switch', async () => {
    await i18n.changeLanguage('en');
    expect(text({ dueDate: '2026-02-23', contractualDate: '2026-02-17', moved: true, moveReason: TET })).toBe(
      '23/02/2026 ↷ moved from 17/02/2026 — Lunar New Year (day 1)',
    );
  });

  it('compact: a marker, the note kept for screen readers', () => {
    const html = text({ dueDate: '2026-02-23', contractualDate: '2026-02-17', moved: true, moveReason: TET, compact: true });
    expect(html).toBe('23/02/2026 ↷ dời từ 17/02/2026 — Tết Nguyên đán (mùng 1)');
  });

  it('infers a move from the dates when `moved` is absent', () => {
    expect(dueDateMoveNote({ dueDate: '2026-09-04', contractualDate: '2026-09-02', moveReason: { vi: 'Quốc khánh', en: 'National Day' } }, i18n.t, 'vi')).toBe(
      'dời từ 02/09/2026 — Quốc khánh',
    );
    expect(dueDateMoveNote({ dueDate: '2026-09-04', contractualDate: '2026-09-04' }, i18n.t, 'vi')).toBeNull();
  });
});
