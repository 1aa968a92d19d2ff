import { provinceKey } from './former-communes.js';

/**
 * The 63 provinces before 1 July 2025 → the 2025 province code they are part of (Resolution
 * 202/2025/QH15: 34 provinces, 23 formed by merging). An old address's province selects where to
 * look for its commune; Bắc Kạn's units are now in Thái Nguyên (19).
 */
const FORMER_PROVINCES: ReadonlyArray<[string, string]> = [
  ['Hà Nội', '01'],
  ['Cao Bằng', '04'],
  ['Điện Biên', '11'],
  ['Lai Châu', '12'],
  ['Sơn La', '14'],
  ['Lạng Sơn', '20'],
  ['Quảng Ninh', '22'],
  ['Thanh Hóa', '38'],
  ['Nghệ An', '40'],
  ['Hà Tĩnh', '42'],
  ['Huế', '46'],
  ['Thừa Thiên Huế', '46'],
  ['Tuyên Quang', '08'],
  ['Hà Giang', '08'],
  ['Lào Cai', '15'],
  ['Yên Bái', '15'],
  ['Thái Nguyên', '19'],
  ['Bắc Kạn', '19'],
  ['Bắc Ninh', '24'],
  ['Bắc Giang', '24'],
  ['Phú Thọ', '25'],
  ['Vĩnh Phúc', '25'],
  ['Hòa Bình', '25'],
  ['Hải Phòng', '31'],
  ['Hải Dương', '31'],
  ['Hưng Yên', '33'],
  ['Thái Bình', '33'],
  ['Ninh Bình', '37'],
  ['Hà Nam', '37'],
  ['Nam Định', '37'],
  ['Quảng Trị', '44'],
  ['Quảng Bình', '44'],
  ['Đà Nẵng', '48'],
  ['Quảng Nam', '48'],
  ['Quảng Ngãi', '51'],
  ['Kon Tum', '51'],
  ['Gia Lai', '52'],
  ['Bình Định', '52'],
  ['Khánh Hòa', '56'],
  ['Ninh Thuận', '56'],
  ['Đắk Lắk', '66'],
  ['Phú Yên', '66'],
  ['Lâm Đồng', '68'],
  ['Đắk Nông', '68'],
  ['Bình Thuận', '68'],
  ['Đồng Nai', '75'],
  ['Bình Phước', '75'],
  ['Hồ Chí Minh', '79'],
  ['Bình Dương', '79'],
  ['Bà Rịa - Vũng Tàu', '79'],
  ['Bà Rịa Vũng Tàu', '79'],
  ['Bà Rịa–Vũng Tàu', '79'],
  ['Tây Ninh', '80'],
  ['Long An', '80'],
  ['Đồng Tháp', '82'],
  ['Tiền Giang', '82'],
  ['Vĩnh Long', '86'],
  ['Bến Tre', '86'],
  ['Trà Vinh', '86'],
  ['An Giang', '91'],
  ['Kiên Giang', '91'],
  ['Cần Thơ', '92'],
  ['Sóc Trăng', '92'],
  ['Hậu Giang', '92'],
  ['Cà Mau', '96'],
  ['Bạc Liêu', '96'],
];

const BY_KEY = new Map(FORMER_PROVINCES.map(([name, code]) => [provinceKey(name), code]));

/** "Tỉnh Bắc Kạn" → "19"; undefined for a name that is not a province before or after 2025. */
export function provinceCodeOfFormer(written: string): string | undefined {
  return BY_KEY.get(provinceKey(written));
}
