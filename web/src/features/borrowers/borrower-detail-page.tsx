import { Badge, Button, Grid, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { DocumentsPanel } from '../loan-file/documents-panel';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { MoneyText } from '../../shared/ui/money-text';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { BORROWERS_NS } from './borrowers-i18n';
import { useBorrower, useCommunes, useRelations, useSectors } from './borrowers-queries';
import { communeName, sectorName } from './reference-labels';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children ?? '—'}
      </Text>
    </div>
  );
}

/** `/borrowers/:id`: the borrower's identity, location and sector, contact and related parties. */
export function BorrowerDetailPage() {
  const { t, i18n } = useTranslation(BORROWERS_NS);
  const lang = toLanguage(i18n.language);
  const { id = '' } = useParams();
  const borrower = useBorrower(id);
  const relations = useRelations(id);
  const communes = useCommunes();
  const sectors = useSectors();
  const officer = useHasRole('OFFICER');
  const b = borrower.data;

  return (
    <>
      <PageHeader
        title={b?.legalName ?? t('title')}
        crumbs={[{ label: t('title'), to: '/borrowers' }, { label: b?.legalName ?? id }]}
        badge={
          b && (
            <Badge color={b.active ? 'green.7' : 'gray.6'} variant="dot" c="dark.7">
              {b.active ? t('status.active') : t('status.inactive')}
            </Badge>
          )
        }
        actions={
          b && (
            <>
              <Button variant="default" component={Link} to={`/loans?borrowerId=${b.id}`}>
                {t('detail.loans')}
              </Button>
              <Button variant="default" component={Link} to={`/collateral?borrowerId=${b.id}`}>
                {t('detail.collateral')}
              </Button>
              {officer && (
                <Button component={Link} to={`/borrowers/${b.id}/edit`}>
                  {t('common:actions.edit')}
                </Button>
              )}
            </>
          )
        }
      />
      {borrower.isError && <ProblemAlert error={borrower.error} onRetry={() => void borrower.refetch()} />}
      {borrower.isPending && <TableSkeleton rows={6} />}
      {b && (
        <Stack gap="md">
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Paper withBorder p="md" h="100%">
                <Title order={2} size="h4" mb="sm">
                  {t('detail.identity')}
                </Title>
                <SimpleGrid cols={2} component="dl" m={0}>
                  <Field label={t('fields.type')}>{t(`types.${b.type}`)}</Field>
                  <Field label={b.type === 'MEMBER' ? t('fields.identityCodeMember') : t('fields.identityCode')}>{b.identityCode}</Field>
                  {b.shortName && <Field label={t('fields.shortName')}>{b.shortName}</Field>}
                  {b.type === 'MEMBER' ? (
                    <Field label={t('fields.birthDate')}>{formatDate(b.birthDate)}</Field>
                  ) : (
                    <Field label={t('fields.legalRepresentative')}>{b.legalRepresentative}</Field>
                  )}
                  {b.type !== 'MEMBER' && (
                    <Field label={t('fields.charterCapital')}>
                      <MoneyText value={b.charterCapital} />
                    </Field>
                  )}
                  {b.type !== 'MEMBER' && <Field label={t('fields.memberCount')}>{b.memberCount === null ? '—' : formatCount(b.memberCount, lang)}</Field>}
                  <Field label={t('fields.createdAt')}>{formatDate(b.createdAt)}</Field>
                </SimpleGrid>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Paper withBorder p="md" h="100%">
                <Title order={2} size="h4" mb="sm">
                  {t('detail.location')}
                </Title>
                <SimpleGrid cols={1} component="dl" m={0}>
                  <Field label={t('fields.communeCode')}>{communeName(b.communeCode, communes.data, lang)}</Field>
                  <Field label={t('fields.sectorCode')}>
                    {sectorName(b.sectorVersion, b.sectorCode, sectors.data, lang)} ({b.sectorVersion === 'VSIC2025' ? 'VSIC 2025' : 'VSIC 2018'})
                  </Field>
                </SimpleGrid>
                <Title order={2} size="h4" mt="md" mb="sm">
                  {t('detail.contact')}
                </Title>
                <SimpleGrid cols={2} component="dl" m={0}>
                  <Field label={t('fields.phone')}>{b.phone}</Field>
                  <Field label={t('fields.email')}>{b.email}</Field>
                </SimpleGrid>
              </Paper>
            </Grid.Col>
          </Grid>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('detail.relations')}
            </Title>
            {relations.isError && <ProblemAlert error={relations.error} />}
            {relations.data && relations.data.length === 0 && <Text size="sm">{t('detail.noRelations')}</Text>}
            {relations.data && relations.data.length > 0 && (
              <Table>
                <Table.Tbody>
                  {relations.data.map((r) => (
                    <Table.Tr key={`${r.relatedBorrowerId}-${r.kind}`}>
                      <Table.Td>
                        <Link to={`/borrowers/${r.relatedBorrowerId}`}>{r.relatedLegalName}</Link>
                      </Table.Td>
                      <Table.Td>{t(`detail.relationKinds.${r.kind}`)}</Table.Td>
                      <Table.Td>{r.note}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <DocumentsPanel owner={{ kind: 'BORROWER', id: b.id }} canUpload={officer} />
        </Stack>
      )}
    </>
  );
}
