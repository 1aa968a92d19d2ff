import { defineErrors } from '../../platform/errors/index.js';

export const DemoLoadErrors = defineErrors({
  'DEMO.LOADING': {
    status: 503,
    title: 'The demo is still loading',
    vi: 'Dữ liệu mẫu đang được nạp ({phase}: {done}/{total}); thử lại sau {retryAfterSeconds} giây. Tiến độ: GET /api/v1/demo-status.',
    en: 'The demo is still loading ({phase}: {done}/{total}); retry in {retryAfterSeconds} seconds. Progress: GET /api/v1/demo-status.',
  },
});
