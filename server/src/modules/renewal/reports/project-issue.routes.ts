import {
  type GongfuApp,
  type Lang,
  orgRef,
  type PlatformServices,
  say,
  todayOf,
} from '../../../platform/kit/index.ts';
import { ISSUE_STATUS_NAMES, SEVERITY_NAMES } from '../shared/renewal.labels.ts';
import { RENEWAL_READ, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import { ProblemParams } from './daily-report.schemas.ts';
import { issueList } from './project-issue.list.ts';
import type { IssueCanFlags } from './project-issue.policy.ts';
import type { IssueListRow } from './project-issue.repo.ts';
import { IssueFromProblemBody, IssueParams, IssueView, UpdateIssueBody } from './project-issue.schemas.ts';
import { getIssue, loadIssue, raiseIssueFromProblem, updateIssue } from './project-issue.service.ts';

const tags = ['renewal'];

/** An issue; `can`: what the caller may do with it. */
export const presentIssue = (i: IssueListRow, lang: Lang, today: string, can: IssueCanFlags) => ({
  id: i.id,
  projectId: i.project_id,
  projectName: i.project_name,
  reportId: i.report_id,
  reportDate: i.report_date,
  problemNo: i.problem_no,
  title: i.title,
  severity: i.severity,
  severityName: say(SEVERITY_NAMES[i.severity], lang),
  ownerOrganisation: orgRef(i.owner_org_id, i.owner_org_name),
  dueDate: i.due_date,
  status: i.status,
  statusName: say(ISSUE_STATUS_NAMES[i.status], lang),
  overdue: i.status === 'open' && i.due_date < today,
  resolution: i.resolution,
  resolvedAt: i.resolved_at?.toISOString() ?? null,
  createdAt: i.created_at.toISOString(),
  updatedAt: i.updated_at.toISOString(),
  can,
});

export function projectIssueRoutes(app: GongfuApp, s: PlatformServices) {
  app.post(
    '/api/renewal/reports/:id/problems/:n/issue',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '问题转跟踪事项 Track a problem of a daily report as an issue',
        params: ProblemParams,
        body: IssueFromProblemBody,
        response: { 201: IssueView },
      },
    },
    async (req, reply) => {
      const row = await raiseIssueFromProblem(s, req.ctx, req.params.id, req.params.n, req.body);
      const i = await loadIssue(s, req.ctx, row.id);
      return reply.code(201).send(presentIssue(i, req.ctx.lang, todayOf(s), i.can));
    },
  );

  issueList.route(app, s);

  app.get(
    '/api/renewal/issues/:id',
    {
      config: { access: { permission: RENEWAL_READ } },
      schema: { tags, summary: '跟踪事项详情 One issue', params: IssueParams, response: { 200: IssueView } },
    },
    async (req) => {
      const i = await getIssue(s, req.ctx, req.params.id);
      return presentIssue(i, req.ctx.lang, todayOf(s), i.can);
    },
  );

  app.patch(
    '/api/renewal/issues/:id',
    {
      config: { access: { permission: RENEWAL_WRITE } },
      schema: {
        tags,
        summary: '更新跟踪事项 Update, resolve (with a resolution) or reopen an issue',
        params: IssueParams,
        body: UpdateIssueBody,
        response: { 200: IssueView },
      },
    },
    async (req) => {
      await updateIssue(s, req.ctx, req.params.id, req.body);
      const i = await loadIssue(s, req.ctx, req.params.id);
      return presentIssue(i, req.ctx.lang, todayOf(s), i.can);
    },
  );
}
