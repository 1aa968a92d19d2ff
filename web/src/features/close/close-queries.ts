import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

export type CloseRun = components['schemas']['CloseRunDto'];
export type CloseRunStatus = CloseRun['status'];
export type CloseAccepted = components['schemas']['CloseAcceptedDto'];

export function isActive(status: CloseRunStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING';
}

/**
 * The close's runs, newest first, polled every 1.5 s while one is queued or running (and briefly
 * after the admin starts one, before its run appears), so the progress moves on its own.
 */
export function useCloseRuns(page: number, pageSize: number, follow: boolean) {
  return useQuery({
    queryKey: ['close-runs', page, pageSize],
    queryFn: () => call<Page<CloseRun>>(api.GET('/api/v1/close-of-business/runs', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (follow || q.state.data?.items.some((r) => isActive(r.status)) ? 1500 : false),
  });
}

/** Every view the close changes: the runs, the business date in the header, the home page's last close. */
function invalidateClose(qc: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: ['close-runs'] }),
    qc.invalidateQueries({ queryKey: ['workspace'] }),
    qc.invalidateQueries({ queryKey: ['work-queues'] }),
  ]);
}

/** Close every open day through `until` (ADMIN); wait=false answers 202 at once and the runs are polled. */
export function useCloseThrough() {
  const qc = useQueryClient();
  return useMutation({
    // With wait=false the answer is the 202 CloseAcceptedDto (the run now closing), never the 200 result.
    mutationFn: async (until: string) =>
      (await call(api.POST('/api/v1/close-of-business', { params: { query: { wait: 'false' } }, body: { until } }))) as CloseAccepted,
    onSettled: () => invalidateClose(qc),
  });
}

/** Retry a FAILED day (ADMIN): its chunks not done run again, then the days through its target. */
export function useRetryRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => call(api.POST('/api/v1/close-of-business/runs/{date}/retry', { params: { path: { date }, query: { wait: 'false' } } })),
    onSettled: () => invalidateClose(qc),
  });
}
