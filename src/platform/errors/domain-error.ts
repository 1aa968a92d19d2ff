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

export function renderMessage(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    return v === undefined || v === null ? `{${key}}` : String(v);
  });
}
