import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { lazy, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DetailShell } from '../../../kit/index.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { useProject } from '../api.ts';
import { type RenewalKey, useRT } from '../i18n/rt.ts';
import { ProjectFormDrawer } from './ProjectFormDrawer.tsx';
import '../renewal.css';

const OverviewTab = lazy(() => import('./OverviewTab.tsx'));
const GanttTab = lazy(() => import('./gantt/GanttTab.tsx'));
const TasksTab = lazy(() => import('./TasksTab.tsx'));
const ReportsTab = lazy(() => import('../reports/ReportsTab.tsx'));
const IssuesTab = lazy(() => import('../reports/IssuesTab.tsx'));
const InspectionsTab = lazy(() => import('../oversight/inspections/InspectionsTab.tsx'));
const MeetingsTab = lazy(() => import('../oversight/meetings/MeetingsTab.tsx'));
const NightWorkTab = lazy(() => import('../oversight/nightwork/NightWorkTab.tsx'));
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
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const project = useProject(id);
  const p = project.data;
  return (
    <>
      <DetailShell
        title={p?.name ?? rt('detail.title')}
        back={{ to: '/renewal/projects' }}
        status={p ? { label: p.stageName, color: 'blue' } : undefined}
        description={
          p ? (
            <>
              <Tag>{p.typeName}</Tag>
              <span>{p.regionName}</span>
              <span className="gf-muted">·</span>
              <span>{p.ownerOrganisation.name}</span>
            </>
          ) : null
        }
        record={p}
        loading={project.isPending}
        error={project.error}
        onRetry={() => void project.refetch()}
        actions={[
          {
            key: 'report',
            label: rt('report.fileToday'),
            icon: <FormOutlined aria-hidden />,
            primary: true,
            can: 'report',
            permission: 'renewal.report',
            when: p?.stage === 'construction',
            onClick: () => navigate(`/renewal/projects/${id}/report`),
          },
          {
            key: 'edit',
            label: t('common.edit'),
            icon: <EditOutlined aria-hidden />,
            can: 'update',
            permission: 'renewal.write',
            onClick: () => setEditing(true),
          },
        ]}
        tabs={
          p
            ? TABS.map(({ key, label, Tab }) => ({
                key,
                label: rt(label),
                children: <Tab projectId={p.id} />,
              }))
            : undefined
        }
      />
      <ProjectFormDrawer
        projectId={editing ? id : undefined}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </>
  );
}
