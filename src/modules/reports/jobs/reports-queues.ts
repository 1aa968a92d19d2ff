export const REPORT_EXPORT_QUEUE = 'report-exports';
export const JOB_REPORT_EXPORT = 'report-export';

export interface ReportExportJob {
  exportId: string;
}
