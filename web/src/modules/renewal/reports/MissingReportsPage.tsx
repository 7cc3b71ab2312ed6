import { Form } from 'antd';
import { Link } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { useScope } from '../../../platform/scope/scope.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { RegionSelect } from '../../../platform/widgets/RegionSelect.tsx';
import { rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { daysBetween, todayInChina } from '../shared/dates.ts';
import { DateInput, dateItem } from '../shared/widgets/fields.tsx';
import '../renewal.css';

const FILTERS = ['date', 'regionCode'] as const;

/** 日报缺报 (今日未报): projects under construction without the day's report, for the department. */
export default function MissingReportsPage() {
  const t = useT();
  const rt = useRT();
  const scope = useScope();
  const list = useListParams({ filters: FILTERS, pageSize: 50 });
  const today = todayInChina();
  const date = list.filters.date ?? today;
  const query = { date, regionCode: list.filters.regionCode ?? scope.regionCode ?? undefined };
  const missing = usePagedQuery({
    list,
    query,
    queryKey: rk.missing,
    fetch: (q) => unwrap(api.GET('/api/renewal/reports/missing', { params: { query: q } })),
  });
  return (
    <>
      <PageHeader
        title={date === today ? rt('missing.titleToday') : rt('missing.title', { date })}
        description={rt('missing.description')}
      />
      <PagedTable
        list={list}
        result={missing}
        filters={
          <>
            <Form.Item name="date" label={rt('missing.date')} {...dateItem}>
              <DateInput style={{ width: 150 }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
            </Form.Item>
            <Form.Item name="regionCode" label={t('common.region')}>
              <RegionSelect placeholder={t('common.all')} style={{ width: 200 }} />
            </Form.Item>
          </>
        }
        rowKey="projectId"
        aria-label={rt('missing.table')}
        empty={rt('missing.none')}
        columns={[
          {
            title: rt('project.name'),
            dataIndex: 'projectName',
            render: (n: string, r) => <Link to={`/renewal/projects/${r.projectId}?tab=reports`}>{n}</Link>,
          },
          { title: t('common.region'), dataIndex: 'regionName', width: 140 },
          {
            title: rt('project.contractor'),
            key: 'contractor',
            width: 240,
            render: (_, r) => r.contractor?.name ?? '—',
          },
          {
            title: rt('missing.lastReport'),
            dataIndex: 'lastReportDate',
            width: 200,
            render: (d: string | null) =>
              d ? (
                <span>
                  {d} <span className="gf-muted">({rt('missing.daysAgo', { n: daysBetween(d, date) })})</span>
                </span>
              ) : (
                <span className="rn-bad">{rt('missing.never')}</span>
              ),
          },
        ]}
      />
    </>
  );
}
