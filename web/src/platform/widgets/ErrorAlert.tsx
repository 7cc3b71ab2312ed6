import { Alert, Button } from 'antd';
import { useT } from '../i18n/i18n.tsx';
import { errorText } from './error-text.ts';

export { errorText };

/** An error from the server, shown where it happened, with an optional retry. */
export function ErrorAlert({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="gf-error-alert"
      title={title ?? t('error.title')}
      description={errorText(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.refresh')}
          </Button>
        ) : undefined
      }
    />
  );
}
