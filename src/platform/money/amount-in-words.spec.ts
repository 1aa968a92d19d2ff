import { describe, expect, it } from '@jest/globals';
import { Money } from './money.js';
import { amountInWords, numberInWords } from './amount-in-words.js';

describe('amounts in Vietnamese words (linh, nghìn, mốt/tư/lăm after mươi, chẵn on whole thousands)', () => {
  it.each([
    ['0', 'Không đồng'],
    ['1', 'Một đồng'],
    ['5', 'Năm đồng'],
    ['10', 'Mười đồng'],
    ['11', 'Mười một đồng'],
    ['14', 'Mười bốn đồng'],
    ['15', 'Mười lăm đồng'],
    ['20', 'Hai mươi đồng'],
    ['21', 'Hai mươi mốt đồng'],
    ['24', 'Hai mươi tư đồng'],
    ['25', 'Hai mươi lăm đồng'],
    ['101', 'Một trăm linh một đồng'],
    ['104', 'Một trăm linh bốn đồng'],
    ['105', 'Một trăm linh năm đồng'],
    ['110', 'Một trăm mười đồng'],
    ['999', 'Chín trăm chín mươi chín đồng'],
    ['1000', 'Một nghìn đồng chẵn'],
    ['1004', 'Một nghìn không trăm linh bốn đồng'],
    ['1015', 'Một nghìn không trăm mười lăm đồng'],
    ['100010', 'Một trăm nghìn không trăm mười đồng'],
    ['1000000', 'Một triệu đồng chẵn'],
    ['1001000', 'Một triệu không trăm linh một nghìn đồng chẵn'],
    ['150000000', 'Một trăm năm mươi triệu đồng chẵn'],
    ['1000000000', 'Một tỷ đồng chẵn'],
    ['2000005000', 'Hai tỷ không trăm linh năm nghìn đồng chẵn'],
    ['1050000000', 'Một tỷ không trăm năm mươi triệu đồng chẵn'],
    ['232650000000', 'Hai trăm ba mươi hai tỷ sáu trăm năm mươi triệu đồng chẵn'],
    ['1000000000000', 'Một nghìn tỷ đồng chẵn'],
    ['1000000000001', 'Một nghìn tỷ không trăm linh một đồng'],
    ['5000000000000000000', 'Năm tỷ tỷ đồng chẵn'],
    ['0001004', 'Một nghìn không trăm linh bốn đồng'],
  ])('%s → %s', (value, words) => {
    expect(amountInWords(value)).toBe(words);
  });

  it('reads decimal.js values digit by digit, beyond what a JS number holds exactly', () => {
    expect(amountInWords(new Money('9007199254740993'))).toBe(
      'Chín triệu không trăm linh bảy nghìn một trăm chín mươi chín tỷ hai trăm năm mươi tư triệu bảy trăm bốn mươi nghìn chín trăm chín mươi ba đồng',
    );
    expect(numberInWords('1024')).toBe('một nghìn không trăm hai mươi tư');
  });

  it('refuses what is not a whole non-negative number', () => {
    for (const bad of ['-1', '1.5', '', 'abc', '1e6']) expect(() => amountInWords(bad)).toThrow(RangeError);
  });
});
