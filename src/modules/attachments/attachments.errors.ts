import { defineErrors } from '../../platform/errors/index.js';

/** Refusals of an upload (docs/loan-file.md "Documents"): nothing is stored when one is raised. */
export const AttachmentErrors = defineErrors({
  'ATTACHMENT.EMPTY': {
    status: 422,
    title: 'Empty file',
    vi: 'Tệp {fileName} không có nội dung.',
    en: 'The file {fileName} is empty.',
  },
  'ATTACHMENT.TOO_LARGE': {
    status: 413,
    title: 'File too large',
    vi: 'Tệp {fileName} vượt quá dung lượng cho phép {limit} byte.',
    en: 'The file {fileName} is larger than the {limit}-byte limit.',
  },
  'ATTACHMENT.TYPE_NOT_ALLOWED': {
    status: 415,
    title: 'File type not allowed',
    vi: 'Tệp {fileName} không được nhận: nội dung của tệp không phải PDF, ảnh (JPEG, PNG, WEBP, HEIC) hay tệp văn phòng (DOCX, XLSX, DOC, XLS, ODT, ODS) (kiểu nhận ra: {detected}).',
    en: 'The file {fileName} is not accepted: its content is not a PDF, an image (JPEG, PNG, WEBP, HEIC) or an office file (DOCX, XLSX, DOC, XLS, ODT, ODS) (type found: {detected}).',
  },
  'ATTACHMENT.FILE_REQUIRED': {
    status: 422,
    title: 'File required',
    vi: 'Gửi một tệp (trường file) dạng multipart/form-data; trường docType đặt trước tệp.',
    en: 'Send one file (field file) as multipart/form-data, with the docType field before the file.',
  },
  'ATTACHMENT.UPLOAD_NOT_ALLOWED': {
    status: 403,
    title: 'Upload not allowed',
    vi: 'Người dùng hợp tác xã không được thêm tài liệu vào {ownerKind}.',
    en: 'A cooperative user may not add documents to a {ownerKind}.',
  },
});
