/**
 * Formula injection ("CSV injection"): a spreadsheet may run a cell whose text begins with
 * = + - @ (or a tab / carriage return before one) once it is edited, or once the file is
 * re-saved or re-opened as CSV. Every text we write into a workbook is a text-typed cell
 * (never a formula); one that begins so is also given the quote-prefix style, the way Excel
 * itself marks literal text typed with a leading apostrophe: the cell shows exactly what was
 * typed, and editing it keeps it text.
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * True when the text must be written with the quote prefix: it begins with a dangerous
 * character, or with apostrophes in front of one.
 */
export function needsQuotePrefix(text: string): boolean {
  let i = 0;
  while (text[i] === "'") i++;
  const first = text[i];
  return first !== undefined && DANGEROUS_FIRST.has(first);
}

/**
 * For imports of files our exports wrote before the quote-prefix style (with an apostrophe
 * typed in front of such text): they read back as what was typed.
 */
export function unescapeCell(text: string): string {
  return text[0] === "'" && needsQuotePrefix(text.slice(1)) ? text.slice(1) : text;
}
