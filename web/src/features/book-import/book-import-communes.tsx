import { Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/problem';
import { toLanguage } from '../../shared/format/language';
import { formatCount } from '../../shared/format/money';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { ScrollTable } from '../../shared/ui/scroll-table';
import { BOOK_IMPORT_NS } from './book-import-i18n';
import { useChooseCommunes, type CommuneProposal } from './book-import-queries';

/**
 * Borrower rows whose pre-July-2025 address (old commune and district) matched several 2025 communes
 * in the official correspondence: the officer chooses one for each (README "Reference data").
 */
export function BookCommuneChoices({ importId, proposals, editable }: { importId: string; proposals: CommuneProposal[]; editable: boolean }) {
  const { t, i18n } = useTranslation(BOOK_IMPORT_NS);
  const lang = toLanguage(i18n.language);
  const choose = useChooseCommunes(importId);
  const several = proposals.filter((p) => p.candidates.length > 1);
  const [draft, setDraft] = useState<Record<number, string>>({});
  if (several.length === 0) return null;
  const pending = several.filter((p) => !(draft[p.row] ?? p.chosenCode)).length;
  const changed = Object.entries(draft).map(([row, communeCode]) => ({ row: Number(row), communeCode }));
  const save = () =>
    choose.mutate(changed, {
      onSuccess: () => {
        setDraft({});
        notifySuccess(t('communes.saved'));
      },
      onError: (e) => notifyError(isApiError(e) ? e.problem.detail || t('common:errors.unexpected') : t('common:errors.unexpected')),
    });
  return (
    <Stack gap="sm" component="section" aria-labelledby="book-communes">
      <Title order={2} size="h4" id="book-communes">
        {t('communes.title')}
      </Title>
      <Text size="sm">{t('communes.hint')}</Text>
      <ScrollTable minWidth={800} label={t('communes.title')}>
        <Table withTableBorder fz="sm" aria-label={t('communes.title')} data-testid="commune-choices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="num">{t('communes.row')}</Table.Th>
              <Table.Th>{t('communes.borrower')}</Table.Th>
              <Table.Th>{t('communes.old')}</Table.Th>
              <Table.Th>{t('communes.choice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {several.map((p) => (
              <Table.Tr key={p.row}>
                <Table.Td className="num">{p.row}</Table.Td>
                <Table.Td>{p.borrowerRef}</Table.Td>
                <Table.Td>{[p.oldCommune, p.oldDistrict].filter(Boolean).join(', ')}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('communes.choice')} — ${t('communes.row')} ${p.row}`}
                    placeholder={t('communes.choose')}
                    data={p.candidates.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
                    value={draft[p.row] ?? p.chosenCode}
                    onChange={(v) => v && setDraft((d) => ({ ...d, [p.row]: v }))}
                    disabled={!editable}
                    error={!editable || (draft[p.row] ?? p.chosenCode) ? undefined : true}
                    w={320}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {editable && (
        <Group gap="md">
          <Button onClick={save} disabled={changed.length === 0} loading={choose.isPending}>
            {t('communes.save')}
          </Button>
          {pending > 0 && (
            <Text size="sm" c="#a85d00" fw={600}>
              {t('communes.pending', { count: pending, n: formatCount(pending, lang) })}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
