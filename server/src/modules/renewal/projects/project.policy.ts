import {
  type Actor,
  actorOf,
  definePolicy,
  forbidden,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import {
  type ProjectParties,
  projectInScope,
  RENEWAL_READ,
  RENEWAL_REPORT,
  RENEWAL_WRITE,
  REPORTING_PARTIES,
  type RenewalScope,
  reaches,
} from '../shared/renewal.scope.ts';
import { findProjectRow, type ProjectRow } from './project.repo.ts';

/**
 * What a caller may do with a renewal project, declared once:
 * - read: staff and leaders in the project's region, partners taking part in it (any party);
 * - update (register, calendar, task forces, tasks, links, issues): staff in the region;
 * - report (file and amend daily reports): staff in the region, partners that are its
 *   contractor or agent builder.
 * A project the caller may not see is missing (404); one they see but may not change is forbidden
 * (403). Tasks, links, daily reports and issues follow their project (task.policy.ts …).
 */

export const projectNotFound = (id: string) =>
  notFound({ zh: `城市更新项目 ${id}`, en: `Renewal project ${id}` }, 'RENEWAL_PROJECT_NOT_FOUND');

/** A project as its policy reads it: its region and parties. */
export type ProjectRecord = ProjectParties & { id: string };

export const projectPolicy = definePolicy({
  notFound: (p: ProjectRecord) => projectNotFound(p.id),
  denied: 'RENEWAL_PROJECT_READ_ONLY',
  read: (a, p) => reaches(a, RENEWAL_READ, p),
  actions: {
    update: (a, p) => reaches(a, RENEWAL_WRITE, p, []),
    report: (a, p) => reaches(a, RENEWAL_REPORT, p, REPORTING_PARTIES),
  },
});

export const ProjectCan = projectPolicy.canSchema('ProjectCan');

/** A record that follows its project's policy (task, link, report, issue): its id and its project. */
export interface ProjectPartRecord {
  id: string;
  project: ProjectRecord;
}

export interface ProjectAccess {
  project: ProjectRow;
  actor: Actor;
  /** The caller's scope through the permission the action needs (read, write or report). */
  scope: RenewalScope;
}

const PERMISSION = { read: RENEWAL_READ, update: RENEWAL_WRITE, report: RENEWAL_REPORT } as const;

/** The project, if the caller may do `action` to it: 404 if they cannot see it, 403 if they may not. */
export async function projectFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: keyof typeof PERMISSION,
): Promise<ProjectAccess> {
  const actor = await actorOf(s, ctx);
  const project = await findProjectRow(s.db, id);
  if (!project) throw projectNotFound(id);
  projectPolicy.authorize(actor, action, project);
  return { project, actor, scope: actor.scope(PERMISSION[action])! };
}

/** The project, if the caller may read it; 404 otherwise. */
export const projectForRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  projectFor(s, ctx, id, 'read');

/** The project, if the caller may change it (register, tasks, links, issues). */
export const projectForWrite = (s: PlatformServices, ctx: RequestContext, id: string) =>
  projectFor(s, ctx, id, 'update');

/** The project, if the caller may file or amend its daily reports. */
export const projectForReport = (s: PlatformServices, ctx: RequestContext, id: string) =>
  projectFor(s, ctx, id, 'report');

/** May the caller register (or move) a project in this region? 403 if not. */
export function ensureMayPlaceIn(scope: RenewalScope, regionCode: string): void {
  const probe = {
    region_code: regionCode,
    agent_builder_id: null,
    contractor_id: null,
    supervisor_id: null,
    inspector_id: null,
  };
  if (!projectInScope(scope, probe, [])) throw forbidden('RENEWAL_REGION_OUT_OF_SCOPE');
}
