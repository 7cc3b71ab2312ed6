/**
 * Formula injection ("CSV injection"): a spreadsheet may run a cell whose text begins with
 * = + - @ (or a tab / carriage return before one) once the file is re-saved or re-opened as
 * CSV. Every text we write into a workbook that came from users goes through `escapeCell`,
 * which prefixes such text with a single quote, the way Excel itself marks literal text.
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

export function escapeCell(text: string): string {
  const first = text[0];
  return first !== undefined && DANGEROUS_FIRST.has(first) ? `'${text}` : text;
}

/** The inverse for imports: a file we exported (or an error report) reads back as it was typed. */
export function unescapeCell(text: string): string {
  const second = text[1];
  return text[0] === "'" && second !== undefined && DANGEROUS_FIRST.has(second) ? text.slice(1) : text;
}
