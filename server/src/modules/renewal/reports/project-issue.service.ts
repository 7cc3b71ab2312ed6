import {
  actorOf,
  addDays,
  checkDate,
  conflict,
  invalid,
  notFound,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../platform/kit/index.ts';
import { checkActiveOrganisation } from '../projects/project.rules.ts';
import type { Severity } from '../shared/renewal.tables.ts';
import { reportForTrack } from './daily-report.policy.ts';
import { issueForRead, issueForWrite, issuePolicy } from './project-issue.policy.ts';
import { findIssue, type IssueRow, insertIssue, isProblemTaken, patchIssue } from './project-issue.repo.ts';
import type { IssueFromProblemInput, UpdateIssueInput } from './project-issue.schemas.ts';

/** Use cases of project issues: a problem in a daily report becomes a tracked issue, resolved with a resolution. */

/** Days to resolve, by severity, when no due date is given. */
export const DUE_DAYS: Record<Severity, number> = { critical: 1, major: 3, minor: 7 };

const OWNER = { zh: '责任单位', en: 'owner organisation' };

const snapshot = (i: IssueRow) => ({
  title: i.title,
  severity: i.severity,
  ownerOrganisationId: i.owner_org_id,
  dueDate: i.due_date,
  status: i.status,
  resolution: i.resolution,
});

const problemTaken = (n: number) =>
  conflict(
    'n',
    {
      zh: `第 ${n} 个问题已转为跟踪事项，请在问题跟踪中查看`,
      en: `Problem ${n} is tracked as an issue already; see the issue list`,
    },
    'RENEWAL_PROBLEM_TRACKED',
  );

export async function raiseIssueFromProblem(
  s: PlatformServices,
  ctx: RequestContext,
  reportId: string,
  n: number,
  input: IssueFromProblemInput,
) {
  const { report, project } = await reportForTrack(s, ctx, reportId);
  const problem = report.problems[n - 1];
  if (!problem) {
    throw notFound({
      zh: `日报 ${report.report_date} 的第 ${n} 个问题`,
      en: `Problem ${n} of the ${report.report_date} report`,
    });
  }
  const owner = input.ownerOrganisationId === undefined ? project.contractor_id : input.ownerOrganisationId;
  await checkActiveOrganisation(s.db, owner, 'ownerOrganisationId', OWNER);
  const due = input.dueDate
    ? checkDate('dueDate', input.dueDate)
    : addDays(todayOf(s), DUE_DAYS[problem.severity]);
  try {
    return await s.write(ctx, async (tx, audit) => {
      const row = await insertIssue(tx, {
        project_id: project.id,
        report_id: report.id,
        problem_no: n,
        title: (input.title ?? problem.text).trim().slice(0, 100),
        severity: problem.severity,
        owner_org_id: owner,
        due_date: due,
        created_by: ctx.principal?.userId ?? null,
        created_at: s.clock.now(),
        updated_at: s.clock.now(),
      });
      await audit({
        action: 'renewal.issue.raise',
        entityType: 'renewal_issue',
        entityId: row.id,
        after: { projectId: project.id, reportId: report.id, problemNo: n, ...snapshot(row) },
      });
      return row;
    });
  } catch (e) {
    if (isProblemTaken(e)) throw problemTaken(n);
    throw e;
  }
}

export async function updateIssue(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdateIssueInput,
) {
  const { issue: before } = await issueForWrite(s, ctx, id);
  await checkActiveOrganisation(s.db, input.ownerOrganisationId, 'ownerOrganisationId', OWNER);
  if (input.dueDate) checkDate('dueDate', input.dueDate);
  const status = input.status ?? before.status;
  const resolution = input.resolution === undefined ? before.resolution : input.resolution?.trim() || null;
  if (status === 'resolved' && !resolution) {
    throw invalid('resolution', {
      zh: '请填写处理结果后再标记为已解决',
      en: 'Describe the resolution before marking the issue resolved',
    });
  }
  const now = s.clock.now();
  const statusChanged = status !== before.status;
  return s.write(ctx, async (tx, audit) => {
    const row = await patchIssue(tx, id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.ownerOrganisationId !== undefined ? { owner_org_id: input.ownerOrganisationId } : {}),
      ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
      status,
      resolution,
      ...(statusChanged
        ? status === 'resolved'
          ? { resolved_at: now, resolved_by: ctx.principal?.userId ?? null }
          : { resolved_at: null, resolved_by: null }
        : {}),
      updated_at: now,
    });
    await audit({
      action: statusChanged
        ? status === 'resolved'
          ? 'renewal.issue.resolve'
          : 'renewal.issue.reopen'
        : 'renewal.issue.update',
      entityType: 'renewal_issue',
      entityId: id,
      before: snapshot(before),
      after: snapshot(row),
    });
    return row;
  });
}

/** The issue with what the caller may do with it. */
export async function getIssue(s: PlatformServices, ctx: RequestContext, id: string) {
  const { issue, can } = await issueForRead(s, ctx, id);
  return { ...issue, can };
}

/** Reloads an issue with its names, after a write the caller may see. */
export async function loadIssue(s: PlatformServices, ctx: RequestContext, id: string) {
  const [issue, actor] = await Promise.all([findIssue(s.db, id), actorOf(s, ctx)]);
  return { ...issue!, can: issuePolicy.can(actor, issue!) };
}
