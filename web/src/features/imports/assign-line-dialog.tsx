import { Alert, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/date';
import { toLanguage } from '../../shared/format/language';
import { formatMoney } from '../../shared/format/money';
import { useIdempotencyKey } from '../../shared/hooks/use-idempotency-key';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { notifyError, notifySuccess } from '../../shared/ui/notify';
import { IMPORTS_NS } from './imports-i18n';
import { useAssignLine, useLoanCandidates, type ImportLine, type LoanCandidate } from './imports-queries';
import { useReasonText } from './reason-text';

/**
 * Assigns an UNMATCHED statement line to a loan: pick the loan by contract number or borrower,
 * read what will be recorded, confirm. One Idempotency-Key per opened dialog, reused by a double
 * click or a retry; a new one after success.
 */
export function AssignLineDialog({ importId, line, onClose }: { importId: string; line: ImportLine | null; onClose: () => void }) {
  const { t, i18n } = useTranslation(IMPORTS_NS);
  const lang = toLanguage(i18n.language);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<LoanCandidate | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const candidates = useLoanCandidates(debounced);
  const assign = useAssignLine(importId);
  const idem = useIdempotencyKey();
  const onServerError = useServerErrors({ ns: IMPORTS_NS });
  const reasonText = useReasonText();
  // A double click sends two clicks before React re-renders the disabled button: one request only.
  const sending = useRef(false);

  const close = () => {
    setSearch('');
    setChosen(null);
    setProblem(null);
    onClose();
  };

  const options = [...(chosen ? [chosen] : []), ...(candidates.data ?? []).filter((c) => c.id !== chosen?.id)];
  // The option's label (also the chosen value's text) stays short; the outstanding principal is a second line in the list.
  const label = (c: LoanCandidate) => t('assign.option', { contract: c.contractNumber, borrower: c.borrowerName });

  const submit = () => {
    if (!line || !chosen || sending.current) return;
    sending.current = true;
    setProblem(null);
    assign.mutate(
      { lineNo: line.lineNo, loanId: chosen.id, key: idem.key() },
      {
        onSuccess: (result) => {
          idem.done();
          if (result.outcome === 'APPLIED')
            notifySuccess(t('assign.applied', { line: result.lineNo, contract: result.contractNumber ?? chosen.contractNumber }));
          else notifyError(t('assign.refused', { line: result.lineNo, reason: reasonText(result) }));
          close();
        },
        onError: (e) => setProblem(onServerError(e)),
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <Modal
      opened={line !== null}
      onClose={close}
      title={line ? t('assign.title', { line: line.lineNo }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {line && (
        <Stack gap="md">
          <Table withRowBorders={false} verticalSpacing={2} fz="sm" aria-label={t('assign.line')}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t('lines.date')}</Table.Th>
                <Table.Td>{formatDate(line.valueDate)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('lines.amount')}</Table.Th>
                <Table.Td fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMoney(line.amount, lang)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('lines.reference')}</Table.Th>
                <Table.Td>{line.reference || '—'}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('lines.description')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{line.description || '—'}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Select
            label={t('assign.picker')}
            description={t('assign.pickerHint')}
            searchable
            data-autofocus
            searchValue={search}
            onSearchChange={setSearch}
            data={options.map((c) => ({ value: c.id, label: label(c) }))}
            value={chosen?.id ?? null}
            onChange={(id) => {
              // Another loan is another intended action: a fresh key.
              idem.done();
              idem.begin();
              setChosen(options.find((c) => c.id === id) ?? null);
            }}
            // The server already filtered by the text; the options are shown as they come.
            filter={({ options: all }) => all}
            renderOption={({ option }) => {
              const c = options.find((x) => x.id === option.value);
              return (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  {c && (
                    <Text size="xs" c="dimmed">
                      {t('assign.outstanding', { amount: formatMoney(c.outstandingPrincipal, lang) })}
                    </Text>
                  )}
                </Stack>
              );
            }}
            nothingFoundMessage={debounced.trim().length >= 2 ? (candidates.isFetching ? t('assign.searching') : t('assign.nothingFound')) : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          {chosen && (
            <Alert color="blue" data-testid="assign-confirmation">
              {t('assign.confirm', {
                amount: formatMoney(line.amount, lang),
                date: formatDate(line.valueDate),
                contract: chosen.contractNumber,
                borrower: chosen.borrowerName,
              })}
            </Alert>
          )}
          {problem && (
            <Alert color="red" role="alert">
              {problem.detail}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={submit} disabled={!chosen || assign.isPending} loading={assign.isPending}>
              {t('assign.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
