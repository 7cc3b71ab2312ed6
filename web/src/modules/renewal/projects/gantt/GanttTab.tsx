import { Alert, Button, Empty, Input, Segmented, Space, Spin, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { type ScheduledTask, useProject, useSchedule } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { type DayUnits, dayUnits } from '../../shared/widgets/day-units.ts';
import { countdown, Gantt } from './Gantt.tsx';
import { rowsOf, type Zoom } from './layout.ts';

type Filter = 'all' | 'critical' | 'flagged';

/** Critical tasks named before "show all" (a long path would push the chart off the screen). */
const CRITICAL_SHOWN = 12;

/** 甘特图: plan vs actual bars, critical path, today and deadline lines; or the same as a table. */
export default function GanttTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const schedule = useSchedule(projectId);
  const project = useProject(projectId);
  const [zoom, setZoom] = useState<Zoom>('day');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [showAllCritical, setShowAllCritical] = useState(false);
  const s = schedule.data;

  const rows = useMemo(() => {
    if (!s) return [];
    const needle = q.trim().toLowerCase();
    return rowsOf(s).filter(({ task: t }) => {
      if (filter === 'critical' && !t.critical) return false;
      if (filter === 'flagged' && !(t.late || t.lateStartPassed || t.atRisk)) return false;
      return !needle || t.name.toLowerCase().includes(needle) || (t.wbsCode ?? '').includes(needle);
    });
  }, [s, filter, q]);

  if (schedule.error) return <ErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} />;
  if (!s) return <Spin />;
  if (s.tasks.length === 0) return <Empty description={rt('gantt.noTasks')} />;

  const units = dayUnits(rt, s.calendar);
  const names = new Map(s.tasks.map((t) => [t.id, t.name]));
  const criticalNames = s.criticalPath.map((id) => names.get(id) ?? id);
  // nothing critical: say how much float the tightest open task still has
  const openFloats = s.tasks.filter((t) => !t.summary && t.status !== 'done').map((t) => t.totalFloat);
  const noCritical =
    openFloats.length > 0 && Math.min(...openFloats) > 0
      ? rt('gantt.noCriticalFloat', { days: units.count(Math.min(...openFloats)) })
      : rt('gantt.noCritical');
  const label = rt('gantt.ariaLabel', {
    project: project.data?.name ?? '',
    n: s.tasks.length,
    finish: s.projectFinish,
    deadline: s.deadline,
  });

  return (
    <div className="rn-stack">
      {s.daysLate > 0 ? (
        <Alert
          type="error"
          showIcon
          title={rt('gantt.infeasible', {
            days: units.count(s.daysLate),
            finish: s.projectFinish,
            deadline: s.deadline,
          })}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title={rt('gantt.feasible', { finish: s.projectFinish, deadline: s.deadline })}
        />
      )}
      <p className="rn-critical-path">
        <strong>{rt('gantt.criticalPath')}</strong>
        {criticalNames.length === 0
          ? noCritical
          : criticalNames.length <= CRITICAL_SHOWN || showAllCritical
            ? criticalNames.join(' → ')
            : `${criticalNames.slice(0, CRITICAL_SHOWN).join(' → ')} → …`}
        {criticalNames.length > CRITICAL_SHOWN ? (
          <Button
            type="link"
            size="small"
            onClick={() => setShowAllCritical((v) => !v)}
            aria-expanded={showAllCritical}
          >
            {showAllCritical
              ? rt('gantt.criticalLess')
              : rt('gantt.criticalAll', { n: criticalNames.length })}
          </Button>
        ) : null}
      </p>
      <Space wrap className="rn-toolbar">
        <Segmented<'chart' | 'table'>
          aria-label={rt('gantt.view')}
          value={view}
          onChange={setView}
          options={[
            { value: 'chart', label: rt('gantt.viewChart') },
            { value: 'table', label: rt('gantt.viewTable') },
          ]}
        />
        {view === 'chart' ? (
          <Segmented<Zoom>
            aria-label={rt('gantt.zoom')}
            value={zoom}
            onChange={setZoom}
            options={[
              { value: 'day', label: rt('gantt.zoomDay') },
              { value: 'week', label: rt('gantt.zoomWeek') },
            ]}
          />
        ) : null}
        <Segmented<Filter>
          aria-label={rt('gantt.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: rt('gantt.filterAll') },
            { value: 'critical', label: rt('gantt.filterCritical') },
            { value: 'flagged', label: rt('gantt.filterFlagged') },
          ]}
        />
        <Input.Search
          aria-label={rt('gantt.search')}
          placeholder={rt('gantt.search')}
          allowClear
          onSearch={setQ}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 200 }}
        />
        <span className="gf-muted gf-small">
          {rt('gantt.shown', { n: rows.length, total: s.tasks.length })}
        </span>
      </Space>
      {view === 'chart' ? (
        <>
          <Legend />
          <Gantt schedule={s} rows={rows} zoom={zoom} label={label} units={units} />
          <p className="gf-muted gf-small">{rt('gantt.keyboardHint')}</p>
        </>
      ) : (
        <ScheduleTable tasks={rows.map((r) => r.task)} units={units} />
      )}
    </div>
  );
}

function Legend() {
  const rt = useRT();
  return (
    <ul className="rn-legend" aria-label={rt('gantt.legend')}>
      <li>
        <span className="rn-swatch rn-bar-plan" aria-hidden />
        {rt('gantt.legendPlan')}
      </li>
      <li>
        <span className="rn-swatch rn-bar-critical" aria-hidden />
        {rt('gantt.legendCritical')}
      </li>
      <li>
        <span className="rn-swatch rn-bar-late" aria-hidden />
        {rt('gantt.legendLateWindow')}
      </li>
      <li>
        <span className="rn-swatch-float" aria-hidden />
        {rt('gantt.legendFloat')}
      </li>
      <li>
        <span className="rn-swatch rn-swatch-actual" aria-hidden />
        {rt('gantt.legendActual')}
      </li>
      <li>
        <span className="rn-swatch rn-bar-summary" aria-hidden />
        {rt('gantt.legendSummary')}
      </li>
      <li>
        <span className="rn-swatch-line rn-line-today" aria-hidden />
        {rt('gantt.today')}
      </li>
      <li>
        <span className="rn-swatch-line rn-line-deadline" aria-hidden />
        {rt('gantt.deadline')}
      </li>
      <li>
        <span className="rn-flag" aria-hidden>
          ⚑
        </span>
        {rt('gantt.legendLate')}
      </li>
    </ul>
  );
}

/** The table alternative: every task with its dates, floats and flags. */
function ScheduleTable({ tasks, units }: { tasks: ScheduledTask[]; units: DayUnits }) {
  const rt = useRT();
  return (
    <Table<ScheduledTask>
      size="small"
      rowKey="id"
      aria-label={rt('gantt.tableLabel')}
      dataSource={tasks}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      scroll={{ x: 1300 }}
      columns={[
        { title: rt('task.wbs'), dataIndex: 'wbsCode', width: 70, fixed: 'left' },
        { title: rt('task.name'), dataIndex: 'name', width: 200, fixed: 'left' },
        {
          title: rt('task.durationDays', { unit: units.unit }),
          dataIndex: 'duration',
          width: 90,
          align: 'right',
        },
        { title: rt('gantt.earlyStart'), dataIndex: 'earlyStart', width: 105 },
        { title: rt('gantt.earlyFinish'), dataIndex: 'earlyFinish', width: 105 },
        { title: rt('gantt.lateStart'), dataIndex: 'lateStart', width: 105 },
        { title: rt('gantt.lateFinish'), dataIndex: 'lateFinish', width: 105 },
        {
          title: rt('gantt.actualStart'),
          dataIndex: 'actualStart',
          width: 105,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: rt('gantt.actualFinish'),
          dataIndex: 'actualFinish',
          width: 105,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: rt('gantt.percent'),
          dataIndex: 'percent',
          width: 70,
          align: 'right',
          render: (v: number) => `${v}%`,
        },
        {
          title: rt('gantt.totalFloat', { unit: units.unit }),
          dataIndex: 'totalFloat',
          width: 100,
          align: 'right',
        },
        {
          title: rt('gantt.countdown'),
          key: 'countdown',
          width: 130,
          render: (_, t) => {
            const c = countdown(rt, t, units);
            return <span className={`rn-tone-${c.tone}`}>{c.text}</span>;
          },
        },
        {
          title: rt('gantt.flags'),
          key: 'flags',
          width: 160,
          render: (_, t) => (
            <>
              {t.critical ? <Tag color="red">{rt('gantt.critical')}</Tag> : null}
              {t.lateStartPassed ? <Tag color="volcano">{rt('gantt.lateStartPassed')}</Tag> : null}
              {t.late && !t.lateStartPassed ? <Tag color="volcano">{rt('gantt.late')}</Tag> : null}
              {t.atRisk ? <Tag color="orange">{rt('gantt.atRisk')}</Tag> : null}
            </>
          ),
        },
      ]}
    />
  );
}
