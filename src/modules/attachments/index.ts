/**
 * The loan file's documents (README "The loan file"). Other modules store and read files only
 * through AttachmentsService, register the owners they own with AttachmentOwners (authorised like
 * the owning entity), and read multipart uploads with readUpload/docTypeOf.
 *
 *   const upload = await readUpload(req);                       // in a controller (streamed)
 *   attachments.store(actor, { ownerKind: 'COLLATERAL_ASSET', ownerId }, upload); // docType: the form field, or given
 *   attachments.listByOwner(actor, 'COLLATERAL_ASSET', ownerId); // with versions
 *   attachments.open(actor, attachmentId, version?);             // { stream, fileName, contentType, sizeBytes, sha256 }
 *   owners.register('COLLATERAL_ASSET', { cooperativeMayUpload: false, borrowerOf: (m, id) => … });
 */
export { AttachmentsModule } from './attachments.module.js';
export { AttachmentsService, type AttachmentDownload, type NewAttachment } from './services/attachments.service.js';
export { AttachmentOwners, type AttachmentOwner } from './services/attachment-owners.js';
export { readUpload, docTypeOf, type IncomingUpload } from './services/multipart-upload.js';
export { AttachmentDto, AttachmentVersionDto, UPLOAD_BODY_SCHEMA, VERSION_BODY_SCHEMA } from './dto/attachment.dto.js';
export { AttachmentErrors } from './attachments.errors.js';
export * from './domain/document-types.js';
