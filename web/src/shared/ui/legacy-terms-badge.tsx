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
      {/* The debt groups' dark orange, filled: white text at more than 4.5:1 (WCAG AA). */}
      <Badge color="#b8400c" variant="filled" aria-label={title} data-testid="legacy-terms" style={{ cursor: 'help' }}>
        {t('legacyTerms.label')}
      </Badge>
    </Tooltip>
  );
}
