import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldProblem, type Problem } from '../api/problem';
import { notifyError } from '../ui/notify';

/** The parts of a Mantine form (useForm) this needs. */
interface FormLike {
  setErrors(errors: Record<string, string>): void;
}

export interface ServerErrorOptions {
  /** The feature's i18n namespace: `<ns>:fieldErrors.<field>.<rule>` overrides the common rule text. */
  ns?: string;
  /** API field path → form field path, when they differ (`items.0.amount` → `lines.0.amount`). */
  fieldMap?: Record<string, string>;
  /** Domain error code → the form field its `detail` belongs beside (BORROWER.UNDER_AGE → birthDate). */
  codeFields?: Record<string, string>;
}

/** A field error in the user's language: the feature's text, else the rule's, else the server's. */
export function fieldErrorText(t: TFunction, fe: FieldProblem, ns?: string): string {
  const keys = [...(ns ? [`${ns}:fieldErrors.${fe.field}.${fe.rule}`, `${ns}:fieldErrors.${fe.field}.default`] : []), `common:rules.${fe.rule}`];
  for (const k of keys) {
    const text = t(k, { defaultValue: '' });
    if (text) return text;
  }
  return fe.message;
}

/**
 * Puts a refused request's problem into the form (README "Forms and server errors"): each
 * `errors[]` entry beside its field, a domain error's `detail` beside the field it concerns, and
 * the `detail` in a notification. The form keeps every value the user typed.
 * Returns the problem (or null for a non-API error, which is notified as unexpected).
 */
export function useServerErrors(options: ServerErrorOptions = {}) {
  const { t } = useTranslation();
  const { ns, fieldMap, codeFields } = options;
  return useCallback(
    (error: unknown, form?: FormLike): Problem | null => {
      if (!isApiError(error)) {
        notifyError(t('errors.unexpected'));
        return null;
      }
      const problem = error.problem;
      const fieldErrors: Record<string, string> = {};
      for (const fe of problem.errors) {
        const field = fieldMap?.[fe.field] ?? fe.field;
        fieldErrors[field] ??= fieldErrorText(t, fe, ns);
      }
      const codeField = codeFields?.[problem.code];
      if (codeField && problem.detail) fieldErrors[codeField] ??= problem.detail;
      if (form && Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
      const message = problem.status === 0 ? t('errors.network') : problem.detail || t('errors.unexpected');
      notifyError(problem.errors.length > 0 ? `${message} ${t('errors.fixFields')}` : message);
      return problem;
    },
    [t, ns, fieldMap, codeFields],
  );
}
