import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../../platform/auth/auth.tsx';
import { useRT } from '../../i18n/rt.ts';
import { FindingsTable } from './FindingsTable.tsx';
import { InspectionFormDrawer } from './InspectionFormDrawer.tsx';
import { InspectionsTable } from './InspectionsTable.tsx';

/** 巡查: the project's inspection visits and findings. */
export default function InspectionsTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const can = useCan();
  const _qc = useQueryClient();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <div className="rn-stack">
      <section aria-labelledby="rn-visits">
        <div className="gf-page-header">
          <h2 id="rn-visits" className="gf-section-title">
            {rt('inspection.tabVisits')}
          </h2>
          {can('renewal.inspect') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {rt('inspection.create')}
            </Button>
          ) : null}
        </div>
        <InspectionsTable projectId={projectId} showProject={false} prefix="visits." />
      </section>
      <section aria-labelledby="rn-findings">
        <h2 id="rn-findings" className="gf-section-title">
          {rt('inspection.tabFindings')}
        </h2>
        <FindingsTable query={{ projectId }} showProject={false} prefix="findings." />
      </section>
      <InspectionFormDrawer
        open={creating}
        projectId={projectId}
        onClose={() => setCreating(false)}
        onSaved={(i) => navigate(`/renewal/inspections/${i.id}`)}
      />
    </div>
  );
}
