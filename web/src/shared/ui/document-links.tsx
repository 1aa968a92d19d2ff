import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSession } from '../auth/session';
import { currentLanguage } from '../i18n/i18n';
import { ApiError, toProblem } from '../api/problem';
import { notifyError } from './notify';

/** The documents a fund prints for a loan (docs/documents.md), by kind. */
export type DocumentKind = 'contract' | 'acknowledgement' | 'receipt' | 'writeOffDecision' | 'restructuringDecision';

export interface DocumentRef {
  kind: DocumentKind;
  /** The disbursement, repayment, write-off or restructuring id (not for the contract). */
  id?: string;
  /** A label beside the kind's, e.g. the tranche's date ("In khế ước nhận nợ · 10/03/2025"). */
  suffix?: string;
}

/** The API address of a document (GET, application/pdf). */
export function documentPath(loanId: string, ref: DocumentRef): string {
  const base = `/api/v1/loans/${encodeURIComponent(loanId)}/documents`;
  const id = encodeURIComponent(ref.id ?? '');
  switch (ref.kind) {
    case 'contract':
      return `${base}/contract.pdf`;
    case 'acknowledgement':
      return `${base}/disbursements/${id}/acknowledgement.pdf`;
    case 'receipt':
      return `${base}/repayments/${id}/receipt.pdf`;
    case 'writeOffDecision':
      return `${base}/write-offs/${id}/decision.pdf`;
    case 'restructuringDecision':
      return `${base}/restructurings/${id}/decision.pdf`;
  }
}

/**
 * Fetches the PDF with the session's token (a plain link would carry none) and opens it in a new
 * tab, where the browser's viewer prints it. The tab is opened on the click itself, so a popup
 * blocker lets it through; if it is blocked anyway, the file downloads instead.
 */
export async function openDocument(path: string, fileName: string): Promise<void> {
  const tab = window.open('', '_blank');
  const session = getSession();
  const res = await fetch(path, {
    headers: { Accept: 'application/pdf', 'Accept-Language': currentLanguage(), ...(session ? { Authorization: `Bearer ${session.token}` } : {}) },
  });
  if (!res.ok) {
    tab?.close();
    const body: unknown = await res.json().catch(() => undefined);
    throw new ApiError(toProblem(res.status, body));
  }
  const url = URL.createObjectURL(await res.blob());
  if (tab) tab.location.href = url;
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
  }
  // The tab has loaded the blob by then; release it after a while rather than at once.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** One "In …" (print) button for one document of a loan. */
export function PrintDocumentButton({
  loanId,
  doc,
  size = 'xs',
  variant = 'default',
}: {
  loanId: string;
  doc: DocumentRef;
  size?: 'xs' | 'sm';
  variant?: 'default' | 'light' | 'subtle';
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const label = `${t(`common:documents.${doc.kind}`)}${doc.suffix ? ` · ${doc.suffix}` : ''}`;
  return (
    <Button
      size={size}
      variant={variant}
      loading={busy}
      aria-label={label}
      onClick={() => {
        setBusy(true);
        openDocument(documentPath(loanId, doc), `${doc.kind}-${loanId}${doc.id ? `-${doc.id}` : ''}.pdf`)
          .catch((e: unknown) => notifyError(e instanceof ApiError && e.problem.detail ? e.problem.detail : t('common:errors.unexpected')))
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}

/**
 * The print buttons for a loan's documents, for any page that shows the data they print (the
 * loan page, a tranche, a repayment, a decision): `<DocumentLinks loanId={id} docs={[{ kind: 'contract' }, { kind: 'receipt', id: rid }]} />`.
 */
export function DocumentLinks({ loanId, docs, size = 'xs' }: { loanId: string; docs: readonly DocumentRef[]; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={t('common:documents.label')} className="no-print">
      {docs.map((d) => (
        <PrintDocumentButton key={`${d.kind}-${d.id ?? ''}`} loanId={loanId} doc={d} size={size} />
      ))}
    </Group>
  );
}
