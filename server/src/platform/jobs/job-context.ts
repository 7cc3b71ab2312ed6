import type { RequestContext } from '../audit/audit.service.ts';
import { findUserById, loadGrants } from '../auth/user.repo.ts';
import type { PlatformServices } from '../module/app-types.ts';
import type { JobRow } from './job.repo.ts';
import { JobFailure, jobError } from './job-runner.ts';

/**
 * The request context a job runs in: its owner as they are now (grants changed or account
 * disabled since the upload take effect), with the upload's request id, address and language,
 * so the same policies and the same audit trail apply as to a request.
 */
export async function jobContext(s: PlatformServices, job: JobRow): Promise<RequestContext> {
  const user = await findUserById(s.db, job.owner_id);
  if (user?.status !== 'active') {
    throw new JobFailure(
      jobError('JOB_OWNER_INACTIVE', {
        zh: '提交该任务的账号已停用，任务未执行',
        en: 'The account that submitted this job is disabled; the job was not run',
      }),
    );
  }
  const grants = await loadGrants(s.db, user.id);
  return {
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      sessionId: `job:${job.id}`,
      grants,
      permissions: s.access.permissionsOf(grants),
    },
    requestId: job.request_id ?? `job:${job.id}`,
    ip: job.ip,
    lang: job.lang,
  };
}
