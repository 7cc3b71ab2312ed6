import { Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../widgets/PageHeader.tsx';

/** A page the user's role does not cover (the server would refuse it too). */
export default function NoAccessPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('error.forbidden')} />
      <Result
        status="warning"
        title={t('error.forbidden')}
        extra={<Link to="/">{t('error.backHome')}</Link>}
      />
    </>
  );
}
