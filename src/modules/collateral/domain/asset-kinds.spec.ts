import { describe, expect, it } from '@jest/globals';
import { DEFAULT_COLLATERAL_DISCOUNTS } from '../../risk/index.js';
import { COLLATERAL_TYPES, validateAsset } from './asset-kinds.js';

describe('asset types and identifiers', () => {
  it('the types are exactly the provisioning table’s types', () => {
    expect([...COLLATERAL_TYPES].sort()).toEqual(Object.keys(DEFAULT_COLLATERAL_DISCOUNTS).sort());
  });

  const land = { certificateNumber: 'CS 01234', parcelNumber: '125', mapSheet: '12', areaM2: '2000', address: 'Xóm Chè', commune: 'Xã Tân Cương' };
  const cases: [string, Parameters<typeof validateAsset>, string[]][] = [
    ['land, complete', ['REAL_ESTATE', 'LAND_USE_RIGHT', land], []],
    ['land without its parcel', ['REAL_ESTATE', 'LAND_USE_RIGHT', { ...land, parcelNumber: '' }], ['identifiers.parcelNumber:required']],
    ['land with a bad area', ['REAL_ESTATE', 'LAND_USE_RIGHT', { ...land, areaM2: '2.000,5' }], ['identifiers.areaM2:area']],
    ['land with an unknown key', ['REAL_ESTATE', 'LAND_USE_RIGHT', { ...land, plateNumber: '20C-12345' }], ['identifiers.plateNumber:unknown']],
    ['vehicle as real estate', ['REAL_ESTATE', 'VEHICLE', {}], ['kind:kindOfType']],
    ['vehicle, complete', ['OTHER', 'VEHICLE', { plateNumber: '20C-123.45', frameNumber: 'RLHJC', engineNumber: 'JC52E' }], []],
    ['vehicle without engine number', ['OTHER', 'VEHICLE', { plateNumber: '20C-123.45', frameNumber: 'RLHJC' }], ['identifiers.engineNumber:required']],
    [
      'bond with a non-numeric quantity',
      ['GOVERNMENT_BOND_1_TO_5Y', 'GOVERNMENT_BOND', { issuer: 'KBNN', code: 'TD2530', quantity: 'ten', maturityDate: '2030-01-01' }],
      ['identifiers.quantity:count'],
    ],
    ['identifier too long', ['OTHER', 'OTHER_ASSET', { name: 'x'.repeat(201) }], ['identifiers.name:text']],
  ];
  it.each(cases)('%s', (_n, args, expected) => {
    expect(validateAsset(...args).map((e) => `${e.field}:${e.rule}`)).toEqual(expected);
  });
});
