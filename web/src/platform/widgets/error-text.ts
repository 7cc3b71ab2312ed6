import { isApiError } from '../api/errors.ts';
import type { Translate } from '../i18n/i18n.tsx';

/** The text to show for an error: the server's message (already in the user's language), or ours. */
export function errorText(error: unknown, t: Translate): string {
  if (isApiError(error)) return error.code === 'NETWORK' ? t('error.network') : error.message;
  return t('error.unexpected');
}
