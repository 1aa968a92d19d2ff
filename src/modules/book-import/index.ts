export { BookImportModule } from './book-import.module.js';
export { BOOK_IMPORT_QUEUE, BOOK_IMPORT_MAX_BYTES } from './book-import.constants.js';
