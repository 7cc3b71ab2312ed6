import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/**
 * Text no field may carry: a NUL character (PostgreSQL cannot store it in `text`, and it cuts
 * strings short in C libraries, Excel and logs) or half of a UTF-16 surrogate pair (not a
 * character at all: it cannot be encoded as UTF-8, so it would be stored as "?" or fail).
 * Both are refused at the edge, before validation and before any service sees them, with a
 * 400 naming the field — wherever they hide: body, query string, path, or a property name.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is looked for
const HOSTILE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const HOSTILE_ALL = new RegExp(HOSTILE.source, 'g');

export const hasHostileText = (s: string): boolean => HOSTILE.test(s);

/** Text fit to be shown or written to a file: the offending characters replaced by U+FFFD. */
export const printable = (s: string) => s.replace(HOSTILE_ALL, '\ufffd');

export const invalidText = (field: string) =>
  new AppError(
    'INVALID_TEXT',
    'invalid',
    {
      zh: `字段「${field}」含有不可见的控制字符或无效字符，请删除后重试`,
      en: `"${field}" contains an invisible control character or an invalid character; remove it and try again`,
    },
    field,
  );

export const notFinite = (field: string) =>
  new AppError(
    'VALIDATION_FAILED',
    'invalid',
    { zh: `「${field}」应为有限的数值`, en: `"${field}" must be a finite number` },
    field,
  );

/**
 * The path (`a.b.0.c`, as validation errors name fields) of the first value in `value` that
 * `bad` refuses, or of the first property name `badKey` refuses; undefined if none. Walks
 * without recursion, so a deeply nested body cannot overflow the stack.
 */
function findPath(
  value: unknown,
  root: string,
  bad: (v: unknown) => boolean,
  badKey: (k: string) => boolean = () => false,
): string | undefined {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: root }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (bad(v)) return path;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, String(i)) });
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (badKey(key)) return join(path, printable(key));
        stack.push({ v: (v as Record<string, unknown>)[key], path: join(path, key) });
      }
    }
  }
  return undefined;
}

/** Where `value` holds hostile text, in a string or a property name. */
export const findHostileText = (value: unknown, root: string): string | undefined =>
  findPath(value, root, (v) => typeof v === 'string' && hasHostileText(v), hasHostileText);

/** Where `value` holds Infinity or NaN. */
export const findNonFiniteNumber = (value: unknown, root: string): string | undefined =>
  findPath(value, root, (v) => typeof v === 'number' && !Number.isFinite(v));

/**
 * preValidation hook: refuses a request whose path parameters, query string or JSON body
 * carries hostile text. The field is named as in validation errors: the property path within
 * the body, the parameter's name in the query or path (`body` for a body that is one string).
 */
export async function rejectHostileText(req: FastifyRequest): Promise<void> {
  for (const part of [req.params, req.query, req.body]) {
    const field = findHostileText(part, '');
    if (field !== undefined) throw invalidText(field || 'body');
  }
}

/**
 * preHandler hook: refuses a number that is not finite after validation. Ajv coerces query and
 * path text to numbers, and "Infinity" or "1e309" became Infinity and passed as an integer (its
 * type check does not run again after coercion); a page or year of Infinity reached SQL as a
 * 500 (issue 9, found by the route fuzz test). JSON bodies are checked by Ajv (strictNumbers).
 */
export async function rejectNonFiniteNumbers(req: FastifyRequest): Promise<void> {
  for (const part of [req.params, req.query]) {
    const field = findNonFiniteNumber(part, '');
    if (field !== undefined) throw notFinite(field || 'query');
  }
}
