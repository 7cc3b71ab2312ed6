/**
 * Formula injection ("CSV injection"): a spreadsheet may run a cell whose text begins with
 * = + - @ (or a tab / carriage return before one) once the file is re-saved or re-opened as
 * CSV. Every text we write into a workbook that came from users goes through `escapeCell`,
 * which prefixes such text with a single quote, the way Excel itself marks literal text.
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * True when the text must be written quoted: it begins with a dangerous character, or with
 * quotes in front of one (so that "'-" is written as "''-" and reads back unchanged).
 */
function needsQuote(text: string): boolean {
  let i = 0;
  while (text[i] === "'") i++;
  const first = text[i];
  return first !== undefined && DANGEROUS_FIRST.has(first);
}

export function escapeCell(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}

/** The inverse for imports: a file we exported (or an error report) reads back as it was typed. */
export function unescapeCell(text: string): string {
  return text[0] === "'" && needsQuote(text.slice(1)) ? text.slice(1) : text;
}
