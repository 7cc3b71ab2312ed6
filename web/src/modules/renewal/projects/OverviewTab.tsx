import { Button, Card, Col, Descriptions, Empty, Progress, Row, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useFormat } from '../../../platform/i18n/format.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type Dashboard, useDashboard, useProject } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { dayUnits } from '../shared/widgets/day-units.ts';
import { TaskForceTable } from './TaskForcesTab.tsx';

/** 概览: the dashboard figures, the trend of days late, and the register entry. */
export default function OverviewTab({ projectId }: { projectId: string }) {
  const t = useT();
  const rt = useRT();
  const fmt = useFormat();
  const dash = useDashboard(projectId);
  const project = useProject(projectId);
  const d = dash.data;
  const p = project.data;
  const units = dayUnits(rt, d?.calendar ?? 'calendar-days');
  // a project without tasks has no schedule: its planned finish would only repeat the start date
  const unscheduled = d?.taskCount === 0;
  return (
    <div className="rn-stack">
      <ErrorAlert error={dash.error} onRetry={() => void dash.refetch()} />
      {d ? (
        <section aria-label={rt('overview.figures')}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={rt('overview.daysToDeadline')}
                  value={d.daysToDeadline}
                  suffix={rt('common.daysUnit')}
                />
                <div className="gf-muted gf-small">
                  {rt('overview.deadlineOn', { date: d.deadline })} ·{' '}
                  {rt('overview.timeLeft', { days: units.count(d.workingDaysToDeadline) })}
                </div>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                {unscheduled ? (
                  <>
                    <Statistic
                      title={rt('overview.plannedFinish')}
                      value={rt('projects.unscheduled')}
                      styles={{ content: { color: '#595959' } }}
                    />
                    <div className="gf-muted gf-small">{rt('projects.unscheduledHint')}</div>
                  </>
                ) : (
                  <>
                    <Statistic
                      title={rt('overview.plannedFinish')}
                      value={d.plannedFinish}
                      styles={{ content: { color: d.daysLate > 0 ? '#cf1322' : '#389e0d' } }}
                    />
                    <div className="gf-small">
                      {d.daysLate > 0 ? (
                        <Tag color="red">{rt('projects.lateBy', { days: units.count(d.daysLate) })}</Tag>
                      ) : (
                        <Tag color="green">{rt('projects.onTime')}</Tag>
                      )}
                    </div>
                  </>
                )}
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <div className="gf-muted">{rt('projects.progress')}</div>
                <Progress
                  percent={Math.round(d.progressPercent * 10) / 10}
                  aria-label={rt('projects.progress')}
                />
                <div className="gf-muted gf-small">
                  {rt('overview.tasksDone', { done: d.doneTaskCount, total: d.taskCount })}
                </div>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={rt('overview.todayReport')}
                  value={d.todayReportFiled ? rt('projects.reported') : rt('projects.notReported')}
                  styles={{ content: { color: d.todayReportFiled ? '#389e0d' : '#cf1322' } }}
                />
                <div className="gf-muted gf-small">
                  {rt('overview.lastReport', { date: d.lastReportDate ?? t('common.none') })}
                </div>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={rt('overview.lateTasks')} value={d.lateTaskCount} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={rt('overview.atRiskTasks')} value={d.atRiskTaskCount} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={rt('overview.criticalTasks')} value={d.criticalTaskCount} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={rt('overview.openIssues')}
                  value={d.openIssueCount}
                  suffix={
                    d.overdueIssueCount > 0 ? (
                      <Tag color="red">{rt('overview.overdueIssues', { n: d.overdueIssueCount })}</Tag>
                    ) : null
                  }
                />
              </Card>
            </Col>
          </Row>
        </section>
      ) : null}
      {d ? <Trend trend={d.trend} /> : null}
      {p ? (
        <Card title={<h2 className="gf-card-title">{rt('overview.register')}</h2>} size="small">
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'type', label: rt('project.type'), children: p.typeName },
              { key: 'region', label: rt('project.region'), children: p.regionName },
              { key: 'owner', label: rt('project.owner'), children: p.ownerOrganisation.name },
              { key: 'mode', label: rt('project.deliveryMode'), children: p.deliveryModeName },
              {
                key: 'agent',
                label: rt('project.agentBuilder'),
                children: p.agentBuilder?.name ?? t('common.none'),
              },
              {
                key: 'contractor',
                label: rt('project.contractor'),
                children: p.contractor?.name ?? t('common.none'),
              },
              {
                key: 'supervisor',
                label: rt('project.supervisor'),
                children: p.supervisor?.name ?? t('common.none'),
              },
              {
                key: 'inspector',
                label: rt('project.inspector'),
                children: p.inspector?.name ?? t('common.none'),
              },
              { key: 'budget', label: rt('project.budget'), children: fmt.yuan(p.budgetFen) },
              { key: 'stage', label: rt('project.stage'), children: p.stageName },
              { key: 'start', label: rt('project.startDate'), children: p.startDate },
              { key: 'deadline', label: rt('project.deadline'), children: p.deadline },
              { key: 'calendar', label: rt('project.calendar'), children: p.calendarName },
              {
                key: 'desc',
                label: rt('project.description'),
                children: <span className="gf-prewrap">{p.description ?? t('common.none')}</span>,
              },
            ]}
          />
          {p.taskForces.length > 0 ? (
            <>
              <h3 className="gf-small-title rn-mt">{rt('overview.taskForces')}</h3>
              <TaskForceTable forces={p.taskForces} />
            </>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}

/** Days late over the re-planning snapshots: a small SVG line, with the numbers as a table too. */
function Trend({ trend }: { trend: Dashboard['trend'] }) {
  const rt = useRT();
  const [asTable, setAsTable] = useState(false);
  if (trend.length === 0)
    return (
      <Card size="small" title={<h2 className="gf-card-title">{rt('overview.trend')}</h2>}>
        <Empty description={rt('overview.noTrend')} />
      </Card>
    );
  const W = 640;
  const H = 140;
  const pad = 24;
  const max = Math.max(1, ...trend.map((x) => x.daysLate));
  const min = Math.min(0, ...trend.map((x) => x.daysLate));
  const x = (i: number) => pad + (trend.length === 1 ? 0 : (i * (W - 2 * pad)) / (trend.length - 1));
  const y = (v: number) => H - pad - ((v - min) * (H - 2 * pad)) / (max - min || 1);
  const points = trend.map((p, i) => `${x(i)},${y(p.daysLate)}`).join(' ');
  const last = trend[trend.length - 1]!;
  return (
    <Card
      size="small"
      title={<h2 className="gf-card-title">{rt('overview.trend')}</h2>}
      extra={
        <Button size="small" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
          {asTable ? rt('overview.showChart') : rt('overview.showTable')}
        </Button>
      }
    >
      {asTable ? (
        <Table
          size="small"
          rowKey="date"
          aria-label={rt('overview.trend')}
          pagination={{ pageSize: 10 }}
          dataSource={[...trend].reverse()}
          columns={[
            { title: rt('overview.date'), dataIndex: 'date' },
            { title: rt('projects.plannedFinish'), dataIndex: 'plannedFinish' },
            { title: rt('projects.daysLate'), dataIndex: 'daysLate', align: 'right' },
            { title: rt('overview.lateTasks'), dataIndex: 'lateTaskCount', align: 'right' },
            {
              title: rt('projects.progress'),
              dataIndex: 'progressPercent',
              align: 'right',
              render: (v: number) => `${v}%`,
            },
          ]}
        />
      ) : (
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="rn-trend"
          role="img"
          aria-label={rt('overview.trendLabel', {
            from: trend[0]!.date,
            to: last.date,
            n: last.daysLate,
            max,
          })}
        >
          <line x1={pad} x2={W - pad} y1={y(0)} y2={y(0)} className="rn-trend-zero" />
          <text x={4} y={y(0) + 4} className="rn-trend-label">
            0
          </text>
          <text x={4} y={y(max) + 4} className="rn-trend-label">
            {max}
          </text>
          <polyline points={points} className="rn-trend-line" />
          {trend.map((p, i) => (
            <circle
              key={p.date}
              cx={x(i)}
              cy={y(p.daysLate)}
              r={3}
              className={p.daysLate > 0 ? 'rn-trend-late' : 'rn-trend-ok'}
            >
              <title>{`${p.date}: ${rt('projects.daysLate')} ${p.daysLate}`}</title>
            </circle>
          ))}
          <text x={pad} y={H - 4} className="rn-trend-label">
            {trend[0]!.date}
          </text>
          <text x={W - pad} y={H - 4} textAnchor="end" className="rn-trend-label">
            {last.date}
          </text>
        </svg>
      )}
    </Card>
  );
}
