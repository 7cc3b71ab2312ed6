import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../platform/auth/auth.tsx';
import { PageHeader } from '../../../../platform/widgets/PageHeader.tsx';
import { useRT } from '../../i18n/rt.ts';
import { NightWorkFormDrawer } from './NightWorkFormDrawer.tsx';
import { NightWorkTable } from './NightWorkTable.tsx';
import '../../renewal.css';

/** 夜间施工: requests, notices to neighbours, their feedback and approval. */
export default function NightWorkPage() {
  const rt = useRT();
  const can = useCan();
  const _qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={rt('night.pageTitle')}
        description={rt('night.pageDescription')}
        extra={
          can('renewal.nightwork.request') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {rt('night.create')}
            </Button>
          ) : null
        }
      />
      <NightWorkTable filtered />
      <NightWorkFormDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
