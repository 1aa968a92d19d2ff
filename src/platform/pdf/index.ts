export { font as pdfFont } from './fonts.js';
