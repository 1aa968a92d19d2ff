/**
 * Which contents a loan file accepts, judged from the bytes (magic numbers) and never from the
 * name: PDF, photos and office files. The one place the name matters is an OLE compound file
 * (the container of .doc and .xls, and of .msi installers): it is accepted only when named .doc
 * or .xls, and stored with that type.
 */
const BY_DETECTED: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

const COMPOUND_BY_NAME: Readonly<Record<string, string>> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

export interface DetectedType {
  readonly ext: string;
  readonly mime: string;
}

export type ContentDecision = { readonly accepted: true; readonly contentType: string } | { readonly accepted: false; readonly detected: string };

export function decideContentType(detected: DetectedType | undefined, fileName: string): ContentDecision {
  if (!detected) return { accepted: false, detected: 'unknown' };
  const direct = BY_DETECTED[detected.ext];
  if (direct) return { accepted: true, contentType: direct };
  if (detected.ext === 'cfb') {
    const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
    const byName = COMPOUND_BY_NAME[ext];
    if (byName) return { accepted: true, contentType: byName };
  }
  return { accepted: false, detected: detected.mime };
}

/** The file extension a download suggests for a stored content type. */
export function extensionOf(contentType: string): string {
  const found = Object.entries({ ...BY_DETECTED, ...COMPOUND_BY_NAME }).find(([, mime]) => mime === contentType);
  return found ? found[0] : 'bin';
}
