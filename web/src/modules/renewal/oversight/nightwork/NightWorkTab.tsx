import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../../platform/auth/auth.tsx';
import { useRT } from '../../i18n/rt.ts';
import { NightWorkFormDrawer } from './NightWorkFormDrawer.tsx';
import { NightWorkTable } from './NightWorkTable.tsx';

/** 夜间施工: the project's night-work requests (approved nights show on the calendar tab). */
export default function NightWorkTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const can = useCan();
  const _qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  return (
    <div className="rn-stack">
      <div className="gf-page-header">
        <p className="gf-muted">{rt('night.tabHint')}</p>
        {can('renewal.nightwork.request') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {rt('night.create')}
          </Button>
        ) : null}
      </div>
      <NightWorkTable projectId={projectId} showProject={false} />
      <NightWorkFormDrawer open={creating} projectId={projectId} onClose={() => setCreating(false)} />
    </div>
  );
}
