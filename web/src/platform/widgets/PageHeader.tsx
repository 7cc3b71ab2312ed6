import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** The page's one <h1>, its description and its main buttons; also sets the window title. */
export function PageHeader({
  title,
  description,
  extra,
}: {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="gf-page-header">
      <div>
        <h1 className="gf-page-title">{title}</h1>
        {description ? <p className="gf-page-description">{description}</p> : null}
      </div>
      {extra ? <div className="gf-page-extra">{extra}</div> : null}
    </div>
  );
}
