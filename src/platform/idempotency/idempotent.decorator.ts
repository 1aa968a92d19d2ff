import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/**
 * Marks a money-moving POST: it requires an Idempotency-Key; a replay returns the stored
 * response with `Idempotent-Replayed: true`; the same key with another body is 422; a
 * duplicate still in flight is 409.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: 'Unique per intended operation; 8–128 of A-Z a-z 0-9 . _ : -',
      example: '2f1d7c1e-5a3b-4f7e-9d8a-1c2b3a4d5e6f',
      // The interceptor's KEY_PATTERN, stated.
      schema: { type: 'string', minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9._:-]{8,128}$' },
    }),
    ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY.KEY_REUSED or a business rule refused' }),
    ApiConflictResponse({ description: 'IDEMPOTENCY.REQUEST_IN_FLIGHT' }),
  );
}
