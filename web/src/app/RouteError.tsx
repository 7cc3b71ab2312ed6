import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '../platform/i18n/i18n.tsx';

/** When rendering a page throws, or its code cannot be fetched (e.g. after a new release). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="gf-route-error" role="alert">
      <h1>{notFound ? t('error.notFound') : t('error.unexpected')}</h1>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </main>
  );
}
