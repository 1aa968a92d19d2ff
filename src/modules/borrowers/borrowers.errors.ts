import { defineErrors } from '../../platform/errors/index.js';

export const BorrowerErrors = defineErrors({
  'BORROWER.IDENTITY_TAKEN': {
    status: 409,
    title: 'Identity already registered',
    vi: 'Đã có bên vay loại {type} với mã định danh {identityCode}.',
    en: 'A {type} borrower with identity {identityCode} already exists.',
  },
  'BORROWER.OUTSIDE_FUND_PROVINCE': {
    status: 422,
    title: 'Outside the fund’s province',
    vi: 'Quỹ chỉ cho vay trong {fundProvinceName} (mã {limit}); bên vay ở {provinceName} (mã {actual}).',
    en: 'The fund lends only inside {fundProvinceName} (code {limit}); the borrower is in {provinceName} (code {actual}).',
  },
  'BORROWER.COMMUNE_OUTSIDE_FUND_PROVINCE': {
    status: 422,
    title: 'Commune outside the fund’s province',
    vi: '{communeName} (mã {communeCode}) thuộc {provinceName}, không thuộc {fundProvinceName} nơi Quỹ cho vay.',
    en: '{communeName} (code {communeCode}) is in {provinceName}, not in {fundProvinceName} where the fund lends.',
  },
  'BORROWER.UNKNOWN_COMMUNE': {
    status: 422,
    title: 'Unknown commune',
    vi: 'Mã xã/phường {communeCode} không có trong danh mục đơn vị hành chính từ 01/7/2025.',
    en: 'Commune code {communeCode} is not among the administrative units in force since 1 July 2025.',
  },
  'BORROWER.UNDER_AGE': {
    status: 422,
    title: 'Under 18',
    vi: 'Thành viên phải đủ {limit} tuổi (Nghị định 45 Điều 20); tuổi hiện tại {actual}.',
    en: 'A member must be at least {limit} (Decree 45 Art. 20); age is {actual}.',
  },
  'BORROWER.AFFILIATION_REQUIRED': {
    status: 422,
    title: 'Member affiliation',
    vi: 'Thành viên phải thuộc đúng một hợp tác xã (cooperativeId) hoặc một tổ hợp tác (cooperativeGroupId); tổ chức thì không.',
    en: 'A MEMBER belongs to exactly one cooperative (cooperativeId) or cooperative group (cooperativeGroupId); organisations to neither.',
  },
  'BORROWER.HAS_OPEN_LOAN': {
    status: 409,
    title: 'Borrower has an open loan',
    vi: 'Không thể ngừng hoạt động bên vay {id}: còn khoản vay chưa tất toán.',
    en: 'Borrower {id} cannot be deactivated: it has an open loan.',
  },
  'BORROWER.RELATION_INVALID': {
    status: 422,
    title: 'Invalid relation',
    vi: 'Không thể liên kết một bên vay với chính nó.',
    en: 'A borrower cannot be related to itself.',
  },
  'BORROWER.RELATION_EXISTS': {
    status: 409,
    title: 'Relation exists',
    vi: 'Hai bên vay này đã được liên kết.',
    en: 'These borrowers are already related.',
  },
});
