import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../shared/api/client';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { formatPercent } from '../../shared/format/percent';
import { MoneyText } from '../../shared/ui/money-text';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { AsOfPicker, ReportLayout, useReportDate } from './report-shell';
import { ScrollTable } from '../../shared/ui/scroll-table';
import { REPORTS_NS } from './reports-i18n';

const num = { textAlign: 'right' } as const;

/** Collateral: cover by loan and for the portfolio, expired assets (as of a date), provisions before and after the deduction. */
export function CollateralReportPage() {
  const { t, i18n } = useTranslation(REPORTS_NS);
  const lang = toLanguage(i18n.language);
  const { asOf } = useReportDate();
  const query = { asOf: asOf ?? undefined };
  const cover = useQuery({
    queryKey: ['reports', 'collateral-cover', asOf],
    enabled: !!asOf,
    queryFn: () => call(api.GET('/api/v1/reports/collateral-cover', { params: { query } })),
  });
  const expiries = useQuery({
    queryKey: ['reports', 'collateral-expiries', asOf],
    enabled: !!asOf,
    queryFn: () => call(api.GET('/api/v1/reports/collateral-expiries', { params: { query } })),
  });
  const provisions = useQuery({ queryKey: ['reports', 'collateral-provisions'], queryFn: () => call(api.GET('/api/v1/reports/collateral-provisions')) });
  return (
    <ReportLayout tab="collateral">
      <Group mb="md">
        <AsOfPicker />
      </Group>
      <Stack gap="xl">
        <section aria-labelledby="collateral-cover">
          <Title order={2} size="h4" mb="sm" id="collateral-cover">
            {t('collateral.cover')}
          </Title>
          {cover.isError && <ProblemAlert error={cover.error} onRetry={() => void cover.refetch()} />}
          {cover.isPending && <TableSkeleton rows={3} />}
          {cover.data && (
            <ScrollTable minWidth={980} label={t('collateral.cover')}>
              <Table striped withTableBorder verticalSpacing={6} aria-label={t('collateral.cover')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('collateral.contract')}</Table.Th>
                    <Table.Th>{t('collateral.borrower')}</Table.Th>
                    <Table.Th style={num}>{t('collateral.outstanding')}</Table.Th>
                    <Table.Th style={num}>{t('collateral.collateralValue')}</Table.Th>
                    <Table.Th style={num}>{t('collateral.discountedValue')}</Table.Th>
                    <Table.Th style={num}>{t('collateral.requiredValue')}</Table.Th>
                    <Table.Th style={num}>{t('collateral.coverPercent')}</Table.Th>
                    <Table.Th>{t('collateral.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {cover.data.items.map((r) => (
                    <Table.Tr key={r.loanId}>
                      <Table.Td>{r.contractNumber}</Table.Td>
                      <Table.Td>{r.borrowerName}</Table.Td>
                      <Table.Td style={num}>
                        <MoneyText value={r.outstanding} />
                      </Table.Td>
                      <Table.Td style={num}>
                        <MoneyText value={r.collateralValue} />
                      </Table.Td>
                      <Table.Td style={num}>
                        <MoneyText value={r.discountedValue} />
                      </Table.Td>
                      <Table.Td style={num}>{r.required ? <MoneyText value={r.requiredValue} /> : '—'}</Table.Td>
                      <Table.Td style={num} className="num">
                        {formatPercent(r.coverPercent, lang, 1)}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="filled" color={!r.required ? 'gray.7' : r.passed ? '#1e7b34' : '#7a0c0c'}>
                          {!r.required ? t('collateral.notRequired') : r.passed ? t('collateral.passed') : t('collateral.short')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th colSpan={2}>{t('collateral.total')}</Table.Th>
                    <Table.Th style={num}>
                      <MoneyText value={cover.data.totals.outstanding} bold />
                    </Table.Th>
                    <Table.Th style={num}>
                      <MoneyText value={cover.data.totals.collateralValue} bold />
                    </Table.Th>
                    <Table.Th style={num}>
                      <MoneyText value={cover.data.totals.discountedValue} bold />
                    </Table.Th>
                    <Table.Th />
                    <Table.Th style={num} className="num">
                      {formatPercent(cover.data.totals.coverPercent, lang, 1)}
                    </Table.Th>
                    <Table.Th>{t('collateral.shortLoans', { count: cover.data.totals.shortLoans })}</Table.Th>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </ScrollTable>
          )}
        </section>
        <section aria-labelledby="collateral-expiries">
          <Title order={2} size="h4" mb="sm" id="collateral-expiries">
            {t('collateral.expiries')}
          </Title>
          {expiries.isError && <ProblemAlert error={expiries.error} onRetry={() => void expiries.refetch()} />}
          {expiries.data && expiries.data.items.length === 0 && <Text c="dimmed">{t('collateral.noExpiries')}</Text>}
          {expiries.data && expiries.data.items.length > 0 && (
            <ScrollTable minWidth={760} label={t('collateral.expiries')}>
              <Table striped withTableBorder verticalSpacing={6} aria-label={t('collateral.expiries')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('collateral.asset')}</Table.Th>
                    <Table.Th>{t('collateral.borrower')}</Table.Th>
                    <Table.Th>{t('collateral.what')}</Table.Th>
                    <Table.Th>{t('collateral.expiredOn')}</Table.Th>
                    <Table.Th>{t('collateral.contract')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {expiries.data.items.map((r) => (
                    <Table.Tr key={`${r.assetId}-${r.what}`}>
                      <Table.Td>{r.description}</Table.Td>
                      <Table.Td>{r.borrowerName}</Table.Td>
                      <Table.Td>{t(`collateral.whats.${r.what}`)}</Table.Td>
                      <Table.Td>{formatDate(r.expiredOn)}</Table.Td>
                      <Table.Td>{r.contractNumbers.join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </section>
        <section aria-labelledby="collateral-provisions">
          <Title order={2} size="h4" mb="sm" id="collateral-provisions">
            {t('collateral.provisions')}
          </Title>
          {provisions.isError && <ProblemAlert error={provisions.error} onRetry={() => void provisions.refetch()} />}
          {provisions.data && (
            <>
              <Text size="sm" mb="xs">
                {t('collateral.policy', { policy: t(`policies.${provisions.data.policy}`, { defaultValue: provisions.data.policy }) })} ·{' '}
                {formatDate(provisions.data.asOf)}
                {!provisions.data.deductsCollateral && ` · ${t('collateral.noDeduction')}`}
              </Text>
              {provisions.data.items.length === 0 ? (
                <Text c="dimmed">{t('collateral.empty')}</Text>
              ) : (
                <ScrollTable minWidth={900} label={t('collateral.provisions')}>
                  <Table striped withTableBorder verticalSpacing={6} aria-label={t('collateral.provisions')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('collateral.contract')}</Table.Th>
                        <Table.Th style={num}>{t('collateral.group')}</Table.Th>
                        <Table.Th style={num}>{t('collateral.outstanding')}</Table.Th>
                        <Table.Th style={num}>{t('collateral.deduction')}</Table.Th>
                        <Table.Th style={num}>{t('collateral.before')}</Table.Th>
                        <Table.Th style={num}>{t('collateral.after')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {provisions.data.items.map((r) => (
                        <Table.Tr key={r.loanId}>
                          <Table.Td>
                            {r.contractNumber}
                            <Text size="xs" c="dimmed">
                              {r.borrowerName}
                            </Text>
                          </Table.Td>
                          <Table.Td style={num} className="num">
                            {formatCount(r.debtGroup, lang)}
                          </Table.Td>
                          <Table.Td style={num}>
                            <MoneyText value={r.outstanding} />
                          </Table.Td>
                          <Table.Td style={num}>
                            <MoneyText value={r.collateralDeduction} />
                          </Table.Td>
                          <Table.Td style={num}>
                            <MoneyText value={r.specificBefore} />
                          </Table.Td>
                          <Table.Td style={num}>
                            <MoneyText value={r.specificAfter} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                    <Table.Tfoot>
                      <Table.Tr>
                        <Table.Th colSpan={3}>{t('collateral.total')}</Table.Th>
                        <Table.Th style={num}>
                          <MoneyText value={provisions.data.totals.collateralDeduction} bold />
                        </Table.Th>
                        <Table.Th style={num}>
                          <MoneyText value={provisions.data.totals.specificBefore} bold />
                        </Table.Th>
                        <Table.Th style={num}>
                          <MoneyText value={provisions.data.totals.specificAfter} bold />
                        </Table.Th>
                      </Table.Tr>
                    </Table.Tfoot>
                  </Table>
                </ScrollTable>
              )}
            </>
          )}
        </section>
      </Stack>
    </ReportLayout>
  );
}
