import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { looseKey, matchFormer, nameKey, parseCorrespondence, type FormerEntry } from './former-communes.js';
import { provinceCodeOfFormer } from './former-provinces.js';

// The real correspondence shipped with the build, Thái Nguyên (19) since July 2025, which now includes Bắc Kạn.
const rows = parse(readFileSync(fileURLToPath(new URL('../../../assets/reference/vn-communes-before-2025.csv', import.meta.url)), 'utf8'), {
  columns: true,
  skip_empty_lines: true,
}) as Array<Record<string, string>>;
const all = parseCorrespondence(
  rows.map((r) => ({ provinceCode: r.province_code, communeCode: r.commune_code, communeNameVi: r.commune_full_name, formedFrom: r.formed_from })),
);
const thaiNguyen = all.filter((e) => e.provinceCode === '19');
const codes = (found: FormerEntry[]): string[] => [...new Set(found.map((e) => e.communeCode))].sort();

describe('former communes → 2025 communes (the official correspondence)', () => {
  it('reads every row of the file, brackets with commas inside included', () => {
    expect(rows).toHaveLength(3307);
    expect(new Set(all.map((e) => e.communeCode)).size).toBe(3307);
    const noted = thaiNguyen.find((e) => e.formerName === 'Phường Trung Thành' && e.communeCode === '05500');
    expect(noted).toMatchObject({ unit: 'phường', note: 'thành phố Thái Nguyên', districtKey: nameKey('Thái Nguyên'), partial: false });
    const partial = all.find((e) => e.communeCode === '00004' && e.formerName === 'Phường Cửa Đông');
    expect(partial).toMatchObject({ partial: true, districtKey: null });
  });

  it('folds tone placement and i/y spellings, keeps the other diacritics apart', () => {
    expect(nameKey('Điềm Thuỵ')).toBe(nameKey('điềm thụy'));
    expect(nameKey('Nam Hoà')).toBe(nameKey('Nam Hòa'));
    expect(nameKey('Lam Vỹ')).toBe(nameKey('Lam Vĩ'));
    expect(nameKey('Quy Kỳ')).toBe(nameKey('Qui Kì'));
    expect(nameKey('Tân Lập')).not.toBe(nameKey('Tần Lập'));
    expect(looseKey('Tân Lập')).toBe(looseKey('tan lap'));
  });

  it.each<[string, string | null, string[]]>([
    // Bắc Kạn's units are in Thái Nguyên since 1 July 2025.
    ['Thị trấn Chợ Rã', 'Huyện Ba Bể', ['01912']],
    ['TT. Phủ Thông', 'Bạch Thông', ['01969']],
    ['Xã Nông Thượng', 'Thành phố Bắc Kạn', ['01843']],
    ['xa ha hieu', 'huyen ba be', ['01894']],
    // Thái Nguyên's own, with the tone placed the old way, and a commune kept as it was.
    ['Xã Điềm Thuỵ', 'Huyện Phú Bình', ['05941']],
    ['Nam Hoà', null, ['05707']],
    ['Xã Sảng Mộc', 'Võ Nhai', ['05719']],
    // A ward split between two new wards, and a commune split between two new communes: the officer chooses.
    ['Phường Cam Giá', 'Thành phố Thái Nguyên', ['05467', '05500']],
    ['Xã Thượng Đình', 'Huyện Phú Bình', ['05908', '05941']],
    // Two former units of one name: the unit written tells them apart, the bare name does not.
    ['Xã Tân Lập', null, ['02038']],
    ['Phường Tân Lập', null, ['05500']],
    ['Tân Lập', null, ['02038', '05500']],
    // Two wards of one name in two former cities: the district the source names tells them apart.
    ['Phường Trung Thành', 'TP Phổ Yên', ['05899']],
    ['Phường Trung Thành', 'Thành phố Thái Nguyên', ['05500']],
    ['Phường Trung Thành', null, ['05500', '05899']],
    ['Xã Không Có Thật', null, []],
    ['', null, []],
  ])('%s, %s → %p', (name, district, expected) => {
    expect(codes(matchFormer(thaiNguyen, { name, district }))).toEqual(expected);
  });

  it('places a former province in its 2025 province', () => {
    expect(provinceCodeOfFormer('Tỉnh Bắc Kạn')).toBe('19');
    expect(provinceCodeOfFormer('bac kan')).toBe('19');
    expect(provinceCodeOfFormer('Thái Nguyên')).toBe('19');
    expect(provinceCodeOfFormer('Hà Giang')).toBe('08');
    expect(provinceCodeOfFormer('TP. Hồ Chí Minh')).toBe('79');
    expect(provinceCodeOfFormer('Thanh Hoá')).toBe('38');
    expect(provinceCodeOfFormer('Atlantis')).toBeUndefined();
  });
});
