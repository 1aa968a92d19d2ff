import { defineErrors } from './domain-error.js';

/** Errors of the platform itself: request shape, auth, idempotency, routing. */
export const PlatformErrors = defineErrors({
  'REQUEST.VALIDATION_FAILED': {
    status: 400,
    title: 'Invalid request',
    vi: 'Dữ liệu gửi lên không hợp lệ: {count} trường vi phạm quy tắc.',
    en: 'The request is invalid: {count} field(s) break a rule.',
  },
  'REQUEST.MALFORMED_JSON': {
    status: 400,
    title: 'Malformed JSON',
    vi: 'Nội dung yêu cầu không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': {
    status: 415,
    title: 'Unsupported media type',
    vi: 'Chỉ nhận nội dung application/json.',
    en: 'Only application/json bodies are accepted.',
  },
  'REQUEST.BODY_TOO_LARGE': {
    status: 413,
    title: 'Body too large',
    vi: 'Nội dung yêu cầu vượt quá {limit} byte.',
    en: 'The request body exceeds {limit} bytes.',
  },
  'ROUTE.NOT_FOUND': {
    status: 404,
    title: 'Not found',
    vi: 'Không tìm thấy đường dẫn {method} {path}.',
    en: 'No route {method} {path}.',
  },
  'RESOURCE.NOT_FOUND': {
    status: 404,
    title: 'Not found',
    vi: 'Không tìm thấy {entity} {id}.',
    en: '{entity} {id} was not found.',
  },
  'AUTH.UNAUTHENTICATED': {
    status: 401,
    title: 'Unauthenticated',
    vi: 'Cần đăng nhập: thiếu hoặc sai mã truy cập.',
    en: 'Authentication required: the access token is missing or invalid.',
  },
  'AUTH.INVALID_CREDENTIALS': {
    status: 401,
    title: 'Invalid credentials',
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  'AUTH.FORBIDDEN': {
    status: 403,
    title: 'Forbidden',
    vi: 'Vai trò của bạn không được phép thực hiện thao tác này.',
    en: 'Your role does not allow this action.',
  },
  'AUTH.RATE_LIMITED': {
    status: 429,
    title: 'Too many requests',
    vi: 'Quá nhiều yêu cầu; thử lại sau {retryAfterSeconds} giây.',
    en: 'Too many requests; try again in {retryAfterSeconds} seconds.',
  },
  'IDEMPOTENCY.KEY_REQUIRED': {
    status: 400,
    title: 'Idempotency-Key required',
    vi: 'Thao tác chuyển tiền cần tiêu đề Idempotency-Key.',
    en: 'Money-moving requests need an Idempotency-Key header.',
  },
  'IDEMPOTENCY.KEY_REUSED': {
    status: 422,
    title: 'Idempotency-Key reused',
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác nội dung.',
    en: 'This Idempotency-Key was already used with a different request body.',
  },
  'IDEMPOTENCY.REQUEST_IN_FLIGHT': {
    status: 409,
    title: 'Request in flight',
    vi: 'Yêu cầu với Idempotency-Key này đang được xử lý; thử lại sau.',
    en: 'A request with this Idempotency-Key is still being processed; retry later.',
  },
  'CONCURRENCY.CONFLICT': {
    status: 409,
    title: 'Conflict',
    vi: 'Dữ liệu đang được xử lý bởi thao tác khác; thử lại sau {retryAfterSeconds} giây.',
    en: 'The record is busy with another operation; retry in {retryAfterSeconds} seconds.',
  },
  'SERVICE.DATABASE_UNAVAILABLE': {
    status: 503,
    title: 'Database unavailable',
    vi: 'Cơ sở dữ liệu tạm thời không kết nối được. Thử lại sau {retryAfterSeconds} giây với cùng Idempotency-Key: thao tác chỉ được ghi một lần.',
    en: 'The database is unreachable for the moment. Retry in {retryAfterSeconds} seconds with the same Idempotency-Key: the operation is recorded once.',
  },
  'SERVICE.QUEUE_UNAVAILABLE': {
    status: 503,
    title: 'Queue unavailable',
    vi: 'Hàng đợi công việc (Redis) tạm thời không kết nối được. Thử lại sau {retryAfterSeconds} giây.',
    en: 'The job queue (Redis) is unreachable for the moment. Retry in {retryAfterSeconds} seconds.',
  },
  'INTERNAL.UNEXPECTED': {
    status: 500,
    title: 'Internal error',
    vi: 'Lỗi hệ thống; mã yêu cầu {requestId}.',
    en: 'Unexpected error; request id {requestId}.',
  },
});
