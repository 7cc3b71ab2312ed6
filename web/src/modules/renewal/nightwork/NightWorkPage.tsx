import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Segmented, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { ExportButton } from '../widgets/ExportButton.tsx';
import { NightWorkFormDrawer } from './NightWorkFormDrawer.tsx';
import { NightWorkTable } from './NightWorkTable.tsx';
import '../renewal.css';

type Status = 'pending' | 'approved' | 'rejected' | 'all';

/** 夜间施工: requests, notices to neighbours, their feedback and approval. */
export default function NightWorkPage() {
  const t = useT();
  const rt = useRT();
  const can = useCan();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Status>('all');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={rt('night.pageTitle')}
        description={rt('night.pageDescription')}
        extra={
          <Space wrap>
            <ExportButton
              fileName={`${rt('night.pageTitle')}.xlsx`}
              download={() =>
                api.GET('/api/renewal/night-work/export.xlsx', {
                  params: { query: { status: status === 'all' ? undefined : status } },
                  parseAs: 'blob',
                })
              }
            />
            {can('renewal.nightwork.request') ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {rt('night.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <div className="gf-block">
        <Segmented<Status>
          aria-label={t('common.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'pending', label: rt('night.statusPending') },
            { value: 'approved', label: rt('night.statusApproved') },
            { value: 'rejected', label: rt('night.statusRejected') },
          ]}
        />
      </div>
      <NightWorkTable status={status === 'all' ? undefined : status} />
      <NightWorkFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void qc.invalidateQueries({ queryKey: rk.all });
        }}
      />
    </>
  );
}
