import { ApiError } from '../../shared/api/problem';
import { openDocument } from '../../shared/ui/document-links';
import { notifyError } from '../../shared/ui/notify';

/** Opens the release decision (a proposal prints as a draft) in a new tab for the browser to print. */
export async function openReleaseDocument(releaseId: string): Promise<void> {
  await openDocument(`/api/v1/collateral-releases/${encodeURIComponent(releaseId)}/document.pdf`, `giai-chap-${releaseId}.pdf`).catch((e: unknown) =>
    notifyError(e instanceof ApiError && e.problem.detail ? e.problem.detail : 'Error'),
  );
}
