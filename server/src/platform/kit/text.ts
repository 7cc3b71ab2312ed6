import { invalid } from '../http/errors.ts';

/** Text fields as every module reads them: trimmed, required ones named in the error. */

/** Trimmed `value`; 400 naming `field` when it is blank or longer than `max` characters (when given). */
export function requiredText(field: string, value: string, max = Number.POSITIVE_INFINITY): string {
  const t = value.trim();
  if (!t) throw invalid(field, { zh: `请填写「${field}」`, en: `"${field}" is required` });
  if (t.length > max) {
    throw invalid(field, {
      zh: `「${field}」不能超过 ${max} 个字`,
      en: `"${field}" cannot be longer than ${max} characters`,
    });
  }
  return t;
}

/** Trimmed text, or null when absent or blank. */
export const optionalText = (value: string | null | undefined): string | null => value?.trim() || null;

/** Trimmed, non-blank entries of a list (blank entries are dropped). */
export const cleanList = (values: readonly string[] | undefined): string[] =>
  (values ?? []).map((v) => v.trim()).filter((v) => v.length > 0);

/** `s` with LIKE's wildcards and escape character escaped, for `like ${'%' + escapeLike(q) + '%'}`. */
export const escapeLike = (s: string): string => s.replace(/[%_\\]/g, (c) => `\\${c}`);
