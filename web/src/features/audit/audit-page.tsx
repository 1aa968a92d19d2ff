import { Alert, Anchor, Badge, Button, Checkbox, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, formatInstant } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { EmptyState } from '../../shared/ui/empty-state';
import { PageHeader } from '../../shared/ui/page-header';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { TableSkeleton } from '../../shared/ui/table-skeleton';
import { diffOf, leafKey } from './audit-diff';
import { AUDIT_NS } from './audit-i18n';
import { useAuditEvents, useVerifyChain, type AuditEvent } from './audit-queries';
import { PagingFooter } from '../../shared/ui/paging-footer';

const PAGE_SIZE = 25;
const TEXT_FILTERS = ['entityType', 'entityId', 'actorId', 'action'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];

/** The day after a `YYYY-MM-DD`, as text (the `to` filter is exclusive). */
function nextDay(d: string): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, day + 1));
  return next.toISOString().slice(0, 10);
}

/** A recorded value as people read it: dates and instants as dd/MM/yyyy (the JSON keeps ISO text). */
function readable(value: string | undefined): string {
  if (value === undefined) return '—';
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? formatDate(value) : value;
}

/** The search form: typed values stay local until submitted, then go to the address. */
function AuditFilterForm({ initial, onSearch }: { initial: Record<TextFilter, string>; onSearch: (values: Record<TextFilter, string>) => void }) {
  const { t } = useTranslation(AUDIT_NS);
  const [values, setValues] = useState(initial);
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(values);
      }}
    >
      <Group gap="sm" align="flex-end" wrap="wrap">
        {TEXT_FILTERS.map((f) => (
          <TextInput
            key={f}
            label={t(`filters.${f}`)}
            value={values[f]}
            onChange={(e) => setValues({ ...values, [f]: e.currentTarget.value })}
            w={f === 'action' ? 200 : 140}
          />
        ))}
        <Button type="submit" variant="default">
          {t('filters.search')}
        </Button>
      </Group>
    </form>
  );
}

/** An event's before and after, field by field, the changed ones marked. */
function EventDiff({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation(AUDIT_NS);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const rows = diffOf(event.before, event.after);
  const shown = onlyChanges ? rows.filter((r) => r.change !== 'same') : rows;
  const label = (path: string) => {
    const key = leafKey(path);
    return i18n.exists(`${AUDIT_NS}:keys.${key}`) ? `${t(`keys.${key}`)} (${path})` : path;
  };
  // Filled shades with at least 4.5:1 for white text (the debt-group badges' greens and reds).
  const colour = { added: '#1e7b34', removed: '#c92a2a', changed: '#b8400c', same: 'gray.7' } as const;
  return (
    <Stack gap="xs" p="sm" data-testid="audit-diff">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('diff.none')}
        </Text>
      ) : (
        <>
          <Checkbox size="xs" label={t('diff.onlyChanges')} checked={onlyChanges} onChange={(e) => setOnlyChanges(e.currentTarget.checked)} />
          <Table withTableBorder fz="xs" verticalSpacing={4} aria-label={`${event.action} ${event.entityType} ${event.entityId}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('diff.field')}</Table.Th>
                <Table.Th>{t('diff.before')}</Table.Th>
                <Table.Th>{t('diff.after')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.path} style={r.change === 'same' ? undefined : { background: 'var(--mantine-color-yellow-0)' }}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{label(r.path)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{readable(r.before)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{readable(r.after)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="filled" color={colour[r.change]}>
                      {t(`diff.changes.${r.change}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Text size="xs" c="dimmed">
        {event.requestId && t('diff.requestId', { id: event.requestId })} · {t('diff.hash', { hash: event.hash.slice(0, 16) })}…
      </Text>
    </Stack>
  );
}

function VerifyChain() {
  const { t, i18n } = useTranslation(AUDIT_NS);
  const lang = toLanguage(i18n.language);
  const verify = useVerifyChain();
  const r = verify.data;
  return (
    <Stack gap="xs" mb="md">
      <Group>
        <Button leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('verify.button')}
        </Button>
      </Group>
      {verify.isError && <ProblemAlert error={verify.error} />}
      {r && (
        <Alert
          color={r.ok ? 'green' : 'red'}
          icon={r.ok ? <IconShieldCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
          data-testid="verify-result"
          role="status"
        >
          {r.ok || !r.firstBreak
            ? t('verify.ok', { events: formatCount(r.eventsChecked, lang), chains: formatCount(r.chains, lang) })
            : t('verify.broken', { id: r.firstBreak.id, chain: r.firstBreak.chainId, reason: r.firstBreak.reason })}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * The audit trail (README "Audit"): events newest first, searched by entity, actor, action and
 * dates, all in the address (`?entityType=&entityId=&actorId=&action=&from=&to=&page=`); each
 * event opens its before and after; a button verifies the hash chains.
 */
export function AuditPage() {
  const { t } = useTranslation(AUDIT_NS);
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const text = Object.fromEntries(TEXT_FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<TextFilter, string>;
  const fromDate = params.get('from');
  const toDate = params.get('to');
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useAuditEvents({
    ...Object.fromEntries(TEXT_FILTERS.filter((f) => text[f]).map((f) => [f, text[f]])),
    // The fund's days are in Vietnam's time: a date range covers whole local days.
    from: fromDate ? `${fromDate}T00:00:00+07:00` : undefined,
    to: toDate ? `${nextDay(toDate)}T00:00:00+07:00` : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete('page');
    setParams(next);
  };
  const filtered = TEXT_FILTERS.some((f) => text[f]) || Boolean(fromDate || toDate);
  const data = list.data;

  return (
    <>
      <PageHeader title={t('title')} />
      <VerifyChain />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <AuditFilterForm key={TEXT_FILTERS.map((f) => text[f]).join('|')} initial={text} onSearch={(v) => update(v)} />
        <DateInput
          label={t('filters.from')}
          value={fromDate}
          onChange={(d) => update({ from: d ? String(d).slice(0, 10) : null })}
          valueFormat="DD/MM/YYYY"
          placeholder="dd/mm/yyyy"
          clearable
          w={140}
        />
        <DateInput
          label={t('filters.to')}
          value={toDate}
          onChange={(d) => update({ to: d ? String(d).slice(0, 10) : null })}
          valueFormat="DD/MM/YYYY"
          placeholder="dd/mm/yyyy"
          clearable
          w={140}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('common:actions.clear')}
          </Button>
        )}
      </Group>
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton />}
      {data && data.items.length === 0 && <EmptyState title={t('empty')} hint={t('emptyHint')} />}
      {data && data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={900} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('title') } }}>
            <Table
              striped
              highlightOnHover
              verticalSpacing={6}
              fz="sm"
              aria-label={t('title')}
              data-testid="audit-table"
              style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.when')}</Table.Th>
                  <Table.Th>{t('columns.actor')}</Table.Th>
                  <Table.Th>{t('columns.action')}</Table.Th>
                  <Table.Th>{t('columns.entity')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('columns.chain')}</Table.Th>
                  <Table.Th>{t('columns.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <Fragment key={e.id}>
                    <Table.Tr>
                      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatInstant(e.occurredAt)}</Table.Td>
                      <Table.Td>
                        {e.actorId ? (
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            onClick={() => update({ actorId: e.actorId })}
                            aria-label={t('filterByActor', { name: e.actorUsername })}
                          >
                            {e.actorUsername}
                          </Anchor>
                        ) : (
                          e.actorUsername
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`actions.${e.action}`, { defaultValue: e.action })}</Text>
                        <Code fz="xs">{e.action}</Code>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component="button" type="button" size="sm" onClick={() => update({ entityType: e.entityType, entityId: e.entityId })}>
                          {t(`entities.${e.entityType}`, { defaultValue: e.entityType })} #{e.entityId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }} className="num">
                        {e.chainId}
                      </Table.Td>
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === e.id ? null : e.id)} aria-expanded={open === e.id}>
                          {open === e.id ? t('hide') : t('show')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {open === e.id && (
                      <Table.Tr>
                        <Table.Td colSpan={6} style={{ background: 'var(--mantine-color-gray-0)' }}>
                          <EventDiff event={e} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
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
