import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Tabs } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { AcceptanceTab } from './AcceptanceTab.tsx';
import { areaText, ck } from './api.ts';
import { CommunityForm } from './CommunitiesPage.tsx';
import { useCT } from './i18n/ct.ts';
import { SurveysTab } from './SurveysTab.tsx';
import { UnitsTab } from './UnitsTab.tsx';

const CommunityBallotsTab = lazy(() => import('../ballots/CommunityBallotsTab.tsx'));

/** One community: overview, buildings and units, surveys (问需/问效), acceptance, plans and ballots (问计). */
export default function CommunityPage() {
  const ct = useCT();
  const { id = '' } = useParams();
  const [sp, setSp] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const c = useQuery({
    queryKey: ck.one(id),
    queryFn: () => unwrap(api.GET('/api/renewal/communities/{id}', { params: { path: { id } } })),
  });
  if (!c.data) return <ErrorAlert error={c.error} onRetry={() => void c.refetch()} />;
  const d = c.data;
  const tab = sp.get('tab') ?? 'overview';
  return (
    <>
      <PageHeader
        title={d.name}
        description={`${d.regionName} · ${d.statusName}`}
        extra={<Link to="/renewal/communities">{ct('common.back')}</Link>}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'overview' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: ct('tab.overview'),
            children: (
              <>
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={[
                    { label: ct('field.region'), children: d.regionName },
                    { label: ct('field.address'), children: d.address ?? '—' },
                    { label: ct('field.yearBuilt'), children: d.yearBuilt ?? '—' },
                    { label: ct('field.batch'), children: d.batch ?? '—' },
                    { label: ct('field.status'), children: d.statusName },
                    {
                      label: ct('field.project'),
                      children: d.project ? (
                        <Link to={`/renewal/projects/${d.project.id}`}>{d.project.name}</Link>
                      ) : (
                        <span className="gf-muted">{ct('field.noProject')}</span>
                      ),
                    },
                    { label: ct('field.buildings'), children: d.buildingCount },
                    { label: ct('field.units'), children: d.unitCount },
                    { label: ct('field.owners'), children: d.ownerCount },
                    { label: ct('field.area'), children: areaText(d.areaCenti) },
                  ]}
                />
                {d.canEdit ? (
                  <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
                    {ct('common.edit')}
                  </Button>
                ) : null}
                <CommunityForm
                  open={editing}
                  initial={d}
                  onClose={() => setEditing(false)}
                  onSaved={() => setEditing(false)}
                />
              </>
            ),
          },
          { key: 'units', label: ct('tab.units'), children: <UnitsTab community={d} /> },
          { key: 'surveys', label: ct('tab.surveys'), children: <SurveysTab community={d} /> },
          { key: 'acceptance', label: ct('tab.acceptance'), children: <AcceptanceTab community={d} /> },
          {
            key: 'ballots',
            label: ct('tab.ballots'),
            children: (
              <Suspense fallback={null}>
                <CommunityBallotsTab communityId={d.id} />
              </Suspense>
            ),
          },
        ]}
      />
    </>
  );
}
