import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { isApiError } from './api/errors.ts';

/** `grants.0.regionCode` → `['grants', 0, 'regionCode']`, the antd name path of the field. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Server errors for a form: an error that names one of the form's fields (`{code, message, field}`)
 * is shown under that field, which gets the focus; any other error is returned for an alert.
 */
export function useServerError(form: FormInstance, fields: readonly string[]) {
  const [error, setError] = useState<unknown>(null);
  const report = useCallback(
    (e: unknown) => {
      if (isApiError(e) && e.field) {
        const path = fieldPath(e.field);
        if (fields.includes(String(path[0]))) {
          form.setFields([{ name: path, errors: [e.message] }]);
          form.scrollToField(path, { focus: true });
          setError(null);
          return;
        }
      }
      setError(e);
    },
    [form, fields],
  );
  const clear = useCallback(() => setError(null), []);
  return { error, report, clear };
}
