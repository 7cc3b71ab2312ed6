// Mainland China mobile numbers: 11 digits starting with 13-19.

import { fail, ok, type ParseResult } from './result.ts';

/**
 * Parses a mainland mobile number and returns its 11 digits. Surrounding
 * whitespace, inner spaces and dashes, and a leading +86 or 86 country code
 * are removed first.
 */
export function parseMobile(input: unknown): ParseResult<string> {
  if (typeof input !== 'string') return fail('mobile number must be a string');
  let digits = input.trim().replace(/[\s-]/g, '');
  if (digits === '') return fail('mobile number is empty');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) {
    return fail('mobile number may only contain digits, spaces, dashes and a +86 prefix');
  }
  if (digits.length !== 11) return fail(`mobile number must have 11 digits, got ${digits.length}`);
  if (!/^1[3-9]/.test(digits)) return fail('mobile number must start with 13 to 19');
  return ok(digits);
}
