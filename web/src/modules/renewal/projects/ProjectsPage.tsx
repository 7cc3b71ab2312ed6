import { CheckCircleFilled, CloseCircleFilled, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Progress, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { useScope } from '../../../platform/scope/scope.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { RegionSelect } from '../../../platform/widgets/RegionSelect.tsx';
import { type ProjectQuery, type ProjectRow, rk, useMeta } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { daysBetween, todayInChina } from '../shared/dates.ts';
import { DaysLateTag } from '../shared/widgets/DaysLateTag.tsx';
import { ProjectFormDrawer } from './ProjectFormDrawer.tsx';
import '../renewal.css';

const FILTERS = ['regionCode', 'type', 'stage', 'atRisk', 'q'] as const;
/** The orders the server offers (the table's sortable columns), each either way; others are dropped. */
const SORTS = ['name', '-name', 'deadline', '-deadline'] as const;
const sortOf = (sort: string | undefined) => SORTS.find((s) => s === sort);

/** 项目台账: the renewal projects in scope with their deadline, progress and today's report. */
export default function ProjectsPage() {
  const t = useT();
  const rt = useRT();
  const can = useCan();
  const scope = useScope();
  const _qc = useQueryClient();
  const meta = useMeta();
  // the server sorts: by name (the default) or by deadline, either way
  const list = useListParams({ filters: FILTERS, sort: 'name' });
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const navigate = useNavigate();
  const today = todayInChina();

  const query: ProjectQuery = useMemo(
    () => ({
      regionCode: list.filters.regionCode ?? scope.regionCode ?? undefined,
      type: list.filters.type as ProjectQuery['type'],
      stage: list.filters.stage as ProjectQuery['stage'],
      atRisk: list.filters.atRisk === undefined ? undefined : list.filters.atRisk === 'true',
      q: list.filters.q,
    }),
    [list.filters, scope.regionCode],
  );

  const projects = usePagedQuery({
    list,
    query,
    queryKey: rk.projects,
    fetch: (q) =>
      unwrap(
        api.GET('/api/renewal/projects', {
          params: { query: { ...q, sort: sortOf(q.sort) } },
        }),
      ),
    sortable: true,
  });
  const writable = can('renewal.write');
  return (
    <>
      <PageHeader
        title={rt('projects.title')}
        description={rt('projects.description')}
        extra={
          writable ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
              {rt('projects.create')}
            </Button>
          ) : null
        }
      />
      <PagedTable
        list={list}
        result={projects}
        exportTo={{
          fileName: `${rt('projects.title')}.xlsx`,
          download: () =>
            api.GET('/api/renewal/projects/export.xlsx', {
              params: { query: { ...query, sort: sortOf(list.sort) } },
              parseAs: 'blob',
            }),
        }}
        filters={
          <>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input placeholder={rt('projects.searchPlaceholder')} allowClear />
            </Form.Item>
            <Form.Item name="regionCode" label={t('common.region')}>
              <RegionSelect placeholder={t('common.all')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="type" label={rt('project.type')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 140 }}
                options={meta.data?.projectTypes.map((o) => ({ value: o.code, label: o.name }))}
              />
            </Form.Item>
            <Form.Item name="stage" label={rt('project.stage')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={meta.data?.stages.map((o) => ({ value: o.code, label: o.name }))}
              />
            </Form.Item>
            <Form.Item name="atRisk" label={rt('projects.atRisk')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[
                  { value: 'true', label: rt('projects.atRiskYes') },
                  { value: 'false', label: rt('projects.atRiskNo') },
                ]}
              />
            </Form.Item>
          </>
        }
        aria-label={rt('projects.table')}
        rowKey="id"
        scroll={{ x: 1080 }}
        columns={[
          {
            title: rt('project.name'),
            dataIndex: 'name',
            key: 'name',
            sorter: true,
            fixed: 'left',
            width: 270,
            render: (name: string, p) => (
              <div>
                <Link to={`/renewal/projects/${p.id}`}>{name}</Link>
                <div className="gf-muted gf-small">
                  {p.typeName} · {p.regionName}
                  {p.contractorName ? ` · ${p.contractorName}` : ''}
                </div>
              </div>
            ),
          },
          {
            title: rt('project.stage'),
            dataIndex: 'stageName',
            width: 100,
            render: (s: string) => <Tag>{s}</Tag>,
          },
          {
            title: rt('projects.deadline'),
            dataIndex: 'deadline',
            key: 'deadline',
            sorter: true,
            width: 105,
            render: (d: string) => <span className="gf-mono">{d}</span>,
          },
          {
            title: rt('projects.daysToDeadline'),
            key: 'daysToDeadline',
            width: 100,
            align: 'right',
            render: (_, p) => {
              const d = daysBetween(today, p.deadline);
              return d >= 0 ? (
                rt('common.days', { n: d })
              ) : (
                <Tag color="red">{rt('projects.pastDeadline', { n: -d })}</Tag>
              );
            },
          },
          {
            title: rt('projects.progress'),
            dataIndex: 'progressPercent',
            width: 130,
            render: (v: number | null, p) =>
              v === null || !p.scheduled ? (
                t('common.none')
              ) : (
                <Progress
                  percent={Math.round(v * 10) / 10}
                  size="small"
                  aria-label={rt('projects.progress')}
                />
              ),
          },
          {
            title: rt('projects.plannedFinish'),
            dataIndex: 'plannedFinish',
            width: 105,
            render: (v: string | null, p) => (
              <span className="gf-mono">{(p.scheduled && v) || t('common.none')}</span>
            ),
          },
          {
            title: rt('projects.daysLate'),
            dataIndex: 'daysLate',
            width: 100,
            render: (v: number | null, p) => (
              <DaysLateTag daysLate={v} atRisk={p.atRisk} scheduled={p.scheduled} calendar={p.calendar} />
            ),
          },
          {
            title: rt('projects.todayReport'),
            key: 'todayReport',
            width: 100,
            render: (_, p) =>
              p.stage !== 'construction' ? (
                <span className="gf-muted">{t('common.none')}</span>
              ) : p.lastReportDate === today ? (
                <span className="rn-ok">
                  <CheckCircleFilled aria-hidden /> {rt('projects.reported')}
                </span>
              ) : (
                <span className="rn-bad">
                  <CloseCircleFilled aria-hidden /> {rt('projects.notReported')}
                </span>
              ),
          },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 70,
                  fixed: 'right' as const,
                  render: (_: unknown, p: ProjectRow) =>
                    p.can.update ? (
                      <Button
                        type="link"
                        onClick={() => setEditing(p.id)}
                        aria-label={`${t('common.edit')} ${p.name}`}
                      >
                        {t('common.edit')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <ProjectFormDrawer
        projectId={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(p) => {
          // a new project has nothing yet: go straight to its page to add tasks
          if (editing === null) void navigate(`/renewal/projects/${p.id}`);
        }}
      />
    </>
  );
}
