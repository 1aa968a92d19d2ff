import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLLATERAL_NS } from './collateral-i18n';

// Shades with at least 4.5:1 for white text (Mantine's 6 shades are lighter).
const COLORS: Record<string, string> = { OK: '#1e7b34', DUE_SOON: '#8a4b00', EXPIRED: '#7a0c0c' };

/** A valuation, registration or insurance state in words and colour (text always present, not colour alone). */
export function StateBadge({ state, kind = 'expiry' }: { state: string; kind?: 'valuation' | 'expiry' }) {
  const { t } = useTranslation(COLLATERAL_NS);
  return (
    <Badge color={COLORS[state] ?? 'gray.7'} variant="filled" style={{ flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {t(kind === 'valuation' ? `valuationStates.${state}` : `states.${state}`)}
    </Badge>
  );
}
