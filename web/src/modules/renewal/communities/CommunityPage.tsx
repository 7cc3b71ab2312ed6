import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import { lazy, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetailShell } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
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
  const [editing, setEditing] = useState(false);
  const c = useQuery({
    queryKey: ck.one(id),
    queryFn: () => unwrap(api.GET('/api/renewal/communities/{id}', { params: { path: { id } } })),
  });
  const d = c.data;
  return (
    <DetailShell
      title={d?.name ?? ct('list.title')}
      back={{ to: '/renewal/communities', label: ct('common.back') }}
      status={d ? { label: d.statusName } : undefined}
      description={d?.regionName}
      record={d}
      loading={c.isPending}
      error={c.error}
      onRetry={() => void c.refetch()}
      actions={[
        {
          key: 'edit',
          label: ct('common.edit'),
          icon: <EditOutlined aria-hidden />,
          can: 'update',
          onClick: () => setEditing(true),
        },
      ]}
      tabs={
        d
          ? [
              {
                key: 'overview',
                label: ct('tab.overview'),
                children: (
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
                ),
              },
              { key: 'units', label: ct('tab.units'), children: <UnitsTab community={d} /> },
              { key: 'surveys', label: ct('tab.surveys'), children: <SurveysTab community={d} /> },
              { key: 'acceptance', label: ct('tab.acceptance'), children: <AcceptanceTab community={d} /> },
              {
                key: 'ballots',
                label: ct('tab.ballots'),
                children: <CommunityBallotsTab communityId={d.id} />,
              },
            ]
          : undefined
      }
    >
      {d ? (
        <CommunityForm
          open={editing}
          initial={d}
          onClose={() => setEditing(false)}
          onSaved={() => undefined}
        />
      ) : null}
    </DetailShell>
  );
}
