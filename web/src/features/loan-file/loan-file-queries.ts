import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../shared/api/client';
import { ApiError, toProblem } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';
import { getSession } from '../../shared/auth/session';
import { currentLanguage } from '../../shared/i18n/i18n';

export type Attachment = components['schemas']['AttachmentDto'];
export type AttachmentVersion = components['schemas']['AttachmentVersionDto'];
export type DocType = Attachment['docType'];
export type Checklist = components['schemas']['DocumentChecklistDto'];
export type Inspection = components['schemas']['InspectionDto'];
export type InspectionStatus = Inspection['status'];
export type InspectionSummary = components['schemas']['InspectionSummaryDto'];
export type RecordInspection = components['schemas']['RecordInspectionDto'];
export type RecallCase = components['schemas']['RecallCaseDto'];

/** Who a document belongs to, and the API address of its list and of its uploads. */
export type OwnerRef = { kind: 'BORROWER' | 'LOAN' | 'INSPECTION' | 'APPLICATION'; id: string };

function ownerPath(o: OwnerRef): string {
  const id = encodeURIComponent(o.id);
  switch (o.kind) {
    case 'BORROWER':
      return `/api/v1/borrowers/${id}/documents`;
    case 'LOAN':
      return `/api/v1/loans/${id}/documents`;
    case 'INSPECTION':
      return `/api/v1/inspections/${id}/documents`;
    case 'APPLICATION':
      return `/api/v1/loan-applications/${id}/documents/files`;
  }
}

const authHeaders = (): Record<string, string> => {
  const session = getSession();
  return { 'Accept-Language': currentLanguage(), ...(session ? { Authorization: `Bearer ${session.token}` } : {}) };
};

/**
 * Sends one file as multipart/form-data (docType first, then the file: the server reads the
 * fields before the streamed file). The browser streams the body; the server judges the content.
 */
async function sendFile(path: string, file: File, docType?: string): Promise<Attachment> {
  const form = new FormData();
  if (docType) form.append('docType', docType);
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body: form, headers: authHeaders() });
  } catch (e) {
    throw new ApiError({ status: 0, code: 'NETWORK', detail: e instanceof Error ? e.message : String(e), errors: [] });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(toProblem(res.status, body));
  return body as Attachment;
}

/** Fetches a stored version with the session's token and saves it under its own name. */
export async function downloadAttachment(id: string, version: number, fileName: string): Promise<void> {
  const res = await fetch(`/api/v1/attachments/${encodeURIComponent(id)}/content?version=${version}`, { headers: authHeaders() });
  if (!res.ok) throw new ApiError(toProblem(res.status, await res.json().catch(() => undefined)));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const keys = {
  owner: (o: OwnerRef) => ['loan-file', 'documents', o.kind, o.id] as const,
  checklist: (appId: string) => ['loan-file', 'checklist', appId] as const,
  loanInspections: (loanId: string) => ['loan-file', 'inspections', 'loan', loanId] as const,
  queue: (status: string, page: number) => ['loan-file', 'inspections', 'queue', status, page] as const,
};

export function useOwnerDocuments(owner: OwnerRef | null) {
  return useQuery({
    queryKey: owner ? keys.owner(owner) : ['loan-file', 'documents', 'none'],
    queryFn: async () => {
      if (!owner) return [];
      const res = await fetch(ownerPath(owner), { headers: authHeaders() });
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) throw new ApiError(toProblem(res.status, body));
      return body as Attachment[];
    },
    enabled: !!owner,
  });
}

export function useUploadDocument(owner: OwnerRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, docType }: { file: File; docType: string }) => sendFile(ownerPath(owner), file, docType),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['loan-file'] }),
  });
}

export function useAddVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => sendFile(`/api/v1/attachments/${encodeURIComponent(id)}/versions`, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['loan-file'] }),
  });
}

export function useChecklist(appId: string) {
  return useQuery({
    queryKey: keys.checklist(appId),
    queryFn: () => call(api.GET('/api/v1/loan-applications/{id}/document-checklist', { params: { path: { id: appId } } })),
  });
}

export function useWaive(appId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['WaiveDocumentDto']) =>
      call(api.POST('/api/v1/loan-applications/{id}/document-waivers', { params: { path: { id: appId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['loan-file'] }),
  });
}

export function useLoanInspections(loanId: string) {
  return useQuery({
    queryKey: keys.loanInspections(loanId),
    queryFn: () => call(api.GET('/api/v1/loans/{id}/inspections', { params: { path: { id: loanId } } })),
  });
}

export function useRecordInspection(loanId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInspection) => call(api.POST('/api/v1/loans/{id}/inspections', { params: { path: { id: loanId } }, body })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['loan-file'] });
      await qc.invalidateQueries({ queryKey: ['loans', 'one', loanId] });
    },
  });
}

export function useInspectionQueue(status: InspectionStatus, page: number, pageSize: number) {
  return useQuery({
    queryKey: keys.queue(status, page),
    queryFn: () => call(api.GET('/api/v1/inspections', { params: { query: { status, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useInspectionSummary() {
  return useQuery({ queryKey: ['loan-file', 'inspections', 'summary'], queryFn: () => call(api.GET('/api/v1/inspections/summary')) });
}

export function useRecallCase(id: string) {
  return useQuery({ queryKey: ['loan-file', 'recall', id], queryFn: () => call(api.GET('/api/v1/recall-cases/{id}', { params: { path: { id } } })) });
}

export function useLoanRecalls(loanId: string) {
  return useQuery({
    queryKey: ['loan-file', 'recalls', loanId],
    queryFn: () => call(api.GET('/api/v1/loans/{id}/recall-cases', { params: { path: { id: loanId } } })),
  });
}

export function useDecideRecall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ verdict, note }: { verdict: 'approve' | 'reject'; note: string }) =>
      verdict === 'approve'
        ? call(api.POST('/api/v1/recall-cases/{id}/approve', { params: { path: { id } }, body: { note } }))
        : call(api.POST('/api/v1/recall-cases/{id}/reject', { params: { path: { id } }, body: { note } })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['loan-file'] });
      await qc.invalidateQueries({ queryKey: ['approvals'] });
      await qc.invalidateQueries({ queryKey: ['loans'] });
    },
  });
}
