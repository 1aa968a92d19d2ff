import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from './domain-error.js';

function collect(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      // class-validator names an unknown field's rule whitelistValidation; say what it means.
      out.push({ field, rule: rule === 'whitelistValidation' ? 'unknownField' : rule, message });
    }
    if (e.children?.length) out.push(...collect(e.children, field));
  }
  return out;
}

/** Every string in a body, query or path parameter holding U+0000, with its field path. */
function nulFields(value: unknown, field: string, out: FieldError[], depth = 0): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field, rule: 'noNulCharacter', message: `${field} must not contain the NUL character (U+0000)` });
  } else if (value !== null && typeof value === 'object' && depth < 32) {
    for (const [k, v] of Object.entries(value)) nulFields(v, field ? `${field}.${k}` : k, out, depth + 1);
  }
  return out;
}

/**
 * PostgreSQL text cannot hold U+0000 (it refuses the statement), so a NUL anywhere in the input
 * is a field error before any rule or handler runs, on every route and parameter kind alike.
 */
class LmsValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const bad = nulFields(value, metadata.type === 'body' || metadata.data === undefined ? '' : metadata.data, []);
      if (bad.length > 0) throw new DomainError('REQUEST.VALIDATION_FAILED', { count: bad.length }, bad);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Bodies and queries are validated before a handler runs, so a bad request changes
 * nothing. Unknown fields are refused (forbidNonWhitelisted), every broken rule listed.
 */
export function createValidationPipe(): ValidationPipe {
  return new LmsValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const fieldErrors = collect(errors);
      return new DomainError('REQUEST.VALIDATION_FAILED', { count: fieldErrors.length }, fieldErrors);
    },
  });
}
