import { defineErrors } from '../../platform/errors/index.js';

export const AuthErrors = defineErrors({
  'USER.USERNAME_TAKEN': {
    status: 409,
    title: 'Username taken',
    vi: 'Tên đăng nhập {username} đã tồn tại.',
    en: 'The username {username} is already taken.',
  },
  'USER.COOPERATIVE_NEEDS_BORROWER': {
    status: 422,
    title: 'Cooperative user needs a borrower',
    vi: 'Người dùng hợp tác xã phải gắn với đúng một bên vay (borrowerId).',
    en: 'A COOPERATIVE user must be bound to exactly one borrower (borrowerId).',
  },
  'USER.BORROWER_ONLY_FOR_COOPERATIVE': {
    status: 422,
    title: 'Borrower binding only for cooperative users',
    vi: 'Chỉ người dùng hợp tác xã mới gắn với bên vay.',
    en: 'Only COOPERATIVE users are bound to a borrower.',
  },
  'USER.BORROWER_NOT_FOUND': {
    status: 422,
    title: 'Borrower not found',
    vi: 'Không có bên vay {borrowerId} để gắn người dùng hợp tác xã.',
    en: 'There is no borrower {borrowerId} to bind the cooperative user to.',
  },
  'USER.CANNOT_DISABLE_SELF': {
    status: 422,
    title: 'Cannot disable yourself',
    vi: 'Không thể tự vô hiệu hoá tài khoản của mình.',
    en: 'You cannot disable your own account.',
  },
  'USER.CANNOT_DEMOTE_SELF': {
    status: 422,
    title: 'Cannot remove your own administrator role',
    vi: 'Không thể tự bỏ vai trò quản trị của chính mình.',
    en: 'You cannot remove the administrator role from your own account.',
  },
});
