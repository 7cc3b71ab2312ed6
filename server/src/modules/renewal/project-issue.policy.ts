import type { RequestContext } from '../../platform/audit/audit.service.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { PlatformServices } from '../../platform/module/app-types.ts';
import { type ProjectAccess, projectForRead, projectForWrite } from './project.policy.ts';
import { findIssue, type IssueListRow } from './project-issue.repo.ts';

/** Issues follow their project: read with it, raised and updated with `renewal.write` on it. */

export const issueNotFound = (id: string) =>
  notFound({ zh: `跟踪事项 ${id}`, en: `Issue ${id}` }, 'RENEWAL_ISSUE_NOT_FOUND');

async function issueWith(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  projectAccess: typeof projectForRead,
): Promise<ProjectAccess & { issue: IssueListRow }> {
  const issue = await findIssue(s.db, id);
  if (!issue) throw issueNotFound(id);
  const access = await projectAccess(s, ctx, issue.project_id).catch((e: unknown) => {
    throw e instanceof AppError && e.kind === 'not_found' ? issueNotFound(id) : e;
  });
  return { ...access, issue };
}

export const issueForRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  issueWith(s, ctx, id, projectForRead);

export const issueForWrite = (s: PlatformServices, ctx: RequestContext, id: string) =>
  issueWith(s, ctx, id, projectForWrite);
