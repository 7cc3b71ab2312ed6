import {
  actorOf,
  definePolicy,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import { type ProjectRecord, projectPolicy } from '../projects/project.policy.ts';
import { findIssue, type IssueListRow } from './project-issue.repo.ts';

/** Issues follow their project: seen with it, raised and updated by whoever may update it. */

export const issueNotFound = (id: string) =>
  notFound({ zh: `跟踪事项 ${id}`, en: `Issue ${id}` }, 'RENEWAL_ISSUE_NOT_FOUND');

/** The issue's project, as the project policy reads it. */
export const issueProject = (i: IssueListRow): ProjectRecord => ({
  id: i.project_id,
  region_code: i.project_region_code,
  agent_builder_id: i.project_agent_builder_id,
  contractor_id: i.project_contractor_id,
  supervisor_id: i.project_supervisor_id,
  inspector_id: i.project_inspector_id,
});

export const issuePolicy = definePolicy({
  notFound: (i: IssueListRow) => issueNotFound(i.id),
  denied: 'RENEWAL_PROJECT_READ_ONLY',
  read: (a, i) => projectPolicy.sees(a, issueProject(i)),
  actions: { update: (a, i) => projectPolicy.allows(a, 'update', issueProject(i)) },
});

export const IssueCan = issuePolicy.canSchema('IssueCan');
export type IssueCanFlags = Record<'update', boolean>;

async function issueFor(s: PlatformServices, ctx: RequestContext, id: string, action: 'read' | 'update') {
  const actor = await actorOf(s, ctx);
  const issue = await findIssue(s.db, id);
  if (!issue) throw issueNotFound(id);
  issuePolicy.authorize(actor, action, issue);
  return { issue, actor, can: issuePolicy.can(actor, issue) };
}

export const issueForRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  issueFor(s, ctx, id, 'read');

export const issueForWrite = (s: PlatformServices, ctx: RequestContext, id: string) =>
  issueFor(s, ctx, id, 'update');
