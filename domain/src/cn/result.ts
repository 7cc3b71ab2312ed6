/**
 * Outcome of parsing untrusted input. `error` is a short English message that
 * names the problem (e.g. "citizen ID check digit is wrong: expected X").
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });

export const fail = <T = never>(error: string): ParseResult<T> => ({ ok: false, error });
