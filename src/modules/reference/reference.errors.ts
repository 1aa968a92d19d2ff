import { defineErrors } from '../../platform/errors/index.js';

export const ReferenceErrors = defineErrors({
  'REFERENCE.UNKNOWN_SECTOR': {
    status: 422,
    title: 'Unknown sector',
    vi: 'Ngành {version} {code} không có trong danh mục VSIC.',
    en: 'Sector {version} {code} is not in the VSIC reference.',
  },
});
