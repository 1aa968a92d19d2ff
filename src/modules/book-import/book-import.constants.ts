export const BOOK_IMPORT_QUEUE = 'book-imports';
/** Largest workbook accepted (a 1,000-loan book with full history is well under 5 MB). */
export const BOOK_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
