import type { RequestContext } from '../audit/audit.service.ts';
import type { Lang } from '../http/errors.ts';
import { notFound, unauthenticated } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { type JobRow, loadErrorReport } from './job.repo.ts';
import type { JobViewT } from './job.schemas.ts';
import type { JobQueue } from './job-runner.ts';

/** Jobs are private to the user who started them: anyone else is told they do not exist. */

export function presentJob(j: JobRow, lang: Lang): JobViewT {
  return {
    id: j.id,
    kind: 'import',
    target: j.target,
    status: j.status,
    mode: j.mode,
    params: j.params ? { ...j.params } : null,
    fileName: j.file_name,
    progress: { phase: j.progress.phase, done: j.progress.done, total: j.progress.total },
    result: j.result
      ? {
          total: j.result.total,
          imported: j.result.imported,
          updated: j.result.updated ?? 0,
          skipped: j.result.skipped ?? 0,
          failed: j.result.failed,
          hasErrorReport: j.has_error_report,
        }
      : null,
    error: j.error ? { code: j.error.code, message: lang === 'en' ? j.error.en : j.error.zh } : null,
    createdAt: j.created_at.toISOString(),
    finishedAt: j.finished_at ? j.finished_at.toISOString() : null,
  };
}

const jobNotFound = () => notFound({ zh: '该任务', en: 'This job' }, 'JOB_NOT_FOUND');

function ownerOf(ctx: RequestContext): string {
  if (!ctx.principal) throw unauthenticated();
  return ctx.principal.userId;
}

export async function getMyJob(jobs: JobQueue, ctx: RequestContext, id: string): Promise<JobRow> {
  const owner = ownerOf(ctx);
  const job = await jobs.get(id);
  if (!job || job.owner_id !== owner) throw jobNotFound();
  return job;
}

export async function listMyJobs(jobs: JobQueue, ctx: RequestContext, limit: number): Promise<JobRow[]> {
  return jobs.listOf(ownerOf(ctx), limit);
}

/** The error report of the caller's own job; 404 when there is none (no bad rows, or purged). */
export async function getMyErrorReport(
  s: PlatformServices,
  jobs: JobQueue,
  ctx: RequestContext,
  id: string,
): Promise<{ job: JobRow; file: Buffer }> {
  const job = await getMyJob(jobs, ctx, id);
  const file = job.has_error_report ? await loadErrorReport(s.db, id) : undefined;
  if (!file)
    throw notFound({ zh: '该任务的错误报告', en: 'The error report of this job' }, 'JOB_NO_ERROR_REPORT');
  return { job, file };
}
