import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect } from 'react';
import { setImportDialogOpen, useImportDialogOpen } from '../../../platform/excel/excel.api.ts';
import { ImportJobStatus } from '../../../platform/excel/ImportJobStatus.tsx';
import { ImportModal } from '../../../platform/excel/ImportModal.tsx';
import { useImportJob } from '../../../platform/excel/use-import-job.ts';
import { rk } from '../api.ts';
import { useRT } from '../i18n/rt.ts';

/* One import per user and project (the job's target is 'renewal-tasks', its params.id the project). */
const importKey = (projectId: string) => `renewal-tasks:${projectId}`;
const base = (projectId: string) => `/api/renewal/projects/${encodeURIComponent(projectId)}/tasks`;
/** What shows the imported tasks: refreshed when the import has written them. */
const refreshed = (projectId: string) => [rk.tasks(projectId), rk.links(projectId), rk.schedule(projectId)];

/** "导入任务" and its dialog (all or nothing: the rows refer to each other). For renewal.write. */
export function TaskImportButton({ projectId }: { projectId: string }) {
  const rt = useRT();
  const key = importKey(projectId);
  const open = useImportDialogOpen(key);
  const importJob = useImportJob(key, refreshed(projectId));
  // Leaving the page with the dialog open must not leave it marked open.
  useEffect(() => () => setImportDialogOpen(key, false), [key]);
  return (
    <>
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImportDialogOpen(key, true)}>
        {rt('task.import')}
      </Button>
      <ImportModal
        importUrl={`${base(projectId)}/import`}
        templateUrl={`${base(projectId)}/import-template.xlsx`}
        title={rt('task.importTitle')}
        hideMode
        open={open}
        onClose={() => setImportDialogOpen(key, false)}
        importJob={importJob}
      />
    </>
  );
}

/** The user's task import into this project, on the tab itself (it comes back after a reload). */
export function TaskImportStatus({ projectId }: { projectId: string }) {
  return <ImportJobStatus target={importKey(projectId)} invalidate={refreshed(projectId)} />;
}
