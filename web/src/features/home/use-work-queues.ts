import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';

/** The home page's counts (GET /work-queues), refreshed every minute while the page is open. */
export function useWorkQueues() {
  return useQuery({
    queryKey: ['work-queues'],
    queryFn: () => call(api.GET('/api/v1/work-queues')),
    refetchInterval: 60_000,
  });
}
