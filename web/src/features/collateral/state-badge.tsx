import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLLATERAL_NS } from './collateral-i18n';

const COLORS: Record<string, string> = { OK: 'teal', DUE_SOON: 'yellow', EXPIRED: 'red' };

/** A valuation, registration or insurance state in words and colour (text always present, not colour alone). */
export function StateBadge({ state, kind = 'expiry' }: { state: string; kind?: 'valuation' | 'expiry' }) {
  const { t } = useTranslation(COLLATERAL_NS);
  return (
    <Badge color={COLORS[state] ?? 'gray'} variant="light">
      {t(kind === 'valuation' ? `valuationStates.${state}` : `states.${state}`)}
    </Badge>
  );
}
