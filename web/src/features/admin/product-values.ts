import type { ProductParameters, ProductVersion } from './admin-queries';

/** The product form's values, their defaults and the API parameters they become (domain.md "Loan products"). */
export type Frequency = ProductParameters['principalFrequency'];
export type Step = NonNullable<ProductParameters['allocationOrder']>[number];
export type BorrowerType = ProductParameters['allowedBorrowerTypes'][number];
export const FREQUENCIES: Frequency[] = ['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'AT_MATURITY'];
export const METHODS = ['EQUAL_PRINCIPAL', 'ANNUITY', 'BULLET'] as const;
export const PREPAYMENT = ['REDUCE_INSTALLMENT', 'SHORTEN_TERM'] as const;
export const DAY_RULES = ['NEXT_WORKING_DAY', 'PREVIOUS_WORKING_DAY', 'NONE'] as const;
export const STEPS: Step[] = ['PENALTY', 'OVERDUE_INTEREST', 'OVERDUE_PRINCIPAL', 'DUE_INTEREST', 'DUE_PRINCIPAL', 'PREPAYMENT'];
export const BORROWER_TYPES: BorrowerType[] = ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER'];

export interface ProductValues {
  code: string;
  name: string;
  minAmount: string;
  maxAmount: string;
  minTermMonths: number | string;
  maxTermMonths: number | string;
  annualInterestRatePercent: string;
  overdueMultiplier: string;
  lateInterestRatePercent: string;
  principalFrequency: Frequency;
  interestFrequency: Frequency;
  amortizationMethod: (typeof METHODS)[number];
  principalGracePeriods: number | string;
  maxTranches: number | string;
  roundingUnit: string;
  allocationOrder: Step[];
  prepaymentMode: (typeof PREPAYMENT)[number];
  allowedBorrowerTypes: BorrowerType[];
  allowedSectors: string[];
  collateralRequired: boolean;
  collateralCoverBasis: 'DISCOUNTED' | 'LTV';
  collateralMinCoverPercent: string;
  collateralMaxLtvPercent: string;
  businessDayRule: (typeof DAY_RULES)[number];
  requiredDocumentTypes: NonNullable<ProductParameters['requiredDocumentTypes']>;
  inspectionDays: number | string;
  trancheRequiresInspection: boolean;
}

/** README "The loan file": what a new product proposes as its checklist (the list). */
export const DEFAULT_CHECKLIST: ProductValues['requiredDocumentTypes'] = [
  'COOP_REGISTRATION',
  'CHARTER',
  'MEMBERS_RESOLUTION',
  'FINANCIAL_STATEMENT',
  'BUSINESS_PLAN',
];

/** A new product starts from domain.md "Loan products" defaults; an edit starts from the current version. */
export function productValues(v?: ProductVersion, code = ''): ProductValues {
  return {
    code,
    name: v?.name ?? '',
    minAmount: v?.minAmount ?? '',
    maxAmount: v?.maxAmount ?? '',
    minTermMonths: v?.minTermMonths ?? '',
    maxTermMonths: v?.maxTermMonths ?? '',
    annualInterestRatePercent: v?.annualInterestRatePercent ?? '',
    overdueMultiplier: v?.overdueMultiplier ?? '1.5',
    lateInterestRatePercent: v?.lateInterestRatePercent ?? '10',
    principalFrequency: v?.principalFrequency ?? 'MONTHLY',
    interestFrequency: v?.interestFrequency ?? 'MONTHLY',
    amortizationMethod: v?.amortizationMethod ?? 'EQUAL_PRINCIPAL',
    principalGracePeriods: v?.principalGracePeriods ?? 0,
    maxTranches: v?.maxTranches ?? 1,
    roundingUnit: v?.roundingUnit ?? '1',
    allocationOrder: v?.allocationOrder ?? STEPS,
    prepaymentMode: v?.prepaymentMode ?? 'REDUCE_INSTALLMENT',
    allowedBorrowerTypes: v?.allowedBorrowerTypes ?? ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER'],
    allowedSectors: v?.allowedSectors ?? [],
    collateralRequired: v?.collateralRequired ?? false,
    collateralCoverBasis: v?.collateralCoverBasis ?? 'DISCOUNTED',
    collateralMinCoverPercent: v?.collateralMinCoverPercent ?? '100',
    collateralMaxLtvPercent: v?.collateralMaxLtvPercent ?? '70',
    businessDayRule: v?.businessDayRule ?? 'NEXT_WORKING_DAY',
    requiredDocumentTypes: v ? (v.requiredDocumentTypes ?? []) : DEFAULT_CHECKLIST,
    inspectionDays: v?.inspectionDays ?? 30,
    trancheRequiresInspection: v?.trancheRequiresInspection ?? false,
  };
}

/** "7,2" (typed the Vietnamese way) → "7.2": the API's decimal string. */
const decimal = (s: string): string => s.trim().replace(',', '.');

export function toParameters(v: ProductValues): ProductParameters {
  return {
    name: v.name.trim(),
    minAmount: v.minAmount,
    maxAmount: v.maxAmount,
    minTermMonths: Number(v.minTermMonths),
    maxTermMonths: Number(v.maxTermMonths),
    annualInterestRatePercent: decimal(v.annualInterestRatePercent),
    overdueMultiplier: decimal(v.overdueMultiplier),
    lateInterestRatePercent: decimal(v.lateInterestRatePercent),
    principalFrequency: v.principalFrequency,
    interestFrequency: v.interestFrequency,
    amortizationMethod: v.amortizationMethod,
    principalGracePeriods: Number(v.principalGracePeriods),
    maxTranches: Number(v.maxTranches),
    roundingUnit: v.roundingUnit,
    allocationOrder: v.allocationOrder,
    prepaymentMode: v.prepaymentMode,
    allowedBorrowerTypes: v.allowedBorrowerTypes,
    allowedSectors: v.allowedSectors,
    collateralRequired: v.collateralRequired,
    collateralCoverBasis: v.collateralCoverBasis,
    collateralMinCoverPercent: decimal(v.collateralMinCoverPercent),
    collateralMaxLtvPercent: decimal(v.collateralMaxLtvPercent),
    businessDayRule: v.businessDayRule,
    requiredDocumentTypes: v.requiredDocumentTypes,
    inspectionDays: Number(v.inspectionDays),
    trancheRequiresInspection: v.trancheRequiresInspection,
  };
}

/** Every product parameter (domain.md "Loan products"); `withCode` for a new product. */
