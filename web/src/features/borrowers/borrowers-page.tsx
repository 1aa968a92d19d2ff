import { Anchor, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useHasRole } from '../../shared/auth/use-me';
import { toLanguage } from '../../shared/format/language';
import { EmptyState } from '../../shared/ui/empty-state';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { BORROWERS_NS } from './borrowers-i18n';
import { useBorrowers, useCommunes, useSectors, type BorrowerType } from './borrowers-queries';
import { communeLabel, communeName, sectorLabel, sectorName } from './reference-labels';
import { PagingFooter } from '../../shared/ui/paging-footer';

const TYPES: BorrowerType[] = ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER'];
const PAGE_SIZE = 20;

function SearchBox({ initial, onSearch }: { initial: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation(BORROWERS_NS);
  const [text, setText] = useState(initial);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput label={t('searchLabel')} placeholder={t('searchPlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={240} />
        <Button type="submit" variant="default">
          {t('common:actions.search')}
        </Button>
      </Group>
    </form>
  );
}

/** Borrowers: search and filters live in the address (`?q=&type=&commune=&sector=&page=`) so a list can be shared. */
export function BorrowersPage() {
  const { t, i18n } = useTranslation(BORROWERS_NS);
  const lang = toLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const officer = useHasRole('OFFICER');
  const q = params.get('q') ?? '';
  const type = (params.get('type') ?? undefined) as BorrowerType | undefined;
  const communeCode = params.get('commune') ?? undefined;
  const sectorCode = params.get('sector') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);

  const list = useBorrowers({ q: q || undefined, type, communeCode, sectorCode, page, pageSize: PAGE_SIZE });
  const communes = useCommunes();
  const sectors = useSectors();
  const sectorOptions = (sectors.data ?? []).filter((s) => s.version === 'VSIC2018');

  /** Changes one filter and goes back to the first page (the old page may not exist any more). */
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const filtered = Boolean(q || type || communeCode || sectorCode);
  const data = list.data;

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          officer && (
            <Button component={Link} to="/borrowers/new">
              {t('create')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        {/* Keyed by the address's q: a search from the header or the back button refills the box. */}
        <SearchBox key={q} initial={q} onSearch={(text) => setFilter('q', text || null)} />
        <Select
          label={t('columns.type')}
          placeholder={t('allTypes')}
          data={TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
          value={type ?? null}
          onChange={(v) => setFilter('type', v)}
          clearable
          w={170}
        />
        <Select
          label={t('columns.commune')}
          placeholder={t('allCommunes')}
          data={(communes.data ?? []).map((c) => ({ value: c.code, label: communeLabel(c, lang) }))}
          value={communeCode ?? null}
          onChange={(v) => setFilter('commune', v)}
          searchable
          clearable
          w={210}
        />
        <Select
          label={t('columns.sector')}
          placeholder={t('allSectors')}
          data={sectorOptions.map((s) => ({ value: s.code, label: sectorLabel(s, lang) }))}
          value={sectorCode ?? null}
          onChange={(v) => setFilter('sector', v)}
          searchable
          clearable
          w={240}
          comboboxProps={{ width: 420, position: 'bottom-start' }}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('common:actions.clear')}
          </Button>
        )}
      </Group>

      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && (
        <EmptyState
          title={filtered ? t('empty') : t('emptyAll')}
          hint={filtered ? t('emptyHint') : t('emptyAllHint')}
          action={
            officer && (
              <Button component={Link} to="/borrowers/new" variant="light">
                {t('create')}
              </Button>
            )
          }
        />
      )}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('title')} style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.name')}</Table.Th>
                  <Table.Th>{t('columns.type')}</Table.Th>
                  <Table.Th>{t('columns.identity')}</Table.Th>
                  <Table.Th>{t('columns.commune')}</Table.Th>
                  <Table.Th>{t('columns.sector')}</Table.Th>
                  <Table.Th>{t('columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/borrowers/${b.id}`} fw={600} size="sm">
                        {b.legalName}
                      </Anchor>
                      {b.shortName && (
                        <Text size="xs" c="dimmed">
                          {b.shortName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`types.${b.type}`)}</Table.Td>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{b.identityCode}</Table.Td>
                    <Table.Td>{communeName(b.communeCode, communes.data, lang)}</Table.Td>
                    <Table.Td>{sectorName(b.sectorVersion, b.sectorCode, sectors.data, lang)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">
                        <span aria-hidden style={{ color: b.active ? '#2f9e44' : '#868e96' }}>
                          ●{' '}
                        </span>
                        {b.active ? t('status.active') : t('status.inactive')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <PagingFooter page={page} pageSize={PAGE_SIZE} shown={data.items.length} total={data.total} />
        </>
      )}
    </>
  );
}
