import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { useSession } from './session';

/** The fund's name, province and open business date (GET /workspace), for the header and date defaults. */
export function useWorkspace() {
  const session = useSession();
  return useQuery({
    queryKey: ['workspace'],
    queryFn: () => call(api.GET('/api/v1/workspace')),
    enabled: session !== null,
    // The business date moves once a day (close of business); a minute is fresh enough.
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}
