/**
 * Domain errors: a stable dotted code (`LOAN.AMOUNT_ABOVE_PRODUCT_MAX`), an HTTP status,
 * Vietnamese and English message templates, and parameters (the rule, the limit and the
 * figure that broke it). Services throw them; one filter maps them to RFC 9457 problems.
 * Pure TypeScript: domain/ code may throw these too.
 */
export type ErrorParams = Record<string, string | number | boolean | null | undefined>;

export interface ErrorDefinition {
  status: number;
  title: string;
  vi: string;
  en: string;
}

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

const registry = new Map<string, ErrorDefinition>();

/** Registers a module's error catalogue; returns the codes so callers can refer to them. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(catalogue: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(catalogue)) {
    registry.set(code, def);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

export function errorDefinition(code: string): ErrorDefinition | undefined {
  return registry.get(code);
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
  }

  get status(): number {
    return registry.get(this.code)?.status ?? 500;
  }
}

/** Parameters that carry a figure or a date the reader compares (the rule's limit and the actual value). */
const DISPLAYED_FIGURES = new Set(['limit', 'actual', 'amount', 'date', 'from', 'to', 'effectiveDate', 'total']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WHOLE_NUMBER = /^-?\d{4,}$/;

/**
 * A parameter as a person reads it in the message's language: dates as dd/MM/yyyy and whole
 * numbers (VND amounts) with thousands separators (1.234.567 in Vietnamese, 1,234,567 in English).
 * String operations only: an amount never passes through a JavaScript number.
 */
function displayed(key: string, value: string, lang: 'vi' | 'en'): string {
  if (!DISPLAYED_FIGURES.has(key)) return value;
  const date = ISO_DATE.exec(value);
  if (date) return `${date[3]}/${date[2]}/${date[1]}`;
  if (!WHOLE_NUMBER.test(value)) return value;
  const sign = value.startsWith('-') ? '-' : '';
  const digits = sign ? value.slice(1) : value;
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

export function renderMessage(template: string, params: ErrorParams, lang: 'vi' | 'en' = 'vi'): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    return v === undefined || v === null ? `{${key}}` : displayed(key, String(v), lang);
  });
}
