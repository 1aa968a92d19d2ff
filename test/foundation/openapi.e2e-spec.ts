import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportOpenApiDocument } from '../../src/http-app.js';
import { call, closeUntil, contractedLoan, loanWorld, money, type LoanWorld } from '../support/loan-factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Schema = {
  $ref?: string;
  type?: string;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: unknown;
};
interface Operation {
  summary?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** The places where a body breaks its documented schema (no keys beyond the documented ones, every required key, types). */
function violations(doc: Document, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return violations(doc, doc.components.schemas[schema.$ref.split('/').pop() ?? ''], value, at);
  if (value === null) return schema.nullable ? [] : [`${at}: null`];
  if (schema.allOf) return schema.allOf.flatMap((s) => violations(doc, s, value, at));
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case 'array':
      if (!Array.isArray(value)) return [`${at}: not an array`];
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return [`${at}: ${value.length} items, more than maxItems ${schema.maxItems}`];
      return value.slice(0, 5).flatMap((v, i) => violations(doc, schema.items ?? {}, v, `${at}[${i}]`));
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      if (!schema.properties) return [];
      const body = value as Record<string, unknown>;
      const extra = schema.additionalProperties
        ? []
        : Object.keys(body)
            .filter((k) => !(k in schema.properties!))
            .map((k) => `${at}.${k}: not documented`);
      const missing = (schema.required ?? []).filter((k) => !(k in body)).map((k) => `${at}.${k}: missing`);
      return [
        ...extra,
        ...missing,
        ...Object.entries(body).flatMap(([k, v]) => (schema.properties![k] ? violations(doc, schema.properties![k], v, `${at}.${k}`) : [])),
      ];
    }
    case 'string':
      if (typeof value !== 'string') return [`${at}: not a string`];
      return schema.maxLength !== undefined && value.length > schema.maxLength ? [`${at}: longer than maxLength ${schema.maxLength}`] : [];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    default:
      return schema.properties ? violations(doc, { ...schema, type: 'object' }, value, at) : [];
  }
}

describe('the OpenAPI document the web client is generated from', () => {
  let t: TestApp;
  let w: LoanWorld;
  let loanId: string;
  let doc: Document;

  beforeAll(async () => {
    t = await createTestApp();
    w = await loanWorld(t, '2025-03-01');
    loanId = await contractedLoan(t, w, { amount: '600000000', termMonths: 6, ratePercent: '6', creditReportDate: '2025-03-01', signingDate: '2025-03-05' });
    await closeUntil(t, w, '2025-03-09');
    expect((await money(t, w, 'disbursements', loanId, '400000000', '2025-03-10')).status).toBe(201);
    await closeUntil(t, w, '2025-03-10');
    doc = (await t.request<Document>('GET', '/docs/openapi.json')).body;
  });
  afterAll(async () => t.close());

  it('is the document `cli.js openapi` exports without a database', async () => {
    expect(doc).toEqual(JSON.parse(JSON.stringify(await exportOpenApiDocument(t.config))));
  });

  it('gives every operation a summary and a 2xx answer, and public routes security: [{}] (anonymous)', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(ops.filter(({ op }) => !op.summary).map((o) => o.name)).toEqual([]);
    expect(ops.filter(({ op }) => !Object.keys(op.responses).some((s) => s.startsWith('2'))).map((o) => o.name)).toEqual([]);
    const anonymous = (op: Operation): boolean => (op.security ?? [{ bearer: [] }]).every((s) => Object.keys(s as object).length === 0);
    expect(
      ops
        .filter(({ op }) => anonymous(op))
        .map((o) => o.name)
        .sort(),
    ).toEqual(['GET /api/v1/demo-status', 'GET /api/v1/verify/{code}', 'GET /health', 'POST /api/v1/auth/login']);
  });

  it.each([
    '/users',
    '/audit-events',
    '/ledger/accounts',
    '/ledger/reconciliation',
    '/loans',
    '/loans/{loanId}',
    '/borrowers',
    '/cooperative-groups',
    '/capital-sources',
    '/capital-sources/{capitalSourceId}/movements',
    '/loan-products',
    '/loan-applications',
    '/repayment-imports',
    '/notifications',
    '/close-of-business/runs',
    '/reports/aging',
    '/reports/loans',
    '/reports/capital-sources',
    '/reports/reconciliation',
  ])('GET %s answers the documented 200 schema', async (route) => {
    const path = route.replace('{loanId}', loanId).replace('{capitalSourceId}', w.capitalSourceId);
    const res = await call(t, 'GET', path, w.admin);
    expect(res.status).toBe(200);
    const documented =
      doc.paths[`/api/v1${route.replace('{loanId}', '{id}').replace('{capitalSourceId}', '{id}')}`].get.responses['200'].content?.['application/json'].schema;
    expect(documented).toBeDefined();
    expect(violations(doc, documented!, res.body)).toEqual([]);
    if (
      Array.isArray((res.body as { items?: unknown[] }).items) &&
      route !== '/cooperative-groups' &&
      route !== '/repayment-imports' &&
      route !== '/notifications'
    ) {
      expect((res.body as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }
  });

  it('documents error bodies as problem+json: a refused request matches ProblemDetailsDto', async () => {
    const res = await call(t, 'POST', '/borrowers', w.officer, { type: 'COOPERATIVE' });
    expect(res.status).toBe(400);
    const declared = doc.paths['/api/v1/borrowers'].post.responses['400'] as { $ref?: string };
    expect(declared.$ref).toBe('#/components/responses/Problem400');
    expect(violations(doc, { $ref: '#/components/schemas/ProblemDetailsDto' }, res.body)).toEqual([]);
  });
});
