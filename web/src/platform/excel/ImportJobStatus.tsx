import type { QueryKey } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useT } from '../i18n/i18n.tsx';
import { isFinished, useImportDialogOpen } from './excel.api.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { useImportJob } from './use-import-job.ts';

/**
 * The user's import into this list, on the page itself: it comes back after a reload (the job id is
 * in localStorage) and stays until the user dismisses the finished result. `target` and `invalidate`
 * as for useImportJob.
 */
export function ImportJobStatus({
  target,
  invalidate,
}: {
  target: string;
  invalidate?: readonly QueryKey[];
}) {
  const t = useT();
  const { job, set } = useImportJob(target, invalidate);
  const dialogOpen = useImportDialogOpen(target);
  if (!job || dialogOpen) return null;
  return (
    <Card
      size="small"
      className="gf-block"
      title={<h2 className="gf-card-title">{t('excel.progress')}</h2>}
      extra={
        isFinished(job) ? (
          <Button size="small" onClick={() => set(null)}>
            {t('excel.dismiss')}
          </Button>
        ) : null
      }
    >
      <ImportProgress job={job} />
    </Card>
  );
}
