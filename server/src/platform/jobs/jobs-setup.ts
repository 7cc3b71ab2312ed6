import { registerExcelRoutes } from '../excel/excel.routes.ts';
import { excelListsOf } from '../excel/excel-list.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import type { ModuleManifest } from '../module/manifest.ts';
import { importJobHandler } from './import-job.ts';
import { jobRoutes } from './job.routes.ts';
import { InProcessJobRunner, type JobQueue } from './job-runner.ts';

/**
 * Wires background jobs and Excel lists into the app: the job queue (in-process for now),
 * the Excel routes of every manifest's `excel` lists, the jobs routes; unfinished jobs are
 * resumed once the server listens, and the runner stops with the app.
 */
export async function installJobs(
  app: GongfuApp,
  s: PlatformServices,
  manifests: ModuleManifest[],
): Promise<JobQueue> {
  const lists = excelListsOf(manifests);
  const jobs = new InProcessJobRunner(
    s,
    { import: importJobHandler(s, lists) },
    { log: (message, err) => app.log.error({ err }, message) },
  );
  await registerExcelRoutes(app, s, lists, jobs);
  jobRoutes(app, s, jobs);
  app.addHook('onListen', async () => {
    const n = await jobs.resumeUnfinished();
    if (n > 0) app.log.info(`resumed ${n} unfinished background job(s)`);
  });
  app.addHook('onClose', async () => {
    await jobs.stop();
  });
  return jobs;
}
