export const REPORT_EXPORT_QUEUE = 'report-exports';
export const JOB_REPORT_EXPORT = 'report-export';

export interface ReportExportJob {
  exportId: string;
}

export const PORTFOLIO_TOTALS_QUEUE = 'portfolio-totals';
export const JOB_PORTFOLIO_TOTALS = 'portfolio-totals';

export interface PortfolioTotalsJob {
  /** The closed day whose totals to keep. */
  day: string;
}
