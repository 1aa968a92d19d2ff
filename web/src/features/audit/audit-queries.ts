import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import type { Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

export type AuditEvent = components['schemas']['AuditEventDto'];
export type AuditVerify = components['schemas']['AuditVerifyDto'];

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit-events', filters],
    queryFn: () => call<Page<AuditEvent>>(api.GET('/api/v1/audit-events', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** Recomputes every hash chain on the server (a read, but a heavy one: run on demand only). */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => call<AuditVerify>(api.GET('/api/v1/audit-events/verify', {})) });
}
