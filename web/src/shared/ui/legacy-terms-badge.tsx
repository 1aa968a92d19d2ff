import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Marks a contract brought in by a book import under older rules (docs/book-import.md "legacy
 * contracts"): its terms are kept as signed although they break the product's current limits,
 * named in the tooltip and the accessible name. Shown on the loan's page and in the loan list report.
 */
export function LegacyTermsBadge({ rules }: { rules: readonly string[] }) {
  const { t } = useTranslation();
  const named = rules.map((r) => t(`legacyTerms.rules.${r}`, { defaultValue: r })).join('; ');
  const title = t('legacyTerms.title', { rules: named });
  return (
    <Tooltip label={title} multiline w={320} withArrow>
      <Badge color="orange.9" variant="light" aria-label={title} data-testid="legacy-terms" style={{ cursor: 'help' }}>
        {t('legacyTerms.label')}
      </Badge>
    </Tooltip>
  );
}
