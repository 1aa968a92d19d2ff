import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/**
 * Bodies and queries are validated before a handler runs, so a bad request changes
 * nothing. Unknown fields are refused (forbidNonWhitelisted), every broken rule listed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
