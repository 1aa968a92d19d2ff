import { defineErrors } from '../../platform/errors/index.js';

export const ReferenceErrors = defineErrors({
  'REFERENCE.UNKNOWN_SECTOR': {
    status: 422,
    title: 'Unknown sector',
    vi: 'Ngành {version} {code} không có trong danh mục VSIC.',
    en: 'Sector {version} {code} is not in the VSIC reference.',
  },
  'REFERENCE.UNKNOWN_PROVINCE': {
    status: 422,
    title: 'Unknown province',
    vi: 'Không có tỉnh "{province}" trong danh mục 63 tỉnh trước 2025 hay 34 tỉnh từ 2025.',
    en: 'There is no province "{province}" among the 63 before 2025 or the 34 since 2025.',
  },
});
