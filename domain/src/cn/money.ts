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

const WAN_ZH = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const AMOUNT_EN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * An amount as Chinese reports state investments: `5,000万元` (1万元 = 10,000 yuan = 1,000,000
 * fen). In English, as a reader of English writes it: `50 million yuan`, `1.2 billion yuan`,
 * `125,000 yuan` — never "× 10k yuan".
 */
export function formatWan(fen: number, lang: 'zh-CN' | 'en'): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`formatWan expects a safe integer, got ${fen}`);
  if (lang !== 'en') return `${WAN_ZH.format(fen / 1_000_000)}万元`;
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (abs >= 1e9) return `${AMOUNT_EN.format(yuan / 1e9)} billion yuan`;
  if (abs >= 1e6) return `${AMOUNT_EN.format(yuan / 1e6)} million yuan`;
  return `${AMOUNT_EN.format(yuan)} yuan`;
}
