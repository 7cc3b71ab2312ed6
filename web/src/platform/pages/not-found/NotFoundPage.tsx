import { Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../widgets/PageHeader.tsx';

export default function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('error.notFound')} />
      <Result
        status="info"
        title={t('error.notFoundHint')}
        extra={<Link to="/">{t('error.backHome')}</Link>}
      />
    </>
  );
}
