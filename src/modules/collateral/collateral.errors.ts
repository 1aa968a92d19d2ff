import { defineErrors } from '../../platform/errors/index.js';

/** Collateral and guarantee refusals (docs/collateral.md); each names the rule and the figures. */
export const CollateralErrors = defineErrors({
  'COLLATERAL.ALLOCATION_ABOVE_VALUE': {
    status: 422,
    title: 'Allocation above the asset’s value',
    vi: 'Giá trị phân bổ vượt giá trị còn lại của tài sản: {rule}. Còn lại {limit}, đề nghị {actual}.',
    en: 'Allocation above what is left of the asset’s value: {rule}. Left {limit}, asked {actual}.',
  },
  'COLLATERAL.NOT_VALUED': {
    status: 409,
    title: 'Asset not valued',
    vi: 'Tài sản {id} chưa được định giá; cần định giá trước khi thế chấp, cầm cố.',
    en: 'Asset {id} has no valuation yet; value it before pledging it.',
  },
  'COLLATERAL.ASSET_NOT_ACTIVE': {
    status: 409,
    title: 'Asset not active',
    vi: 'Tài sản {id} đang ở trạng thái {status}.',
    en: 'Asset {id} is {status}.',
  },
  'COLLATERAL.OTHER_BORROWER': {
    status: 422,
    title: 'Asset of another borrower',
    vi: 'Tài sản thuộc hồ sơ của khách hàng {limit}, không phải khách hàng {actual} của khoản vay.',
    en: 'The asset is in the file of borrower {limit}, not of the loan’s borrower {actual}.',
  },
  'COLLATERAL.PLEDGE_TARGET_CLOSED': {
    status: 409,
    title: 'Cannot pledge to it',
    vi: 'Không thể thế chấp cho {target} ở trạng thái {status}.',
    en: 'Cannot pledge to a {target} in status {status}.',
  },
  'COLLATERAL.ALREADY_PLEDGED': {
    status: 409,
    title: 'Already pledged',
    vi: 'Tài sản {id} đã bảo đảm cho {target} này.',
    en: 'Asset {id} already secures this {target}.',
  },
  'COLLATERAL.COVER_BELOW_MINIMUM': {
    status: 422,
    title: 'Collateral cover below the minimum',
    vi: 'Tài sản bảo đảm không đủ: {rule}. Yêu cầu {limit} ₫, hiện có {actual} ₫ ({actualPercent}).',
    en: 'Collateral cover short: {rule}. Required {limit} ₫, actual {actual} ₫ ({actualPercent}).',
  },
  'COLLATERAL.RELEASE_BLOCKED': {
    status: 422,
    title: 'Release would leave a loan short',
    vi: 'Không thể giải chấp: khoản vay {loanId} chưa tất toán và không đủ tài sản bảo đảm nếu rút tài sản này ({rule}). Yêu cầu {limit}, còn {actual}.',
    en: 'Cannot release: loan {loanId} is not settled and its cover without this asset falls short ({rule}). Required {limit}, left {actual}.',
  },
  'COLLATERAL.RELEASE_OPEN': {
    status: 409,
    title: 'A release is already proposed',
    vi: 'Tài sản {id} đã có đề nghị giải chấp đang chờ duyệt.',
    en: 'Asset {id} already has a release awaiting a decision.',
  },
  'COLLATERAL.RELEASE_DECIDED': {
    status: 409,
    title: 'Release already decided',
    vi: 'Đề nghị giải chấp {id} đã được quyết định ({status}).',
    en: 'Release {id} was already decided ({status}).',
  },
  'COLLATERAL.FOUR_EYES': {
    status: 403,
    title: 'Four-eyes rule',
    vi: 'Người duyệt giải chấp không được là người đề nghị ({id}).',
    en: 'The approver of a release may not be its proposer ({id}).',
  },
  'COLLATERAL.NOT_PLEDGED_TO_LOAN': {
    status: 422,
    title: 'Asset not pledged to the loan',
    vi: 'Tài sản {id} không bảo đảm cho khoản vay {loanId}.',
    en: 'Asset {id} does not secure loan {loanId}.',
  },
  'COLLATERAL.GUARANTOR_LOAN_OTHER_BORROWER': {
    status: 422,
    title: 'Guaranteed loan of another borrower',
    vi: 'Khoản vay {loanId} không phải của khách hàng được bảo lãnh.',
    en: 'Loan {loanId} is not a loan of the guaranteed borrower.',
  },
});
