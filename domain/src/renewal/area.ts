// Floor areas (建筑面积) as exact integer hundredths of a square metre.
//
// Areas are written as plain decimal strings of square metres: "89", "89.3",
// "89.37". They become integer hundredths (8937) without floating point, so sums
// and ratios over a whole community stay exact. Areas are safe integers
// (`number`); consent.ts refuses sums beyond that and compares ratios as bigint.
//
// Accepted: ASCII digits with an optional '.' followed by one or two digits;
// surrounding whitespace is ignored and leading zeros are harmless ("089.5").
// Rejected, each with a message that says why: empty text, a sign ("-5" is
// negative, "+5" is refused too), more than two decimals (also "89.370": the
// contract is at most two), exponent notation ("1e3"), a bare decimal point on
// either side ("89." and ".5" — probably typos, so not guessed at), thousands
// separators or decimal commas ("1,234.5", "89,5" — ambiguous between locales),
// full-width digits and anything else that is not a plain number, zero (unless
// `allowZero`: a unit always has floor area, a tally may be "0.00"), and values
// beyond Number.MAX_SAFE_INTEGER hundredths.

export interface ParseAreaOptions {
  /** Accept "0" / "0.00" (for totals; a unit's own area must be > 0). Default false. */
  allowZero?: boolean;
}

const PLAIN = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Why `text` (trimmed) is not an area, or null when it is one (the zero and size checks come later). */
function shapeProblem(text: string): string | null {
  if (text === '') return 'is empty';
  if (PLAIN.test(text)) return null;
  if (/^-[\d.]/.test(text)) return 'is negative';
  if (/^\+[\d.]/.test(text)) return 'must be written without a sign';
  if (/^(?=[\d.]*\d)\d*\.?\d*e[+-]?\d+$/i.test(text)) return 'uses exponent notation (write the digits out)';
  if (/^\d+\.$|^\.\d+$/.test(text)) return 'needs digits on both sides of the decimal point';
  if (/^\d+\.\d{3,}$/.test(text)) return 'has more than 2 decimal places';
  if (/^[\d,]+(?:\.\d+)?$/.test(text)) {
    return 'contains a comma (write square metres as digits with an optional "." decimal point)';
  }
  return 'is not a number of square metres (digits with an optional "." and up to 2 decimals)';
}

/**
 * Parses square metres ("89.37") into integer hundredths (8937). Throws an Error
 * naming the value and the problem; a unit's area must be > 0 unless `allowZero`.
 */
export function parseArea(text: string, options: ParseAreaOptions = {}): number {
  if (typeof text !== 'string') {
    throw new Error(`area must be a string of square metres, got ${typeof text} ${String(text)}`);
  }
  const trimmed = text.trim();
  const problem = shapeProblem(trimmed);
  if (problem) throw new Error(`area ${JSON.stringify(text)} ${problem}`);
  const [, whole = '', fraction = ''] = PLAIN.exec(trimmed) ?? [];
  const digits = whole.replace(/^0+(?=\d)/, '');
  const cents = fraction === '' ? 0 : Number(fraction.padEnd(2, '0'));
  // Up to 13 whole digits the hundredths stay below 2^53, so plain numbers are exact.
  const hundredths =
    digits.length <= 13
      ? Number(digits) * 100 + cents
      : BigInt(digits) * 100n + BigInt(cents) > BigInt(Number.MAX_SAFE_INTEGER)
        ? Number.POSITIVE_INFINITY
        : Number(BigInt(digits) * 100n + BigInt(cents));
  if (!Number.isSafeInteger(hundredths)) throw new Error(`area ${JSON.stringify(text)} is too large`);
  if (hundredths === 0 && !options.allowZero)
    throw new Error(`area ${JSON.stringify(text)} must be greater than 0`);
  return hundredths;
}

/** Integer hundredths → square metres with exactly two decimals: 8937 → "89.37", 5 → "0.05", -150 → "-1.50". */
export function formatArea(hundredths: number | bigint): string {
  if (typeof hundredths === 'number' && !Number.isSafeInteger(hundredths)) {
    throw new RangeError(`formatArea expects integer hundredths, got ${hundredths}`);
  }
  const n = BigInt(hundredths);
  const abs = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
