import {
  allowedFindingActions,
  FINDING_ACTION_LABELS,
  FINDING_STATUS_LABELS,
  FINDING_STATUSES,
} from '@gongfu/domain/renewal/finding-status';
import {
  DEFAULT_RECTIFICATION_TABLE,
  HAZARD_CATEGORIES,
  HAZARD_CATEGORY_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
} from '@gongfu/domain/renewal/rectification';
import { type Static, Type } from 'typebox';
import {
  daysBetween,
  type FileView,
  type GongfuApp,
  IdParams,
  type Lang,
  orgRef,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../platform/kit/index.ts';
import { findingList } from './finding.list.ts';
import type { FindingEventRow, FindingRow } from './finding.repo.ts';
import {
  CloseFindingBody,
  ContractorStatsView,
  FindingDetail,
  type FindingView,
  InspectionOptionsView,
  OverdueFindingGroup,
  OverdueFindingsQuery,
  ProjectStatsView,
  ReinspectBody,
  ReplyBody,
  StatsQuery,
} from './finding.schemas.ts';
import {
  closeFinding,
  getFinding,
  listOverdueFindingGroups,
  reinspectFinding,
  replyToFinding,
} from './finding.service.ts';
import { contractorFindingStats, projectFindingStats } from './finding-stats.service.ts';
import { labelIn } from './oversight.rules.ts';
import { INSPECT, OVERSIGHT_READ, RECTIFY } from './oversight.scope.ts';

const tags = ['renewal-oversight'];

export function presentFinding(f: FindingRow, lang: Lang, today: string): Static<typeof FindingView> {
  const overdue = f.status !== 'closed' && f.deadline < today;
  return {
    id: f.id,
    inspectionId: f.inspection_id,
    seq: f.seq,
    projectId: f.project_id,
    projectName: f.project_name,
    contractor: orgRef(f.contractor_id, f.contractor_name),
    inspectorOrganisation: { id: f.inspector_organisation_id, name: f.inspector_organisation_name },
    category: f.category,
    categoryName: labelIn(HAZARD_CATEGORY_LABELS[f.category], lang),
    severity: f.severity,
    severityName: labelIn(SEVERITY_LABELS[f.severity], lang),
    location: f.location,
    description: f.description,
    photos: f.photos,
    foundOn: f.found_on,
    deadline: f.deadline,
    stopWork: f.stop_work,
    rounds: f.rounds,
    status: f.status,
    statusName: labelIn(FINDING_STATUS_LABELS[f.status], lang),
    overdue,
    daysOverdue: overdue ? daysBetween(f.deadline, today) : 0,
    closedOn: f.closed_on,
    allowedActions: allowedFindingActions(f.status),
    createdAt: f.created_at.toISOString(),
    updatedAt: f.updated_at.toISOString(),
  };
}

const presentEvent = (e: FindingEventRow, files: FileView[], lang: Lang) => ({
  id: e.id,
  action: e.action,
  actionName: labelIn(FINDING_ACTION_LABELS[e.action], lang),
  actedOn: e.acted_on,
  note: e.note,
  photos: e.photos,
  files,
  newDeadline: e.new_deadline,
  organisation: orgRef(e.organisation_id, e.organisation_name),
  actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
  createdAt: e.created_at.toISOString(),
});

const detail = (d: Awaited<ReturnType<typeof getFinding>>, lang: Lang, today: string) => ({
  finding: presentFinding(d.finding, lang, today),
  files: d.files,
  history: d.history.map((e) => presentEvent(e, d.evidence.get(e.id) ?? [], lang)),
  can: d.can,
});

export function findingRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    '/api/renewal/inspection-options',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '巡查选项 Hazard categories, severities with their rectification days, finding statuses',
        response: { 200: InspectionOptionsView },
      },
    },
    async (req) => ({
      categories: HAZARD_CATEGORIES.map((code) => ({
        code,
        name: labelIn(HAZARD_CATEGORY_LABELS[code], req.ctx.lang),
      })),
      severities: SEVERITIES.map((code) => ({
        code,
        name: labelIn(SEVERITY_LABELS[code], req.ctx.lang),
        days: DEFAULT_RECTIFICATION_TABLE[code].days,
        stopWork: DEFAULT_RECTIFICATION_TABLE[code].stopWork,
      })),
      statuses: FINDING_STATUSES.map((code) => ({
        code,
        name: labelIn(FINDING_STATUS_LABELS[code], req.ctx.lang),
      })),
    }),
  );

  findingList.route(app, s);

  app.get(
    '/api/renewal/findings/overdue',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '逾期隐患预警 Overdue findings (past deadline, not closed), per project',
        querystring: OverdueFindingsQuery,
        response: { 200: Type.Array(OverdueFindingGroup) },
      },
    },
    async (req) => {
      const today = todayOf(s);
      return (await listOverdueFindingGroups(s, req.ctx, req.query.projectId)).map((g) => ({
        projectId: g.first.project_id,
        projectName: g.first.project_name,
        contractor: orgRef(g.first.contractor_id, g.first.contractor_name),
        overdueCount: g.findings.length,
        criticalCount: g.findings.filter((f) => f.severity === 'critical').length,
        findings: g.findings.map((f) => presentFinding(f, req.ctx.lang, today)),
      }));
    },
  );

  app.get(
    '/api/renewal/findings/stats/projects',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '隐患统计（按项目） Finding statistics per project',
        querystring: StatsQuery,
        response: { 200: ProjectStatsView },
      },
    },
    async (req) => {
      const r = await projectFindingStats(s, req.ctx, req.query);
      return {
        asOf: r.asOf,
        rows: r.rows.map(({ key, name, projectCount: _n, ...stats }) => ({
          project: { id: key ?? '', name },
          ...stats,
        })),
      };
    },
  );

  app.get(
    '/api/renewal/findings/stats/contractors',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '隐患统计（按施工单位） Finding statistics per contractor',
        querystring: StatsQuery,
        response: { 200: ContractorStatsView },
      },
    },
    async (req) => {
      const r = await contractorFindingStats(s, req.ctx, req.query);
      return {
        asOf: r.asOf,
        rows: r.rows.map(({ key, name, ...stats }) => ({
          contractor: key === null ? null : { id: key, name },
          ...stats,
        })),
      };
    },
  );

  app.get(
    '/api/renewal/findings/:id',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '安全隐患详情 One finding with its history',
        params: IdParams,
        response: { 200: FindingDetail },
      },
    },
    async (req) => detail(await getFinding(s, req.ctx, req.params.id), req.ctx.lang, todayOf(s)),
  );

  const afterStep = async (id: string, ctx: RequestContext) =>
    detail(await getFinding(s, ctx, id), ctx.lang, todayOf(s));

  app.post(
    '/api/renewal/findings/:id/reply',
    {
      config: { access: { permission: RECTIFY } },
      schema: {
        tags,
        summary: '整改回复 Contractor’s reply with evidence (open or failed → replied)',
        params: IdParams,
        body: ReplyBody,
        response: { 200: FindingDetail },
      },
    },
    async (req) => {
      await replyToFinding(s, req.ctx, req.params.id, req.body);
      return afterStep(req.params.id, req.ctx);
    },
  );

  app.post(
    '/api/renewal/findings/:id/reinspect',
    {
      config: { access: { permission: INSPECT } },
      schema: {
        tags,
        summary: '复查 Re-inspection: pass, or fail with a new deadline (replied → passed / failed)',
        params: IdParams,
        body: ReinspectBody,
        response: { 200: FindingDetail },
      },
    },
    async (req) => {
      await reinspectFinding(s, req.ctx, req.params.id, req.body);
      return afterStep(req.params.id, req.ctx);
    },
  );

  app.post(
    '/api/renewal/findings/:id/close',
    {
      config: { access: { permission: INSPECT } },
      schema: {
        tags,
        summary: '销号 Close a finding that passed re-inspection (passed → closed)',
        params: IdParams,
        body: CloseFindingBody,
        response: { 200: FindingDetail },
      },
    },
    async (req) => {
      await closeFinding(s, req.ctx, req.params.id, req.body);
      return afterStep(req.params.id, req.ctx);
    },
  );
}
