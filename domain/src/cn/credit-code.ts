// Unified social credit code (统一社会信用代码), GB 32100-2015, 18 characters:
//   position 1      registration authority (e.g. 1 government bodies, 5 civil affairs, 9 market regulation)
//   position 2      organisation type within that authority
//   positions 3-8   region code of the registering authority, GB/T 2260 (digits)
//   positions 9-17  organisation code, GB 11714 (8 characters + its own check character)
//   position 18     check character, weighted sum modulo 31
// All characters come from a 31-character set without I, O, S, V and Z.

import { fail, ok, type ParseResult } from './result.ts';

export type CreditCode = {
  /** Normalised upper-case 18-character code. */
  code: string;
  /** Positions 3-8: region code of the registering authority. */
  regionCode: string;
};

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_CODE_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * GB 11714 check character for the 8-character organisation code body
 * (digits and upper-case letters, A = 10 ... Z = 35): 11 - (sum mod 11),
 * where 10 is written X and 11 is written 0.
 */
export function organizationCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError('organizationCodeCheckChar expects 8 digits or upper-case letters');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CODE_CHARSET.indexOf(body8[i]!) * ORG_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Computes the GB 32100 check character (position 18) for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17 || [...first17].some((c) => !CREDIT_CODE_CHARSET.includes(c))) {
    throw new RangeError(`creditCodeCheckChar expects 17 characters from ${CREDIT_CODE_CHARSET}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Parses an 18-character unified social credit code. Surrounding whitespace is
 * ignored and lower-case letters are accepted. Both the GB 11714 check of the
 * embedded organisation code and the final GB 32100 check are verified.
 */
export function parseCreditCode(input: unknown): ParseResult<CreditCode> {
  if (typeof input !== 'string') return fail('credit code must be a string');
  const trimmed = input.trim();
  if (trimmed === '') return fail('credit code is empty');
  const length = [...trimmed].length;
  if (length !== 18) return fail(`credit code must be 18 characters long, got ${length}`);
  // ASCII-only upper-casing keeps the length stable for any input.
  const code = trimmed.replace(/[a-z]/g, (c) => c.toUpperCase());

  for (let i = 0; i < 18; i++) {
    const c = code[i]!;
    if (!CREDIT_CODE_CHARSET.includes(c)) {
      return fail(`credit code has an invalid character ${JSON.stringify(c)} at position ${i + 1}`);
    }
  }

  const regionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(regionCode)) return fail(`credit code region code ${regionCode} must be 6 digits`);

  const orgCheck = organizationCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgCheck) {
    return fail(`credit code organisation code check character is wrong: expected ${orgCheck}`);
  }

  const check = creditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== check) return fail(`credit code check character is wrong: expected ${check}`);

  return ok({ code, regionCode });
}
