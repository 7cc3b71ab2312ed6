import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Progress } from 'antd';
import { useT } from '../i18n/i18n.tsx';
import { errorReportUrl, type Job } from './excel.api.ts';

/** Progress of an import job, then its result and the error report link. */
export function ImportProgress({ job }: { job: Job }) {
  const t = useT();
  const { done, total, phase } = job.progress;
  const percent =
    job.status === 'succeeded' ? 100 : total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const text =
    job.status === 'queued'
      ? t('excel.phaseQueued')
      : phase === 'validating'
        ? t('excel.phaseValidating', { done, total })
        : phase === 'writing'
          ? t('excel.phaseWriting', { done, total })
          : t('excel.phaseDone');
  const r = job.result;
  return (
    <div className="gf-import-progress">
      <p className="gf-muted gf-small">{t('excel.fileName', { name: job.fileName })}</p>
      <Progress
        percent={percent}
        status={job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'}
        aria-label={t('excel.progress')}
      />
      <p aria-live="polite" className="gf-small">
        {job.status === 'queued' || job.status === 'running' ? text : null}
      </p>
      {job.status === 'succeeded' && r ? (
        <Alert
          type={r.failed > 0 ? 'warning' : 'success'}
          showIcon
          role="status"
          title={t('excel.succeeded', { total: r.total, imported: r.imported, failed: r.failed })}
          description={
            r.updated > 0 || r.skipped > 0
              ? t('excel.matched', { updated: r.updated, skipped: r.skipped })
              : undefined
          }
        />
      ) : null}
      {job.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t('excel.failed')}
          description={
            <>
              {r && r.failed > 0 ? (
                <div>{t('excel.failedRows', { total: r.total, failed: r.failed })}</div>
              ) : null}
              {job.error ? <div>{job.error.message}</div> : null}
            </>
          }
        />
      ) : null}
      {r?.hasErrorReport ? (
        <p className="gf-import-report">
          <a href={errorReportUrl(job.id)} download>
            <DownloadOutlined aria-hidden /> {t('excel.errorReport')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
