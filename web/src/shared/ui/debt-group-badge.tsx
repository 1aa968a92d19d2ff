import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Debt groups in the same colours everywhere (web-design.md): 1 green, 2 yellow, 3 orange, 4 red,
 * 5 dark red. Filled shades dark enough for white text to pass WCAG AA; group 2 uses dark text.
 */
// Hex shades picked for a contrast of at least 4.5:1 with white text (Mantine's green 8 and
// orange 9 are 3.4:1 and 4.3:1); yellow carries dark text.
const STYLE: Record<number, { color: string; autoContrast?: boolean }> = {
  1: { color: '#1e7b34' },
  2: { color: 'yellow.4', autoContrast: true },
  3: { color: '#b8400c' },
  4: { color: '#c92a2a' },
  5: { color: '#7a0c0c' },
};

/** The same colours as CSS values, for charts that draw the groups (bars, legends). */
export function debtGroupColor(group: number): string {
  const c = STYLE[group]?.color ?? 'gray.7';
  return c.startsWith('#') ? c : `var(--mantine-color-${c.replace('.', '-')})`;
}

export function DebtGroupBadge({ group, long = false }: { group: number; long?: boolean }) {
  const { t } = useTranslation();
  const style = STYLE[group] ?? { color: 'gray.7' };
  const label = t(`debtGroup.${group}`);
  return (
    <Badge color={style.color} autoContrast={style.autoContrast} variant="filled" title={label} aria-label={label}>
      {long ? label : t('debtGroup.label', { group })}
    </Badge>
  );
}
