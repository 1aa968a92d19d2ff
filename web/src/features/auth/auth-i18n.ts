import { registerStrings } from '../../shared/i18n/i18n';

export const AUTH_NS = registerStrings('auth', {
  vi: {
    title: 'Đăng nhập',
    subtitle: 'Hệ thống quản lý cho vay của Quỹ hỗ trợ phát triển hợp tác xã',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    required: 'Bắt buộc nhập.',
    loggedOut: 'Bạn đã đăng xuất.',
  },
  en: {
    title: 'Log in',
    subtitle: 'Loan management of the Cooperative Development Support Fund',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    required: 'Required.',
    loggedOut: 'You have logged out.',
  },
});
