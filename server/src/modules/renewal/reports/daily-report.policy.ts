import {
  actorOf,
  definePolicy,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import {
  type ProjectAccess,
  type ProjectPartRecord,
  projectNotFound,
  projectPolicy,
} from '../projects/project.policy.ts';
import { findProjectRow } from '../projects/project.repo.ts';
import { RENEWAL_READ, RENEWAL_REPORT, RENEWAL_WRITE } from '../shared/renewal.scope.ts';
import { findReport, type ReportRow } from './daily-report.repo.ts';

/**
 * Daily reports follow their project: whoever may read the project reads its reports;
 * `report` on the project (staff in its region, its contractor or agent builder) files and
 * amends them (`update`); `update` on the project (staff in its region) makes one of a
 * report's problems a tracked issue (`track`).
 */

export const reportNotFound = (id: string) =>
  notFound({ zh: `工程日报 ${id}`, en: `Daily report ${id}` }, 'RENEWAL_REPORT_NOT_FOUND');

export const reportPolicy = definePolicy({
  notFound: (r: ProjectPartRecord) => reportNotFound(r.id),
  denied: 'RENEWAL_PROJECT_READ_ONLY',
  read: (a, r) => projectPolicy.sees(a, r.project),
  actions: {
    update: (a, r) => projectPolicy.allows(a, 'report', r.project),
    track: (a, r) => projectPolicy.allows(a, 'update', r.project),
  },
});

export const ReportCan = reportPolicy.canSchema('ReportCan');

export type ReportAccess = ProjectAccess & { report: ReportRow; can: Record<'update' | 'track', boolean> };

const PERMISSION = { read: RENEWAL_READ, update: RENEWAL_REPORT, track: RENEWAL_WRITE } as const;

async function reportFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: 'read' | 'update' | 'track',
): Promise<ReportAccess> {
  const actor = await actorOf(s, ctx);
  const report = await findReport(s.db, id);
  if (!report) throw reportNotFound(id);
  const project = await findProjectRow(s.db, report.project_id);
  if (!project) throw projectNotFound(report.project_id);
  const record = { id, project };
  reportPolicy.authorize(actor, action, record);
  const scope = actor.scope(PERMISSION[action])!;
  return { project, actor, scope, report, can: reportPolicy.can(actor, record) };
}

/** The report, if the caller may read its project; 404 otherwise. */
export const reportForRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  reportFor(s, ctx, id, 'read');

/** The report, if the caller may amend its project's reports: 404 unseen, 403 read-only. */
export const reportForAmend = (s: PlatformServices, ctx: RequestContext, id: string) =>
  reportFor(s, ctx, id, 'update');

/** The report, if the caller may track its problems as issues: 404 unseen, 403 read-only. */
export const reportForTrack = (s: PlatformServices, ctx: RequestContext, id: string) =>
  reportFor(s, ctx, id, 'track');
