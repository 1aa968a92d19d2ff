import { api } from '../../shared/api/client';
import { ApiError, toProblem } from '../../shared/api/problem';
import type { components } from '../../shared/api/schema';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ExportAccepted = components['schemas']['ExportAcceptedDto'];
export type ExportStatus = components['schemas']['ExportStatusDto'];

/** The report routes that answer a file for `format=csv|xlsx|pdf` (README "Exports"). */
export type ReportPath =
  '/api/v1/reports/portfolio' | '/api/v1/reports/aging' | '/api/v1/reports/loans' | '/api/v1/reports/capital-sources' | '/api/v1/reports/reconciliation';

export type ExportOutcome = { kind: 'file'; name: string } | { kind: 'accepted'; accepted: ExportAccepted };

type Query = Record<string, string | number | string[] | undefined>;
interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
// One signature for the five report paths (their query types differ only in the filters), read as a blob.
const getBlob = api.GET as unknown as (path: string, init: { params: { query: Query }; parseAs: 'blob' }) => Promise<RawResult>;

async function blobOf(request: Promise<RawResult>): Promise<{ blob: Blob; response: Response }> {
  let result: RawResult;
  try {
    result = await request;
  } catch (e) {
    throw new ApiError({ status: 0, code: 'NETWORK', detail: e instanceof Error ? e.message : String(e), errors: [] });
  }
  if (!result.response.ok) throw new ApiError(toProblem(result.response.status, result.error));
  return { blob: result.data as Blob, response: result.response };
}

/** The file name the server gave (`filename*=UTF-8''…` first: it keeps the Vietnamese letters). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Hands a blob to the browser as a download (an object URL on a temporary link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks a report as a file: 200 saves it at once, 202 (a large export) returns the queued export. */
export async function exportReport(path: ReportPath, query: Query, format: ExportFormat): Promise<ExportOutcome> {
  const { blob, response } = await blobOf(getBlob(path, { params: { query: { ...query, format } }, parseAs: 'blob' }));
  if (response.status === 202) return { kind: 'accepted', accepted: JSON.parse(await blob.text()) as ExportAccepted };
  const name = fileNameOf(response.headers.get('content-disposition'), `report.${format}`);
  saveBlob(blob, name);
  return { kind: 'file', name };
}

/** Downloads a queued export once DONE. */
export async function downloadExport(id: string, format: string): Promise<string> {
  const { blob, response } = await blobOf(getBlob(`/api/v1/report-exports/${encodeURIComponent(id)}/download`, { params: { query: {} }, parseAs: 'blob' }));
  const name = fileNameOf(response.headers.get('content-disposition'), `report.${format}`);
  saveBlob(blob, name);
  return name;
}
