import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { ExportButton } from '../widgets/ExportButton.tsx';
import { ActionItemsTable } from './ActionItemsTable.tsx';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { MeetingsTable } from './MeetingsTable.tsx';
import '../renewal.css';

/** 督查例会: meetings, their action items, and the overdue ones. */
export default function MeetingsPage() {
  const rt = useRT();
  const can = useCan();
  const qc = useQueryClient();
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
          { key: 'meetings', label: rt('meeting.tabMeetings'), children: <MeetingsTable /> },
          { key: 'items', label: rt('meeting.tabItems'), children: <AllItems /> },
          { key: 'overdue', label: rt('meeting.tabOverdue'), children: <OverdueItems /> },
        ]}
      />
      <MeetingFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(m) => {
          setCreating(false);
          void qc.invalidateQueries({ queryKey: rk.all });
          navigate(`/renewal/meetings/${m.id}`);
        }}
      />
    </>
  );
}

function AllItems({ projectId }: { projectId?: string }) {
  const t = useT();
  const rt = useRT();
  const [status, setStatus] = useState<'open' | 'done' | 'all'>('open');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { projectId, status: status === 'all' ? undefined : status, ...page };
  const items = useQuery({
    queryKey: rk.actionItems(query),
    queryFn: () => unwrap(api.GET('/api/renewal/action-items', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="rn-stack">
      <Space>
        <Segmented<'open' | 'done' | 'all'>
          aria-label={t('common.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage({ page: 1, pageSize: page.pageSize });
          }}
          options={[
            { value: 'open', label: rt('action.statusOpen') },
            { value: 'done', label: rt('action.statusDone') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <ExportButton
          fileName={`${rt('action.table')}.xlsx`}
          download={() =>
            api.GET('/api/renewal/action-items/export.xlsx', {
              params: { query: { projectId, status: status === 'all' ? undefined : status } },
              parseAs: 'blob',
            })
          }
        />
      </Space>
      <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      <ActionItemsTable
        items={items.data?.items}
        loading={items.isFetching}
        label={rt('action.table')}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: items.data?.total ?? 0,
          onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
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
