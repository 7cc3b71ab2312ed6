// Money is stored as integer fen (1 yuan = 100 fen).

import { fail, ok, type ParseResult } from './result.ts';

const AMOUNT = /^([+-])?[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Converts a yuan amount to integer fen without floating-point arithmetic.
 * Accepts an optional sign, an optional ¥ sign and correctly grouped thousands
 * separators, so `yuanToFen(formatFen(n))` gives back `n`. At most 2 decimals.
 */
export function yuanToFen(input: string | number): ParseResult<number> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('amount must be a finite number');
    text = String(input);
    // String() switches to exponent notation below 1e-6 and from 1e21.
    if (/e/i.test(text)) {
      return fail(Math.abs(input) >= 1 ? 'amount is too large' : 'amount has more than 2 decimal places');
    }
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return fail('amount must be a string or a number');
  }
  if (text === '') return fail('amount is empty');

  const m = AMOUNT.exec(text);
  if (!m) return fail('amount is not a valid number');
  const [, sign, whole = '', fraction = ''] = m;
  if (fraction.length > 2) return fail('amount has more than 2 decimal places');

  const fen = BigInt(whole.replaceAll(',', '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return fail('amount is too large');
  const value = Number(fen);
  // Avoid returning -0 for "-0.00".
  return ok(sign === '-' && value !== 0 ? -value : value);
}

/** `¥1,234.56`, `-¥0.05`. Throws RangeError unless `fen` is a safe integer. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatFen expects a safe integer, got ${fen}`);
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`;
}
