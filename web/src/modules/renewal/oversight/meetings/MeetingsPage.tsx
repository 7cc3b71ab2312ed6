import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useListParams } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { useCan } from '../../../../platform/auth/auth.tsx';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../../platform/widgets/PageHeader.tsx';
import { rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { ActionItemsTable } from './ActionItemsTable.tsx';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { MeetingsTable } from './MeetingsTable.tsx';
import '../../renewal.css';

/** 督查例会: meetings, their action items, and the overdue ones. */
export default function MeetingsPage() {
  const rt = useRT();
  const can = useCan();
  const _qc = useQueryClient();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const tab = sp.get('tab') ?? 'meetings';
  return (
    <>
      <PageHeader
        title={rt('meeting.pageTitle')}
        description={rt('meeting.pageDescription')}
        extra={
          can('renewal.meeting.write') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {rt('meeting.create')}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'meetings' ? {} : { tab: k }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'meetings', label: rt('meeting.tabMeetings'), children: <MeetingsTable filtered /> },
          { key: 'items', label: rt('meeting.tabItems'), children: <AllItems /> },
          { key: 'overdue', label: rt('meeting.tabOverdue'), children: <OverdueItems /> },
        ]}
      />
      <MeetingFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(m) => navigate(`/renewal/meetings/${m.id}`)}
      />
    </>
  );
}

const ITEM_FILTERS = ['status'] as const;
type ItemStatus = 'open' | 'done' | 'all';

/** Every action item in scope (or the project's), open ones first; the status and page in the URL. */
function AllItems({ projectId, prefix }: { projectId?: string; prefix?: string }) {
  const t = useT();
  const rt = useRT();
  const list = useListParams({ filters: ITEM_FILTERS, defaults: { status: 'open' }, prefix });
  const status = (list.filters.status ?? 'open') as ItemStatus;
  return (
    <div className="rn-stack">
      <ActionItemsTable
        label={rt('action.table')}
        paged={{
          list,
          query: { projectId, status: status === 'all' ? undefined : status },
          exportFile: `${rt('action.table')}.xlsx`,
          toolbar: (
            <Segmented<ItemStatus>
              aria-label={t('common.status')}
              value={status}
              onChange={(v) => list.setFilters({ status: v })}
              options={[
                { value: 'open', label: rt('action.statusOpen') },
                { value: 'done', label: rt('action.statusDone') },
                { value: 'all', label: t('common.all') },
              ]}
            />
          ),
        }}
      />
    </div>
  );
}

export function OverdueItems({ projectId }: { projectId?: string }) {
  const rt = useRT();
  const items = useQuery({
    queryKey: rk.overdueItems({ projectId }),
    queryFn: () => unwrap(api.GET('/api/renewal/action-items/overdue', { params: { query: { projectId } } })),
  });
  return (
    <>
      <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      <ActionItemsTable items={items.data} loading={items.isFetching} label={rt('action.overdueTable')} />
    </>
  );
}

export { AllItems };
