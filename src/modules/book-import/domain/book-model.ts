import type { LocalDate } from '../../../platform/dates/index.js';
import type { Money } from '../../../platform/money/index.js';
import type { BookSheet } from '../dto/book-import.dto.js';
import type { BookRule, LegacyRule, RuleParams } from './book-rules.js';

/** A broken rule, located; messages are rendered in both languages when the dry run is stored. */
export interface BookProblem {
  readonly sheet: BookSheet | 'Workbook';
  readonly row: number;
  readonly column: string;
  readonly rule: BookRule;
  readonly params: RuleParams;
  readonly value: string | null;
}

export interface ProductRef {
  readonly productId: string;
  readonly versionId: string;
  readonly code: string;
  readonly retired: boolean;
  readonly minAmount: string;
  readonly maxAmount: string;
  readonly minTermMonths: number;
  readonly maxTermMonths: number;
  readonly annualInterestRatePercent: string;
  readonly overdueMultiplier: string;
  readonly lateInterestRatePercent: string;
  readonly interestFrequency: string;
  readonly amortizationMethod: string;
  readonly principalGracePeriods: number;
  readonly roundingUnit: string;
  readonly allocationOrder: readonly string[];
  readonly prepaymentMode: string;
  readonly allowedBorrowerTypes: readonly string[];
  readonly businessDayRule: string;
  readonly maxTranches: number;
}

export interface CommuneCandidate {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly provinceName: string | null;
}

/** What the rules read of the system (gathered by the service, read-only). */
export interface BookContext {
  readonly businessDate: LocalDate;
  readonly fundProvinceCode: string;
  readonly fundProvinceName: string;
  readonly commune: (code: string) => CommuneCandidate | undefined;
  /** The 2025 communes a former commune/district became; null when the correspondence is not available. */
  readonly proposeCommunes: ((oldCommune: string, oldDistrict: string | null) => CommuneCandidate[]) | null;
  readonly sectors: ReadonlySet<string>;
  readonly products: ReadonlyMap<string, ProductRef>;
  /** Lower-cased name → capital source. */
  readonly capitalSources: ReadonlyMap<string, { id: string; name: string }>;
  readonly existingBorrowers: ReadonlyMap<string, { id: string; type: string; name: string; sectorCode: string }>;
  readonly importedLoanRefs: ReadonlyMap<string, string>;
  /** Communes the officer chose for borrower rows with several candidates. */
  readonly communeChoices: Readonly<Record<string, string>>;
}

export interface BookBorrower {
  readonly row: number;
  readonly ref: string;
  readonly type: string;
  readonly identityCode: string;
  readonly legalName: string;
  readonly shortName: string | null;
  readonly legalRepresentative: string | null;
  readonly phone: string | null;
  readonly memberCount: number | null;
  readonly charterCapital: string | null;
  readonly communeCode: string | null;
  readonly sectorCode: string;
  /** Set when the identity is already in the system: nothing is created, loans attach to it. */
  readonly existingId: string | null;
}

export interface BookEvent {
  readonly sheet: 'Disbursements' | 'Repayments';
  readonly row: number;
  readonly kind: 'DISBURSEMENT' | 'REPAYMENT';
  readonly date: LocalDate;
  readonly amount: Money;
  readonly reference: string | null;
}

export interface BookOpening {
  readonly row: number;
  readonly cutOverDate: LocalDate;
  readonly firstDisbursementDate: LocalDate;
  readonly disbursedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  readonly overduePrincipal: Money;
  readonly overdueInterest: Money;
  readonly accruedInterest: Money;
  readonly dpd: number;
  readonly debtGroup: number;
}

export interface BookLoan {
  readonly row: number;
  readonly ref: string;
  readonly borrowerRef: string;
  readonly product: ProductRef;
  readonly capitalSource: { id: string; name: string };
  readonly sectorCode: string;
  readonly purpose: string;
  readonly signingDate: LocalDate;
  readonly amount: Money;
  readonly ratePercent: Money;
  readonly termMonths: number;
  readonly frequency: string;
  readonly mode: 'HISTORY' | 'OPENING';
  readonly origin: string | null;
  readonly reportedAsOf: LocalDate | null;
  readonly reportedPrincipal: Money | null;
  readonly reportedInterest: Money | null;
  readonly legacy: ReadonlyArray<{ rule: LegacyRule; limit: string }>;
  readonly events: BookEvent[];
  readonly opening: BookOpening | null;
}
