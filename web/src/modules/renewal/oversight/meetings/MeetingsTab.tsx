import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../../platform/auth/auth.tsx';
import { useRT } from '../../i18n/rt.ts';
import { MeetingFormDrawer } from './MeetingFormDrawer.tsx';
import { AllItems } from './MeetingsPage.tsx';
import { MeetingsTable } from './MeetingsTable.tsx';

/** 例会: the project's supervision meetings and action items. */
export default function MeetingsTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const can = useCan();
  const _qc = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <div className="rn-stack">
      <section aria-labelledby="rn-meetings">
        <div className="gf-page-header">
          <h2 id="rn-meetings" className="gf-section-title">
            {rt('meeting.tabMeetings')}
          </h2>
          {can('renewal.meeting.write') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {rt('meeting.create')}
            </Button>
          ) : null}
        </div>
        <MeetingsTable projectId={projectId} prefix="meetings." />
      </section>
      <section aria-labelledby="rn-items">
        <h2 id="rn-items" className="gf-section-title">
          {rt('meeting.tabItems')}
        </h2>
        <AllItems projectId={projectId} prefix="items." />
      </section>
      <MeetingFormDrawer
        open={creating}
        projectId={projectId}
        onClose={() => setCreating(false)}
        onSaved={(m) => navigate(`/renewal/meetings/${m.id}`)}
      />
    </div>
  );
}
