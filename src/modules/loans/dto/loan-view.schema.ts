/**
 * The JSON schema Fastify serialises GET /loans/:id's 200 answer with (fast-json-stringify,
 * compiled once at boot instead of JSON.stringify walking the object per request). Properties
 * are in the order toLoanDto (services/loan-views.mapper.ts) builds them, so the bytes are the
 * same as JSON.stringify's; loan-view.schema.spec.ts checks both the order and the bytes. A
 * property missing here would be dropped from the answer: add it here when LoanDto gains one.
 * The OpenAPI document still describes LoanDto from its decorators; this schema is not in it.
 */
const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const num = { type: 'number' } as const;

export const LOAN_VIEW_SCHEMA = {
  type: 'object',
  properties: {
    id: str,
    contractNumber: str,
    status: str,
    borrowerId: str,
    applicationId: str,
    productVersionId: str,
    capitalSourceId: str,
    sector: { type: 'object', properties: { version: str, code: str } },
    signingDate: str,
    startDate: strOrNull,
    maturityDate: strOrNull,
    approvedAmount: str,
    terms: {
      type: 'object',
      properties: {
        annualInterestRatePercent: str,
        monthlyInterestRatePercent: str,
        overdueMultiplier: str,
        lateInterestRatePercent: str,
        amortizationMethod: str,
        principalFrequency: str,
        interestFrequency: str,
        termMonths: num,
        gracePeriods: num,
        roundingUnit: str,
        maxTranches: num,
        prepaymentMode: str,
        allocationOrder: { type: 'array', items: str },
        businessDayRule: str,
      },
    },
    trancheCount: num,
    principalDisbursed: str,
    outstandingPrincipal: str,
    accruedInterest: str,
    billedUnpaidInterest: str,
    overduePrincipal: str,
    overdueInterest: str,
    lateInterest: str,
    nextDueDate: strOrNull,
    nextDueAmount: strOrNull,
    daysPastDue: num,
    debtGroup: num,
    asOf: strOrNull,
    closedOn: strOrNull,
    legacyTerms: { type: 'boolean' },
    legacyRules: { type: 'array', items: str },
    origin: strOrNull,
  },
} as const;
