import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Spin, Tabs, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { rk, useProject } from '../api.ts';
import { type RenewalKey, useRT } from '../i18n/rt.ts';
import { ProjectFormDrawer } from './ProjectFormDrawer.tsx';
import '../renewal.css';

const OverviewTab = lazy(() => import('./OverviewTab.tsx'));
const GanttTab = lazy(() => import('../gantt/GanttTab.tsx'));
const TasksTab = lazy(() => import('./TasksTab.tsx'));
const ReportsTab = lazy(() => import('../reports/ReportsTab.tsx'));
const IssuesTab = lazy(() => import('../issues/IssuesTab.tsx'));
const InspectionsTab = lazy(() => import('../inspections/InspectionsTab.tsx'));
const MeetingsTab = lazy(() => import('../meetings/MeetingsTab.tsx'));
const NightWorkTab = lazy(() => import('../nightwork/NightWorkTab.tsx'));
const CalendarTab = lazy(() => import('./CalendarTab.tsx'));
const TaskForcesTab = lazy(() => import('./TaskForcesTab.tsx'));

const TABS: { key: string; label: RenewalKey; Tab: React.ComponentType<{ projectId: string }> }[] = [
  { key: 'overview', label: 'detail.tabOverview', Tab: OverviewTab },
  { key: 'gantt', label: 'detail.tabGantt', Tab: GanttTab },
  { key: 'tasks', label: 'detail.tabTasks', Tab: TasksTab },
  { key: 'reports', label: 'detail.tabReports', Tab: ReportsTab },
  { key: 'issues', label: 'detail.tabIssues', Tab: IssuesTab },
  { key: 'inspections', label: 'detail.tabInspections', Tab: InspectionsTab },
  { key: 'meetings', label: 'detail.tabMeetings', Tab: MeetingsTab },
  { key: 'night-work', label: 'detail.tabNightWork', Tab: NightWorkTab },
  { key: 'calendar', label: 'detail.tabCalendar', Tab: CalendarTab },
  { key: 'task-forces', label: 'detail.tabTaskForces', Tab: TaskForcesTab },
];

/** One project: its dashboard, Gantt, tasks, reports, issues, inspections, meetings, night work, calendar. */
export default function ProjectDetailPage() {
  const t = useT();
  const rt = useRT();
  const can = useCan();
  const qc = useQueryClient();
  const { id = '' } = useParams();
  const [sp, setSp] = useSearchParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const project = useProject(id);
  const tab = TABS.some((x) => x.key === sp.get('tab')) ? (sp.get('tab') as string) : 'overview';
  const p = project.data;
  return (
    <>
      <PageHeader
        title={p?.name ?? rt('detail.title')}
        description={
          p ? (
            <Space wrap size={4}>
              <Tag>{p.typeName}</Tag>
              <Tag color="blue">{p.stageName}</Tag>
              <span>{p.regionName}</span>
              <span className="gf-muted">·</span>
              <span>{p.ownerOrganisation.name}</span>
            </Space>
          ) : null
        }
        extra={
          p ? (
            <Space wrap>
              {can('renewal.report') && p.stage === 'construction' ? (
                <Button
                  type="primary"
                  icon={<FormOutlined aria-hidden />}
                  onClick={() => navigate(`/renewal/projects/${p.id}/report`)}
                >
                  {rt('report.fileToday')}
                </Button>
              ) : null}
              {can('renewal.write') ? (
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      />
      <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />
      {project.isPending ? <Spin /> : null}
      {p ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setSp(k === 'overview' ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={TABS.map(({ key, label, Tab }) => ({
            key,
            label: rt(label),
            children: (
              <Suspense fallback={<Spin />}>
                <Tab projectId={p.id} />
              </Suspense>
            ),
          }))}
        />
      ) : null}
      <ProjectFormDrawer
        projectId={editing ? id : undefined}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void qc.invalidateQueries({ queryKey: rk.all });
        }}
      />
    </>
  );
}
