import { Form, Input, Select } from 'antd';
import { useNavigate } from 'react-router';
import { PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { RegionSelect } from '../../../platform/widgets/RegionSelect.tsx';
import { type BallotQuery, bk } from './api.ts';
import { useBallotColumns } from './BallotSection.tsx';
import { useBT } from './i18n/bt.ts';
import '../renewal.css';

const FILTERS = ['q', 'regionCode', 'status'] as const;
const STATUSES = ['draft', 'open', 'closed', 'published', 'void'] as const;
type BallotFilters = Omit<BallotQuery, 'page' | 'pageSize' | 'sort'>;
/** The orders the server offers besides its default (newest first), each either way; others are dropped. */
const SORTS = ['closesAt', '-closesAt', 'community', '-community', 'created', '-created'] as const;
const sortOf = (sort: string | undefined) => SORTS.find((s) => s === sort);

/**
 * 问计表决: the ballots of every community the caller sees, with their turnout against the quorum
 * and their outcome; filters (question or community, region, status), sorts and the page in the
 * URL, exported with the same filters.
 */
export default function BallotsPage() {
  const bt = useBT();
  const t = useT();
  const navigate = useNavigate();
  const list = useListParams({ filters: FILTERS });
  const query: BallotFilters = {
    q: list.filters.q,
    regionCode: list.filters.regionCode,
    status: STATUSES.find((s) => s === list.filters.status),
  };
  const ballots = usePagedQuery({
    list,
    query,
    queryKey: bk.allBallots,
    fetch: (q) =>
      unwrap(api.GET('/api/renewal/ballots', { params: { query: { ...q, sort: sortOf(q.sort) } } })),
    sortable: true,
  });
  const columns = useBallotColumns({
    withCommunity: true,
    sortable: true,
    onOpen: (id) => navigate(`/renewal/ballots/${id}`),
  });
  return (
    <>
      <PageHeader title={bt('page.title')} description={bt('page.description')} />
      <PagedTable
        list={list}
        result={ballots}
        filters={
          <>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input allowClear placeholder={bt('ballot.search')} />
            </Form.Item>
            <Form.Item name="regionCode" label={bt('ballot.region')}>
              <RegionSelect placeholder={t('common.all')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="status" label={bt('ballot.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={STATUSES.map((s) => ({ value: s, label: bt(`status.${s}`) }))}
              />
            </Form.Item>
          </>
        }
        exportTo={{
          fileName: `${bt('tab.ballots')}.xlsx`,
          download: () =>
            api.GET('/api/renewal/ballots/export.xlsx', {
              params: { query: { ...query, sort: sortOf(list.sort) } },
              parseAs: 'blob',
            }),
        }}
        aria-label={bt('tab.ballots')}
        rowKey="id"
        size="small"
        empty={list.filtered ? undefined : bt('ballot.none')}
        columns={columns}
      />
    </>
  );
}
