/**
 * Asset types and kinds (docs/collateral.md "Assets"). The type is the provisioning table's type
 * (collateral_discount_rates; close-of-business/domain/provisioning.ts DEFAULT_COLLATERAL_DISCOUNTS),
 * so the close deducts each asset at its own rate; the kind says which identifiers the asset needs
 * (a land use right: certificate, parcel and map sheet; a vehicle: plate, frame and engine numbers).
 */
export const COLLATERAL_TYPES = [
  'REAL_ESTATE',
  'OTHER',
  'DEPOSIT',
  'GOVERNMENT_BOND_UNDER_1Y',
  'GOVERNMENT_BOND_1_TO_5Y',
  'GOVERNMENT_BOND_OVER_5Y',
  'VALUABLE_PAPERS',
  'LISTED_SECURITIES',
  'UNLISTED_SECURITIES',
] as const;
export type CollateralType = (typeof COLLATERAL_TYPES)[number];

export const ASSET_KINDS = [
  'LAND_USE_RIGHT',
  'HOUSE',
  'OTHER_REAL_ESTATE',
  'VEHICLE',
  'MACHINERY',
  'GOODS',
  'OTHER_ASSET',
  'DEPOSIT',
  'GOVERNMENT_BOND',
  'VALUABLE_PAPER',
  'SECURITIES',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** The kinds each provisioning type admits. */
export const KINDS_BY_TYPE: Readonly<Record<CollateralType, readonly AssetKind[]>> = {
  REAL_ESTATE: ['LAND_USE_RIGHT', 'HOUSE', 'OTHER_REAL_ESTATE'],
  OTHER: ['VEHICLE', 'MACHINERY', 'GOODS', 'OTHER_ASSET'],
  DEPOSIT: ['DEPOSIT'],
  GOVERNMENT_BOND_UNDER_1Y: ['GOVERNMENT_BOND'],
  GOVERNMENT_BOND_1_TO_5Y: ['GOVERNMENT_BOND'],
  GOVERNMENT_BOND_OVER_5Y: ['GOVERNMENT_BOND'],
  VALUABLE_PAPERS: ['VALUABLE_PAPER'],
  LISTED_SECURITIES: ['SECURITIES'],
  UNLISTED_SECURITIES: ['SECURITIES'],
};

type FieldRule = 'text' | 'area' | 'count' | 'date';
interface FieldSpec {
  readonly name: string;
  readonly rule: FieldRule;
  readonly required: boolean;
}
const req = (name: string, rule: FieldRule = 'text'): FieldSpec => ({ name, rule, required: true });
const opt = (name: string, rule: FieldRule = 'text'): FieldSpec => ({ name, rule, required: false });

/** The identifiers of each kind, as the certificate or register shows them. */
export const IDENTIFIER_FIELDS: Readonly<Record<AssetKind, readonly FieldSpec[]>> = {
  // Land Law 2024: the certificate (sổ đỏ/sổ hồng) number, the parcel (thửa) and map sheet (tờ bản đồ), the area and where it lies.
  LAND_USE_RIGHT: [req('certificateNumber'), req('parcelNumber'), req('mapSheet'), req('areaM2', 'area'), req('address'), req('commune')],
  HOUSE: [req('certificateNumber'), req('address'), req('commune'), req('floorAreaM2', 'area')],
  OTHER_REAL_ESTATE: [req('certificateNumber'), req('address'), req('commune'), opt('areaM2', 'area')],
  VEHICLE: [req('plateNumber'), req('frameNumber'), req('engineNumber'), opt('brand'), opt('registrationCertificate')],
  MACHINERY: [req('name'), req('serialNumber'), req('location'), opt('manufacturer'), opt('yearMade', 'count')],
  GOODS: [req('name'), req('quantity'), req('location')],
  OTHER_ASSET: [req('name'), opt('reference')],
  DEPOSIT: [req('institution'), req('accountNumber'), opt('maturityDate', 'date')],
  GOVERNMENT_BOND: [req('issuer'), req('code'), req('quantity', 'count'), req('maturityDate', 'date')],
  VALUABLE_PAPER: [req('issuer'), req('serialNumber'), opt('maturityDate', 'date')],
  SECURITIES: [req('issuer'), req('code'), req('quantity', 'count'), opt('depository')],
};

export const MAX_IDENTIFIER_LENGTH = 200;

export interface IdentifierError {
  field: string;
  rule: string;
  message: string;
}

const PATTERNS: Record<FieldRule, RegExp> = {
  text: /\S/,
  area: /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/,
  count: /^[1-9]\d{0,11}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};
const RULE_TEXT: Record<FieldRule, string> = {
  text: 'a non-blank text',
  area: 'an area in m² (digits, up to 2 decimals)',
  count: 'a whole number ≥ 1',
  date: 'a date yyyy-MM-dd',
};

/** The kind must belong to the type, and its identifiers be there and well formed; nothing else is accepted. */
export function validateAsset(type: CollateralType, kind: AssetKind, identifiers: Readonly<Record<string, unknown>>): IdentifierError[] {
  const errors: IdentifierError[] = [];
  if (!KINDS_BY_TYPE[type].includes(kind)) {
    errors.push({ field: 'kind', rule: 'kindOfType', message: `kind must be one of ${KINDS_BY_TYPE[type].join(', ')} for type ${type}` });
    return errors;
  }
  const specs = IDENTIFIER_FIELDS[kind];
  for (const key of Object.keys(identifiers)) {
    if (!specs.some((s) => s.name === key)) errors.push({ field: `identifiers.${key}`, rule: 'unknown', message: `${key} is not an identifier of ${kind}` });
  }
  for (const s of specs) {
    const v = identifiers[s.name];
    if (v === undefined || v === null || v === '') {
      if (s.required) errors.push({ field: `identifiers.${s.name}`, rule: 'required', message: `${s.name} is required for ${kind}` });
      continue;
    }
    if (typeof v !== 'string' || v.length > MAX_IDENTIFIER_LENGTH || !PATTERNS[s.rule].test(v)) {
      errors.push({
        field: `identifiers.${s.name}`,
        rule: s.rule,
        message: `${s.name} must be ${RULE_TEXT[s.rule]} of at most ${MAX_IDENTIFIER_LENGTH} characters`,
      });
    }
  }
  return errors;
}
