import { Alert, Badge, Group, List, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatDate } from '../format/date';
import { toLanguage, type Language } from '../format/language';
import { formatMoney } from '../format/money';
import { formatPercent } from '../format/percent';
import { LENDING_NS } from './lending-strings';

export type LendingChecks = components['schemas']['LendingChecksDto'];
export type LendingCheck = components['schemas']['LendingCheckDto'];

/** The rule key of a check code (`APPLICATION.ABOVE_INVESTMENT_SHARE` → `ABOVE_INVESTMENT_SHARE`). */
const ruleKey = (code: string): string => code.replace(/^APPLICATION\./, '');

const MONEY = new Set([
  'AMOUNT_BELOW_PRODUCT_MIN',
  'AMOUNT_ABOVE_PRODUCT_MAX',
  'ABOVE_INVESTMENT_SHARE',
  'ABOVE_CUSTOMER_LIMIT',
  'ABOVE_GROUP_LIMIT',
  'ABOVE_SOURCE_AVAILABLE',
  'COLLATERAL_COVER_BELOW_MINIMUM',
]);
const GROUP_OF: Record<string, 'borrower' | 'product' | 'decree' | 'source'> = {
  BORROWER_INACTIVE: 'borrower',
  BORROWER_UNDER_AGE: 'borrower',
  BORROWER_OUTSIDE_PROVINCE: 'borrower',
  ABOVE_INVESTMENT_SHARE: 'decree',
  CHARTER_CAPITAL_NOT_SET: 'decree',
  ABOVE_CUSTOMER_LIMIT: 'decree',
  ABOVE_GROUP_LIMIT: 'decree',
  ABOVE_SOURCE_AVAILABLE: 'source',
};

const COVER = 'APPLICATION.COLLATERAL_COVER_BELOW_MINIMUM';

/**
 * An application form not saved yet has no pledges (an asset is pledged to a saved application,
 * docs/collateral.md "Pledges"), so its dry run measures a cover of 0 where the product requires
 * collateral. The form's checks leave that row out (it would refuse every draft) and say instead
 * what cover the product requires; the API checks it at submission, approval and each disbursement.
 */
export function draftChecks(checks: LendingChecks): { checks: LendingChecks; coverRequired: string | null } {
  const cover = checks.checks.find((c) => c.code === COVER);
  if (!cover) return { checks, coverRequired: null };
  const rest = checks.checks.filter((c) => c !== cover);
  return { checks: { ...checks, checks: rest, passed: rest.every((c) => c.passed) }, coverRequired: cover.limit };
}

/** A limit or figure in words: amounts as money, months, rates, borrower types and states translated (never a raw code). */
export function checkValue(code: string, value: string, which: 'limit' | 'actual', t: TFunction, lang: Language): string {
  const key = ruleKey(code);
  if (MONEY.has(key)) return formatMoney(value, lang);
  const v = (name: string, opts: Record<string, unknown> = {}) => t(`${LENDING_NS}:checks.values.${name}`, opts);
  switch (key) {
    case 'TERM_BELOW_PRODUCT_MIN':
    case 'TERM_ABOVE_PRODUCT_MAX':
      return v('months', { count: Number(value) });
    case 'TERM_NOT_WHOLE_PERIODS':
      return which === 'limit' ? t(`${LENDING_NS}:frequency.${value}`) : v('months', { count: Number(value) });
    case 'GRACE_NOT_BELOW_PERIODS':
      return v('periods', { count: Number(value) });
    case 'BORROWER_UNDER_AGE':
      return v('years', { count: Number(value) });
    case 'RATE_ABOVE_PRODUCT':
      return `${formatPercent(value, lang, 2)}/${lang === 'vi' ? 'năm' : 'year'}`;
    case 'BORROWER_TYPE_NOT_ALLOWED':
      return value
        .split(',')
        .map((x) => t(`${LENDING_NS}:borrowerType.${x}`))
        .join(', ');
    case 'SECTOR_NOT_ALLOWED':
      return value
        .split(',')
        .map((x) => x.replace('/', ' '))
        .join(', ');
    case 'BORROWER_OUTSIDE_PROVINCE':
      return v('province', { code: value });
    case 'COLLATERAL_REQUIRED':
      return v(value === 'none' ? 'noCollateral' : value);
    default:
      return ['active', 'inactive', 'retired', 'set', 'none'].includes(value) ? v(value) : value;
  }
}

/** "Khoản vay ≤ 80% …: giới hạn 800.000.000 ₫, giá trị 900.000.000 ₫." — the rule, the limit and the figure. */
export function refusalText(c: LendingCheck, t: TFunction, lang: Language): string {
  return t(`${LENDING_NS}:checks.refusal`, {
    rule: t(`${LENDING_NS}:checks.rules.${ruleKey(c.code)}`),
    limit: checkValue(c.code, c.limit, 'limit', t, lang),
    actual: checkValue(c.code, c.actual, 'actual', t, lang),
  });
}

/** The refusals of a check run, as an alert above a form or a decision (nothing when every rule is met). */
export function LendingRefusals({ checks }: { checks: LendingChecks | undefined }) {
  const { t, i18n } = useTranslation(LENDING_NS);
  const lang = toLanguage(i18n.language);
  const failed = checks?.checks.filter((c) => !c.passed) ?? [];
  if (failed.length === 0) return null;
  return (
    <Alert color="red" title={t('checks.refusedTitle')} role="alert" data-testid="lending-refusals">
      <List size="sm" spacing={2}>
        {failed.map((c) => (
          <List.Item key={c.code}>{refusalText(c, t, lang)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * Every lending condition as the API checks it (its own rules, by dry run): the rule in words, the
 * limit, the figure and met / not met, grouped as an officer reads them.
 */
export function LendingChecksPanel({
  checks,
  pending,
  incomplete,
  coverRequired,
}: {
  checks: LendingChecks | undefined;
  pending?: boolean;
  incomplete?: boolean;
  /** On a form not saved yet: the cover the product requires, checked once assets are pledged (see draftChecks). */
  coverRequired?: string | null;
}) {
  const { t, i18n } = useTranslation(LENDING_NS);
  const lang = toLanguage(i18n.language);
  const groups = ['borrower', 'product', 'decree', 'source'] as const;
  return (
    <Paper withBorder p="md" radius="md" data-testid="lending-checks">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} size="h4">
          {t('checks.title')}
        </Title>
        {checks && (
          <Text size="xs" c="dimmed">
            {t('checks.checkedOn', { date: formatDate(checks.checkedOn) })}
          </Text>
        )}
      </Group>
      {incomplete && !checks && (
        <Text size="sm" c="dimmed">
          {t('checks.incomplete')}
        </Text>
      )}
      {pending && !checks && !incomplete && <Skeleton height={160} />}
      {checks && coverRequired && (
        <Alert color="blue" mb="sm" p="xs" data-testid="draft-cover-note">
          <Text size="sm">{t('checks.draftCover', { required: formatMoney(coverRequired, lang) })}</Text>
        </Alert>
      )}
      {checks && (
        <>
          {checks.passed ? (
            <Alert color="green" mb="sm" p="xs" data-testid="lending-checks-passed">
              <Text size="sm">{t('checks.allPassed', { count: checks.checks.length })}</Text>
            </Alert>
          ) : (
            <LendingRefusals checks={checks} />
          )}
          {/* Two columns so the panel fits beside the form: the rule with its limit and figure, then the result. */}
          <Table verticalSpacing={4} fz="sm" aria-label={t('checks.title')} style={{ opacity: pending ? 0.6 : 1 }} mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('checks.rule')}</Table.Th>
                <Table.Th w={100}>{t('checks.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {groups.map((g) => {
              const rows = checks.checks.filter((c) => (GROUP_OF[ruleKey(c.code)] ?? 'product') === g);
              if (rows.length === 0) return null;
              return (
                <Table.Tbody key={g}>
                  <Table.Tr>
                    <Table.Th colSpan={2} scope="colgroup" bg="gray.0">
                      {t(`checks.groups.${g}`)}
                    </Table.Th>
                  </Table.Tr>
                  {rows.map((c) => (
                    <Table.Tr key={c.code} data-rule={c.code}>
                      <Table.Td>
                        <Text size="sm">{t(`checks.rules.${ruleKey(c.code)}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {t('checks.limit')}: <span className="num">{checkValue(c.code, c.limit, 'limit', t, lang)}</span> · {t('checks.actual')}:{' '}
                          <span className="num">{checkValue(c.code, c.actual, 'actual', t, lang)}</span>
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Badge color={c.passed ? '#1e7b34' : '#c92a2a'} variant="filled" size="sm">
                          {c.passed ? t('checks.passed') : t('checks.failed')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              );
            })}
          </Table>
        </>
      )}
    </Paper>
  );
}
