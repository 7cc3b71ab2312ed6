// Resident identity card number (公民身份号码), GB 11643-1999, 18 characters:
//   positions 1-6   address (region) code, GB/T 2260
//   positions 7-14  birth date YYYYMMDD
//   positions 15-17 sequence code; position 17 is odd for men, even for women
//   position 18     check character, ISO 7064 MOD 11-2 (0-9 or X)

import { shanghaiToday, splitIsoDate } from './dates.ts';
import { fail, ok, type ParseResult } from './result.ts';

export type CitizenId = {
  /** Normalised 18-character ID with an upper-case X. */
  id: string;
  /** First 6 digits: the administrative region where the number was issued. */
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// The standard's own published example (440524188001010014) is born in 1880, so the
// floor sits before it; it still catches typos such as a 0 or 1 century.
const MIN_BIRTH_DATE = '1800-01-01';

// First two digits of GB/T 2260 codes for provincial-level divisions, plus
// 71 (Taiwan), 81 (Hong Kong), 82 (Macao) and 83 (residence permits for Taiwan residents).
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15'],
  ...['21', '22', '23'],
  ...['31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46'],
  ...['50', '51', '52', '53', '54'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);

/** Computes the check character (0-9 or X) for the first 17 digits of a citizen ID. */
export function citizenIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('citizenIdCheckChar expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Whether a two-digit prefix is a valid provincial-level code for a citizen ID. */
export function isValidProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has(code);
}

/**
 * Parses an 18-digit citizen ID. Surrounding whitespace is ignored and a
 * lower-case x check character is accepted. `today` (YYYY-MM-DD) defaults to
 * the current date in Asia/Shanghai; birth dates after it are rejected.
 */
export function parseCitizenId(input: unknown, today?: string): ParseResult<CitizenId> {
  const todayDate = today ?? shanghaiToday();
  if (!splitIsoDate(todayDate)) {
    throw new RangeError(`parseCitizenId: today must be a real YYYY-MM-DD date, got ${today}`);
  }

  if (typeof input !== 'string') return fail('citizen ID must be a string');
  const trimmed = input.trim();
  if (trimmed === '') return fail('citizen ID is empty');
  const length = [...trimmed].length;
  if (length !== 18) return fail(`citizen ID must be 18 characters long, got ${length}`);
  const id = trimmed.endsWith('x') ? `${trimmed.slice(0, 17)}X` : trimmed;
  const first17 = id.slice(0, 17);
  if (!/^\d{17}$/.test(first17)) return fail('citizen ID must start with 17 digits');
  const given = id[17]!;
  if (!/^[\dX]$/.test(given)) return fail('citizen ID must end with a digit or X');

  const expected = citizenIdCheckChar(first17);
  if (given !== expected) return fail(`citizen ID check digit is wrong: expected ${expected}`);

  const regionCode = id.slice(0, 6);
  if (!PROVINCE_CODES.has(regionCode.slice(0, 2))) {
    return fail(`citizen ID region code ${regionCode} starts with an invalid province code`);
  }

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!splitIsoDate(birthDate)) return fail(`citizen ID birth date ${birthDate} is not a real date`);
  if (birthDate < MIN_BIRTH_DATE) {
    return fail(`citizen ID birth date ${birthDate} is before ${MIN_BIRTH_DATE}`);
  }
  if (birthDate > todayDate) return fail(`citizen ID birth date ${birthDate} is in the future`);

  const gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return ok({ id, regionCode, birthDate, gender });
}

/**
 * Age in completed years (周岁) on `onDate`; both dates are YYYY-MM-DD. The age
 * goes up on the birthday itself; someone born on 29 February gets one year
 * older on 1 March in common years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = splitIsoDate(birthDate);
  const on = splitIsoDate(onDate);
  if (!birth || !on) throw new RangeError('ageOn expects real YYYY-MM-DD dates');
  if (onDate < birthDate) throw new RangeError(`ageOn: ${onDate} is before the birth date ${birthDate}`);
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}
