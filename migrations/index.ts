import { Foundation1763800000000 } from './1763800000000-foundation.js';
import { Origination1763800000001 } from './1763800000001-origination.js';
import { LoansLedger1763800000002 } from './1763800000002-loans-ledger.js';
import { CloseOfBusiness1763800000003 } from './1763800000003-close-of-business.js';
import { RestructuringImports1763800000004 } from './1763800000004-restructuring-imports.js';
import { Reports1763800000005 } from './1763800000005-reports.js';
import { ReportIndexes1763800000006 } from './1763800000006-report-indexes.js';
import { LoanFlowCounters1763800000007 } from './1763800000007-loan-flow-counters.js';
import { LoanPositions1763800000010 } from './1763800000010-loan-positions.js';
import { LoanIdStatistics1763800000011 } from './1763800000011-loan-id-statistics.js';
import { JournalAccountCheck1763800000012 } from './1763800000012-journal-account-check.js';
import { QueueJobTokens1763800000013 } from './1763800000013-queue-job-tokens.js';
import { DemoLoad1763800000020 } from './1763800000020-demo-load.js';
import { WorkingDays1763800000040 } from './1763800000040-working-days.js';
import { CloseRunAuditAnchor1763800000070 } from './1763800000070-close-run-audit-anchor.js';
import { BookImports1763800000060 } from './1763800000060-book-imports.js';
import { OpeningPositions1763800000061 } from './1763800000061-opening-positions.js';
import { StatementColumnMappings1763800000065 } from './1763800000065-statement-column-mappings.js';
import { UserSessionVersion1763800000075 } from './1763800000075-user-session-version.js';
import { Collateral1763800000050 } from './1763800000050-collateral.js';
import { LoanFileDocumentsInspections1763800000055 } from './1763800000055-loan-file-documents-inspections.js';
import { CollateralExpiryReminders1763800000080 } from './1763800000080-collateral-expiry-reminders.js';
import { PortfolioTotals1763800000081 } from './1763800000081-portfolio-totals.js';
import { BorrowersUpdatedAtIndex1763800000082 } from './1763800000082-borrowers-updated-at-index.js';
import { MoneyPathFreshReads1763800000090 } from './1763800000090-money-path-fresh-reads.js';
import { CloseHotUpdates1763800000095 } from './1763800000095-close-hot-updates.js';
import { BorrowersRegroupedAt1763800000096 } from './1763800000096-borrowers-regrouped-at.js';

/**
 * Every migration in order. Listed explicitly (no glob) so the compiled app, the CLI and
 * the ESM test runner load the same classes. `npm run migration:generate` adds new ones here.
 */
export const migrations = [
  Foundation1763800000000,
  Origination1763800000001,
  LoansLedger1763800000002,
  CloseOfBusiness1763800000003,
  RestructuringImports1763800000004,
  Reports1763800000005,
  ReportIndexes1763800000006,
  LoanFlowCounters1763800000007,
  LoanPositions1763800000010,
  LoanIdStatistics1763800000011,
  JournalAccountCheck1763800000012,
  QueueJobTokens1763800000013,
  DemoLoad1763800000020,
  WorkingDays1763800000040,
  CloseRunAuditAnchor1763800000070,
  BookImports1763800000060,
  OpeningPositions1763800000061,
  StatementColumnMappings1763800000065,
  UserSessionVersion1763800000075,
  Collateral1763800000050,
  LoanFileDocumentsInspections1763800000055,
  CollateralExpiryReminders1763800000080,
  PortfolioTotals1763800000081,
  BorrowersUpdatedAtIndex1763800000082,
  MoneyPathFreshReads1763800000090,
  CloseHotUpdates1763800000095,
  BorrowersRegroupedAt1763800000096,
];
