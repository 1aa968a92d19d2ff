import type { Borrower, BorrowerType, SectorVersion } from './borrowers-queries';

/** The borrower form's values and how they come from a saved borrower (domain.md "Borrowers"). */
export type Kind = BorrowerType | 'COOPERATIVE_GROUP';
export const KINDS: Kind[] = ['COOPERATIVE', 'COOPERATIVE_UNION', 'MEMBER', 'COOPERATIVE_GROUP'];

export interface Values {
  kind: Kind;
  identityCode: string;
  legalName: string;
  shortName: string;
  legalRepresentative: string;
  phone: string;
  email: string;
  memberCount: number | string;
  charterCapital: string;
  birthDate: string | null;
  communeCode: string | null;
  sectorVersion: SectorVersion;
  sectorCode: string | null;
  affiliation: 'cooperative' | 'group';
  cooperativeId: string | null;
  cooperativeGroupId: string | null;
  representative: string;
}

export const EMPTY: Values = {
  kind: 'COOPERATIVE',
  identityCode: '',
  legalName: '',
  shortName: '',
  legalRepresentative: '',
  phone: '',
  email: '',
  memberCount: '',
  charterCapital: '',
  birthDate: null,
  communeCode: null,
  sectorVersion: 'VSIC2018',
  sectorCode: null,
  affiliation: 'cooperative',
  cooperativeId: null,
  cooperativeGroupId: null,
  representative: '',
};

export function fromBorrower(b: Borrower): Values {
  return {
    ...EMPTY,
    kind: b.type,
    identityCode: b.identityCode,
    legalName: b.legalName,
    shortName: b.shortName ?? '',
    legalRepresentative: b.legalRepresentative ?? '',
    phone: b.phone ?? '',
    email: b.email ?? '',
    memberCount: b.memberCount ?? '',
    charterCapital: b.charterCapital ?? '',
    birthDate: b.birthDate,
    communeCode: b.communeCode,
    sectorVersion: b.sectorVersion,
    sectorCode: b.sectorCode,
    affiliation: b.cooperativeGroupId ? 'group' : 'cooperative',
    cooperativeId: b.cooperativeId,
    cooperativeGroupId: b.cooperativeGroupId,
  };
}

/**
 * Domain refusals that belong beside one field (domain.md "Borrowers": eligibility): the detail,
 * in the user's language, shows there and in the notification.
 */
export const CODE_FIELDS = {
  'BORROWER.IDENTITY_TAKEN': 'identityCode',
  'BORROWER.UNDER_AGE': 'birthDate',
  'BORROWER.OUTSIDE_FUND_PROVINCE': 'communeCode',
  'BORROWER.COMMUNE_OUTSIDE_FUND_PROVINCE': 'communeCode',
  'BORROWER.UNKNOWN_COMMUNE': 'communeCode',
  'BORROWER.AFFILIATION_REQUIRED': 'cooperativeId',
  'REFERENCE.UNKNOWN_SECTOR': 'sectorCode',
};
