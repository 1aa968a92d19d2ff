/** BullMQ names of the imports module (design.md "Jobs"): one job per uploaded statement. */
export const REPAYMENT_IMPORT_QUEUE = 'repayment-imports';
