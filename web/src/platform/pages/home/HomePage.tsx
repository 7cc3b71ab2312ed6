import { Card, Col, Row, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { type Grant, useAuth } from '../../auth/auth.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { programmeLabel, roleLabel } from '../../labels.ts';
import { useMenu } from '../../menu.ts';
import { PageHeader } from '../../widgets/PageHeader.tsx';
import { RegionName } from '../../widgets/RegionName.tsx';

/** Welcome, the user's roles and data scope, and shortcuts to their menu entries. */
export default function HomePage() {
  const t = useT();
  const me = useAuth();
  const menu = useMenu();
  return (
    <>
      <PageHeader title={t('home.welcome', { name: me.displayName })} description={t('home.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="gf-card-title">{t('home.roles')}</h2>}>
            <Table<Grant>
              aria-label={t('home.roles')}
              size="small"
              pagination={false}
              rowKey={(g) =>
                `${g.role}:${g.regionCode ?? '*'}:${g.organisationId ?? ''}:${g.programmes.join(',')}`
              }
              dataSource={me.grants}
              columns={[
                { title: t('home.role'), dataIndex: 'role', render: (r: string) => roleLabel(t, r) },
                {
                  title: t('home.scope'),
                  dataIndex: 'regionCode',
                  render: (c: string | null) => (c ? <RegionName code={c} path /> : t('home.everywhere')),
                },
                {
                  title: t('home.programmes'),
                  dataIndex: 'programmes',
                  render: (ps: string[]) =>
                    ps.length === 0
                      ? t('home.allProgrammes')
                      : ps.map((p) => <Tag key={p}>{programmeLabel(t, p)}</Tag>),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="gf-card-title">{t('home.shortcuts')}</h2>}>
            {menu.data && menu.data.length > 0 ? (
              <ul className="gf-shortcuts">
                {menu.data.map((e) => (
                  <li key={e.key}>
                    <Link to={e.path} className="gf-shortcut">
                      {e.label}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="gf-muted">{t('home.noShortcuts')}</p>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
