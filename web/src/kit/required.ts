import type { Rule } from 'antd/es/form';
import { useT } from '../platform/i18n/i18n.tsx';

/**
 * The rules of a required field, saying "请填写{label}" in the user's language; `text: true`
 * also refuses a value of only spaces (names, titles).
 */
export function useRequired(): (label: string, opts?: { text?: boolean }) => Rule[] {
  const t = useT();
  return (label, opts) => [
    {
      required: true,
      ...(opts?.text ? { whitespace: true } : {}),
      message: t('common.required', { field: label }),
    },
  ];
}
