import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTS_NS } from './imports-i18n';
import type { ImportLine } from './imports-queries';

/**
 * A line's unmatched or refusal reason in the user's language: the known codes through this
 * feature's strings; another code (a rule added later) falls back to the text the server stored.
 */
export function useReasonText() {
  const { t } = useTranslation(IMPORTS_NS);
  return useCallback(
    (line: Pick<ImportLine, 'reasonCode' | 'reason' | 'contractNumber'>): string => {
      if (!line.reasonCode) return line.reason ?? '';
      return t(`reasons.${line.reasonCode}`, { contract: line.contractNumber ?? '', defaultValue: line.reason ?? line.reasonCode });
    },
    [t],
  );
}
