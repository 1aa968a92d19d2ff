import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../shared/api/client';
import { ApiError, toProblem, type Page } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';
import { toLanguage } from '../../shared/format/language';
import { currentLanguage } from '../../shared/i18n/i18n';

export type BookImport = components['schemas']['BookImportDto'];
export type BookImportError = components['schemas']['BookImportErrorDto'];
export type AmountByKey = components['schemas']['AmountByKeyDto'];
/**
 * A row of the reconciliation sheet. Written out here: the OpenAPI document has two schemas named
 * ReconciliationRowDto (the loans-to-ledger report's and the book import's) and keeps only one.
 */
export interface ReconciliationRow {
  loanRef: string;
  borrowerRef: string;
  row: number;
  asOf: string;
  reportedPrincipal: string;
  replayPrincipal: string;
  reportedInterest: string;
  replayInterest: string;
  principalDifference: string;
  interestDifference: string;
  difference: string;
  matches: boolean;
  dpd: number;
  debtGroup: number;
}
export type CommuneProposal = components['schemas']['CommuneProposalDto'];
export type BookImportProgress = components['schemas']['BookImportProgressDto'];
export type BookImportResult = components['schemas']['BookImportResultDto'];

const keys = {
  all: ['book-imports'] as const,
  list: (page: number, pageSize: number, lang: string) => ['book-imports', 'list', page, pageSize, lang] as const,
  // The dry run's messages and column headers come in the request's language: one cache entry per language.
  one: (id: string, lang: string) => ['book-imports', 'one', id, lang] as const,
  progress: (id: string) => ['book-imports', 'progress', id] as const,
  result: (id: string) => ['book-imports', 'result', id] as const,
};

/** The commit job is under way: the page polls its progress until it ends. */
export function isCommitting(status: string | undefined): boolean {
  return status === 'APPROVED' || status === 'RUNNING';
}

export function useBookImports(page: number, pageSize: number) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: keys.list(page, pageSize, toLanguage(i18n.language)),
    queryFn: () => call<Page<BookImport>>(api.GET('/api/v1/book-imports', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

/** One import with its dry run; polled while the commit job runs, so the status turns COMMITTED by itself. */
export function useBookImport(id: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: keys.one(id, toLanguage(i18n.language)),
    queryFn: () => call(api.GET('/api/v1/book-imports/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => (isCommitting(q.state.data?.status) ? 1500 : false),
  });
}

export function useBookImportProgress(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.progress(id),
    queryFn: () => call(api.GET('/api/v1/book-imports/{id}/progress', { params: { path: { id } } })),
    enabled,
    refetchInterval: (q) => (isCommitting(q.state.data?.status ?? 'RUNNING') ? 1000 : false),
  });
}

export function useBookImportResult(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.result(id),
    queryFn: () => call(api.GET('/api/v1/book-imports/{id}/result', { params: { path: { id } } })),
    enabled,
  });
}

/**
 * The dry run of a workbook: multipart (the file and the origin tag), with the action's
 * Idempotency-Key: a book import is a money movement, and a retry must not dry-run twice.
 */
export function useUploadBook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, origin, key }: { file: File; origin: string; key: string }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (origin.trim() !== '') form.append('origin', origin.trim());
      return call(
        api.POST('/api/v1/book-imports', {
          params: { header: { 'Idempotency-Key': key } },
          // The typed body stands for the form; the serializer sends the FormData (the browser sets the boundary).
          body: { file: file.name, origin },
          bodySerializer: () => form,
        }),
      );
    },
    onSuccess: (created) => {
      qc.setQueryData(keys.one(created.id, currentLanguage()), created);
      return qc.invalidateQueries({ queryKey: [...keys.all, 'list'] });
    },
  });
}

function useImportAction<V>(id: string, send: (v: V) => Promise<BookImport>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (updated) => {
      qc.setQueryData(keys.one(id, currentLanguage()), updated);
      return Promise.all([
        qc.invalidateQueries({ queryKey: ['book-imports', 'one', id], predicate: (q) => q.queryKey[3] !== currentLanguage() }),
        qc.invalidateQueries({ queryKey: [...keys.all, 'list'] }),
        qc.invalidateQueries({ queryKey: keys.progress(id) }),
      ]);
    },
  });
}

export function useChooseCommunes(id: string) {
  return useImportAction(id, (choices: Array<{ row: number; communeCode: string }>) =>
    call(api.POST('/api/v1/book-imports/{id}/commune-choices', { params: { path: { id } }, body: { choices } })),
  );
}

export function useSubmitBook(id: string) {
  return useImportAction(id, () => call(api.POST('/api/v1/book-imports/{id}/submit', { params: { path: { id } } })));
}

/** The approver's confirmation writes the books (the commit job): it carries the action's Idempotency-Key. */
export function useApproveBook(id: string) {
  return useImportAction(id, (key: string) =>
    call(api.POST('/api/v1/book-imports/{id}/approve', { params: { path: { id }, header: { 'Idempotency-Key': key } } })),
  );
}

export function useRejectBook(id: string) {
  return useImportAction(id, (reason: string) => call(api.POST('/api/v1/book-imports/{id}/reject', { params: { path: { id } }, body: { reason } })));
}

/** A file the API answers (the template, the uploaded workbook), saved under the server's name. */
export async function downloadFile(request: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallback: string): Promise<void> {
  const result = await request;
  if (!result.response.ok) throw new ApiError(toProblem(result.response.status, result.error));
  const disposition = result.response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star?.[1] ? decodeURIComponent(star[1]) : fallback;
  const url = URL.createObjectURL(result.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadTemplate(lang: 'vi' | 'en'): Promise<void> {
  return downloadFile(api.GET('/api/v1/book-imports/templates', { params: { query: { lang } }, parseAs: 'blob' }), `mau-so-cho-vay-${lang}.xlsx`);
}

export function downloadUploaded(id: string, fileName: string): Promise<void> {
  return downloadFile(api.GET('/api/v1/book-imports/{id}/file', { params: { path: { id } }, parseAs: 'blob' }), fileName);
}
