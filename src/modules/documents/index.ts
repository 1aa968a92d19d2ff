export { DocumentsModule } from './documents.module.js';
export * as documentPdf from './render/document-pdf.js';
