import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../shared/api/client';
import { formatInstant } from '../../shared/format/date';
import { useServerErrors } from '../../shared/hooks/use-server-errors';
import { useHasRole } from '../../shared/auth/use-me';
import { openDocument } from '../../shared/ui/document-links';
import { notifySuccess } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/problem-alert';
import { APPROVALS_NS } from './approvals-i18n';

/**
 * Release proposals (giải chấp tài sản bảo đảm) awaiting a decision: the approver reads the draft
 * decision and approves or rejects; the server refuses the proposer (four eyes) and re-checks the cover.
 */
export function ReleaseCases() {
  const { t } = useTranslation(APPROVALS_NS);
  const approver = useHasRole('APPROVER');
  const qc = useQueryClient();
  const serverErrors = useServerErrors();
  const list = useQuery({ queryKey: ['collateral', 'releases'], queryFn: () => call(api.GET('/api/v1/collateral-releases')) });
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'APPROVE' | 'REJECT' }) =>
      call(api.POST('/api/v1/collateral-releases/{id}/decision', { params: { path: { id } }, body: { decision } })),
    onSuccess: () => {
      notifySuccess(t('releases.done'));
      void qc.invalidateQueries({ queryKey: ['collateral'] });
    },
    onError: (e) => serverErrors(e),
  });
  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data || list.data.length === 0) return null;
  return (
    <Paper withBorder p="md" mt="lg">
      <Title order={2} size="h4" mb="sm">
        {t('releases.title')}
      </Title>
      <Table.ScrollContainer minWidth={820}>
        <Table striped aria-label={t('releases.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.borrower')}</Table.Th>
              <Table.Th>{t('releases.asset')}</Table.Th>
              <Table.Th>{t('releases.reason')}</Table.Th>
              <Table.Th>{t('columns.preparedBy')}</Table.Th>
              <Table.Th>{t('columns.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((r) => (
              <Table.Tr key={r.id} data-testid={`release-${r.id}`}>
                <Table.Td>{r.borrowerName}</Table.Td>
                <Table.Td>{r.assetDescription}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td>
                  {r.proposedByName}
                  <Text size="xs" c="dimmed">
                    {formatInstant(r.proposedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => void openDocument(`/api/v1/collateral-releases/${r.id}/document.pdf`, `giai-chap-${r.id}.pdf`)}
                    >
                      {t('releases.draft')}
                    </Button>
                    {approver && (
                      <>
                        <Button size="xs" loading={decide.isPending} onClick={() => decide.mutate({ id: r.id, decision: 'APPROVE' })}>
                          {t('releases.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          loading={decide.isPending}
                          onClick={() => decide.mutate({ id: r.id, decision: 'REJECT' })}
                        >
                          {t('releases.reject')}
                        </Button>
                      </>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
