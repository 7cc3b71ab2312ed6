import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  organizationCodeCheckChar,
  parseCreditCode,
} from './credit-code.ts';

const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET);
const charsetString = (n: number) => fc.string({ unit: charsetChar, minLength: n, maxLength: n });
const validCodeArb = fc
  .tuple(charsetChar, charsetChar, fc.stringMatching(/^\d{6}$/), charsetString(8))
  .map(([authority, type, region, body]) => {
    const first17 = authority + type + region + body + organizationCodeCheckChar(body);
    return { region, code: first17 + creditCodeCheckChar(first17) };
  });

describe('parseCreditCode: published and real examples', () => {
  it('accepts the GB 32100-2015 example 91350100M000100Y43', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: { code: '91350100M000100Y43', regionCode: '350100' },
    });
  });

  it.each([
    ['Huawei Technologies Co., Ltd.', '914403001922038216'],
    ['Shenzhen Tencent Computer Systems Co., Ltd.', '91440300708461136T'],
    ['Alibaba (China) Co., Ltd.', '91330100799655058B'],
    ['Xiaomi Inc.', '91110108551385082Q'],
    ['Baidu Online Network Technology (Beijing) Co., Ltd.', '91110000802100433B'],
    ['Kweichow Moutai Co., Ltd.', '91520000214434146R'],
    ['BYD Co., Ltd.', '91440300192317458F'],
  ])('accepts the registered code of %s', (_name, code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, value: { code, regionCode: code.slice(2, 8) } });
  });
});

describe('organizationCodeCheckChar (GB 11714)', () => {
  it('matches the GB 11714 example D2143569-X and the organisation code inside the GB 32100 example', () => {
    expect(organizationCodeCheckChar('D2143569')).toBe('X');
    expect(organizationCodeCheckChar('M000100Y')).toBe('4');
  });

  it('computes 11 - (sum mod 11), writing 11 as 0', () => {
    // 1*3 + 3*7 = 24, 24 mod 11 = 2, 11 - 2 = 9.
    expect(organizationCodeCheckChar('13000000')).toBe('9');
    // B = 11, 11*2 = 22, 22 mod 11 = 0, 11 - 0 = 11 -> '0'.
    expect(organizationCodeCheckChar('0000000B')).toBe('0');
  });

  it('throws on malformed bodies', () => {
    for (const bad of ['', 'D214356', 'D21435690', 'd2143569', 'D214356-']) {
      expect(() => organizationCodeCheckChar(bad)).toThrow(RangeError);
    }
  });
});

describe('creditCodeCheckChar', () => {
  it('matches the GB 32100 example', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a zero remainder to 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('always returns a character of the code charset', () => {
    fc.assert(
      fc.property(charsetString(17), (first17) => {
        expect(CREDIT_CODE_CHARSET).toContain(creditCodeCheckChar(first17));
      }),
    );
  });

  it('throws on malformed input', () => {
    for (const bad of [
      '',
      '91350100M000100Y',
      '91350100M000100Y43',
      '91350100M000100I4',
      '91350100m000100Y4',
    ]) {
      expect(() => creditCodeCheckChar(bad)).toThrow(RangeError);
    }
  });
});

describe('parseCreditCode: normalisation and errors', () => {
  it('accepts lower case and surrounding whitespace', () => {
    expect(parseCreditCode('  91350100m000100y43\n')).toEqual({
      ok: true,
      value: { code: '91350100M000100Y43', regionCode: '350100' },
    });
  });

  it('rejects non-strings, empty input and the wrong length with distinct messages', () => {
    expect(parseCreditCode(91350100)).toEqual({ ok: false, error: 'credit code must be a string' });
    expect(parseCreditCode(null)).toEqual({ ok: false, error: 'credit code must be a string' });
    expect(parseCreditCode(' ')).toEqual({ ok: false, error: 'credit code is empty' });
    expect(parseCreditCode('91350100M000100Y4')).toEqual({
      ok: false,
      error: 'credit code must be 18 characters long, got 17',
    });
    expect(parseCreditCode('350100400015588')).toEqual({
      ok: false,
      error: 'credit code must be 18 characters long, got 15',
    });
  });

  it('rejects I, O, S, V, Z and punctuation, naming the position', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z', 'i', '-', '０']) {
      expect(parseCreditCode(`91350100M000100${letter}43`)).toEqual({
        ok: false,
        error: `credit code has an invalid character ${JSON.stringify(letter.toUpperCase())} at position 16`,
      });
    }
  });

  it('requires six digits for the region code', () => {
    const body = 'M000100Y';
    const first17 = `9135010A${body}${organizationCodeCheckChar(body)}`;
    expect(parseCreditCode(first17 + creditCodeCheckChar(first17))).toEqual({
      ok: false,
      error: 'credit code region code 35010A must be 6 digits',
    });
  });

  it('verifies the GB 11714 check character of the organisation code', () => {
    // Position 17 changed from 4 to 5 and position 18 recomputed so only the inner check fails.
    const first17 = '91350100M000100Y5';
    expect(parseCreditCode(first17 + creditCodeCheckChar(first17))).toEqual({
      ok: false,
      error: 'credit code organisation code check character is wrong: expected 4',
    });
  });

  it('verifies the final check character', () => {
    expect(parseCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      error: 'credit code check character is wrong: expected 3',
    });
  });
});

describe('parseCreditCode: properties', () => {
  it('accepts any code built from the charset with both check characters computed', () => {
    fc.assert(
      fc.property(validCodeArb, ({ code, region }) => {
        expect(parseCreditCode(code)).toEqual({ ok: true, value: { code, regionCode: region } });
        expect(parseCreditCode(` ${code.toLowerCase()} `)).toEqual({
          ok: true,
          value: { code, regionCode: region },
        });
      }),
    );
  });

  it('rejects any single-character substitution', () => {
    const arb = validCodeArb.chain(({ code }) =>
      fc.record({ code: fc.constant(code), pos: fc.integer({ min: 0, max: 17 }), replacement: charsetChar }),
    );
    fc.assert(
      fc.property(
        arb.filter(({ code, pos, replacement }) => code[pos] !== replacement),
        ({ code, pos, replacement }) => {
          const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
          expect(parseCreditCode(changed).ok).toBe(false);
        },
      ),
    );
  });
});
