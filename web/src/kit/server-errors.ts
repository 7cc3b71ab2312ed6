import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { isApiError } from '../platform/api/errors.ts';

/** `grants.0.regionCode` → `['grants', 0, 'regionCode']`, the antd name path of the field. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Where the server's error field sits in the form: `aliases` renames a field the form holds
 * under another name (`{ budgetFen: 'budgetYuan' }`, the tail of a path is kept); undefined when
 * the form has no such field (`fields`: the form's top-level names).
 */
export function formPathOf(
  field: string,
  fields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): (string | number)[] | undefined {
  const path = fieldPath(field);
  const alias = aliases[field] ?? aliases[String(path[0])];
  const named = alias ? [...fieldPath(alias), ...(aliases[field] ? [] : path.slice(1))] : path;
  return fields.includes(String(named[0])) ? named : undefined;
}

/**
 * Puts a server error that names one of the form's fields (`{ code, message, field }`, as
 * ApiError carries it) under that field, which gets the focus. Returns whether it did.
 */
export function placeServerError(
  form: FormInstance,
  e: unknown,
  fields: readonly string[],
  aliases?: Readonly<Record<string, string>>,
): boolean {
  if (!isApiError(e) || !e.field) return false;
  const path = formPathOf(e.field, fields, aliases);
  if (!path) return false;
  form.setFields([{ name: path, errors: [e.message] }]);
  form.scrollToField(path, { focus: true });
  return true;
}

/**
 * Server errors for a form: an error that names one of the form's fields is shown under that
 * field; any other error is kept for an alert (`error`).
 */
export function useServerError(
  form: FormInstance,
  fields: readonly string[],
  aliases?: Readonly<Record<string, string>>,
) {
  const [error, setError] = useState<unknown>(null);
  const report = useCallback(
    (e: unknown) => setError(placeServerError(form, e, fields, aliases) ? null : e),
    [form, fields, aliases],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, report, clear };
}
