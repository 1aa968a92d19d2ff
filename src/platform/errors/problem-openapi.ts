import { ApiProperty, ApiPropertyOptional, type OpenAPIObject } from '@nestjs/swagger';
import type { FieldError } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem.js';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'amount', description: 'The field (dotted path for nested fields, "line N" for a file line)' }) field: string;
  @ApiProperty({ example: 'isPositive', description: 'The rule the value broke' }) rule: string;
  @ApiProperty({ example: 'Số tiền phải lớn hơn 0.', description: 'The message, in the request language' }) message: string;
}

/**
 * RFC 9457 problem details as the filter renders them (problem.ts renderProblem); the
 * error's parameters (the limit, the figure that broke it) ride along as extension members.
 */
export class ProblemDetailsDto implements ProblemDetails {
  [extension: string]: unknown;
  @ApiProperty({ example: '/problems/request-validation-failed' }) type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'REQUEST.VALIDATION_FAILED', description: 'Stable dotted code; branch on this, never on detail' }) code: string;
  @ApiProperty({ example: 'Dữ liệu gửi lên không hợp lệ: 1 trường vi phạm quy tắc.', description: 'Vietnamese by default, English with Accept-Language: en' })
  detail: string;
  @ApiPropertyOptional({ example: '/api/v1/loans/42/repayments' }) instance?: string;
  @ApiPropertyOptional({ example: 'b7c1d7e0-3f0e-4a57-9a51-2f1c0c8f4f15' }) requestId?: string;
  @ApiProperty({ type: [FieldErrorDto], description: 'One entry per field and broken rule; empty when the error is not about a field' }) errors: FieldError[];
}

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: unknown; $ref?: string }>;
};

const PROBLEMS: Record<string, string> = {
  '400': 'Bad request: a field breaks a rule (REQUEST.VALIDATION_FAILED, errors[] names each) or the body is malformed',
  '401': 'Missing or invalid token (AUTH.UNAUTHENTICATED)',
  '403': 'The role does not allow this action, or the record is another cooperative’s (AUTH.FORBIDDEN)',
  '404': 'No such record (RESOURCE.NOT_FOUND or the module’s own code)',
  '409': 'Conflicts with the record’s current state, or the same Idempotency-Key is still in flight',
  '422': 'A business rule refused the request (the code and parameters name the rule)',
};

/**
 * Every error is a problem+json document (design.md API), so the generated client can type
 * error bodies: declares them once for all operations instead of per route. Which statuses an
 * operation can answer follows from its shape: 400 when it takes input, 401/403 when it needs
 * a token, 404 when the path names a record, 409/422 when it changes state (every such route
 * needs a token; login declares its own). Statuses a route
 * already declares (with its own description) keep the description and get the body schema.
 */
export function declareProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const schema = { $ref: '#/components/schemas/ProblemDetailsDto' };
  const content = { [PROBLEM_CONTENT_TYPE.split(';')[0]]: { schema } };
  const used = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = value as Operation;
      const secured = (op.security ?? []).some((s) => Object.keys(s as object).length > 0);
      const wanted = new Set<string>();
      if ((op.parameters ?? []).length > 0 || op.requestBody) wanted.add('400');
      if (secured) ['401', '403'].forEach((s) => wanted.add(s));
      if (path.includes('{')) wanted.add('404');
      if (secured && method !== 'get') ['409', '422'].forEach((s) => wanted.add(s));
      for (const status of Object.keys(op.responses)) if (/^[45]\d\d$/.test(status)) wanted.add(status);
      for (const status of wanted) {
        const existing = op.responses[status];
        if (!existing && PROBLEMS[status]) {
          op.responses[status] = { $ref: `#/components/responses/Problem${status}` };
          used.add(status);
        } else if (existing && !existing.$ref && !existing.content) existing.content = content;
      }
    }
  }
  document.components ??= {};
  const problem = document.components.schemas?.ProblemDetailsDto;
  // The error's parameters ride along as extension members (RFC 9457 §3.2).
  if (problem && !('$ref' in problem)) problem.additionalProperties = true;
  document.components.responses = {
    ...document.components.responses,
    ...Object.fromEntries([...used].sort().map((status) => [`Problem${status}`, { description: PROBLEMS[status], content }])),
  };
  return document;
}
