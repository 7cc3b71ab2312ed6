import type { RequestContext } from '../../platform/audit/audit.service.ts';
import { type AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { PlatformServices } from '../../platform/module/app-types.ts';
import { findProjectRow, type ProjectRow } from './project.repo.ts';
import {
  PARTY_COLUMNS,
  projectInScope,
  RENEWAL_READ,
  RENEWAL_REPORT,
  RENEWAL_WRITE,
  REPORTING_PARTIES,
  type RenewalScope,
  renewalScope,
} from './renewal.scope.ts';

/**
 * May this principal do this to this project? Read: staff and leaders in the project's
 * region, partners taking part in it. Write (register, tasks, links, issues): staff in the
 * region. Report (daily reports): staff in the region, partners that are its contractor or
 * agent builder. A project the caller may not see is reported as missing (404), one they
 * see but may not change as forbidden (403). Tasks, links, reports and issues follow the
 * policy of their project.
 */

export const projectNotFound = (id: string) =>
  notFound({ zh: `城市更新项目 ${id}`, en: `Renewal project ${id}` }, 'RENEWAL_PROJECT_NOT_FOUND');

export interface ProjectAccess {
  project: ProjectRow;
  scope: RenewalScope;
}

export const canSeeProject = (scope: RenewalScope, p: ProjectRow) => projectInScope(scope, p, PARTY_COLUMNS);

async function loadProject(s: PlatformServices, id: string): Promise<ProjectRow> {
  const project = await findProjectRow(s.db, id);
  if (!project) throw projectNotFound(id);
  return project;
}

/** The project, if the caller may read it; 404 otherwise. */
export async function projectForRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<ProjectAccess> {
  const scope = await renewalScope(s, ctx, RENEWAL_READ);
  const project = await loadProject(s, id);
  if (!canSeeProject(scope, project)) throw projectNotFound(id);
  return { project, scope };
}

async function refuse(s: PlatformServices, ctx: RequestContext, project: ProjectRow): Promise<AppError> {
  const read = await renewalScope(s, ctx, RENEWAL_READ).catch(() => null);
  return read && canSeeProject(read, project)
    ? forbidden('RENEWAL_PROJECT_READ_ONLY')
    : projectNotFound(project.id);
}

/** The project, if the caller may change it (register, tasks, links, issues). */
export async function projectForWrite(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<ProjectAccess> {
  const scope = await renewalScope(s, ctx, RENEWAL_WRITE);
  const project = await loadProject(s, id);
  if (!projectInScope(scope, project, [])) throw await refuse(s, ctx, project);
  return { project, scope };
}

/** The project, if the caller may file or amend its daily reports. */
export async function projectForReport(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<ProjectAccess> {
  const scope = await renewalScope(s, ctx, RENEWAL_REPORT);
  const project = await loadProject(s, id);
  if (!projectInScope(scope, project, REPORTING_PARTIES)) throw await refuse(s, ctx, project);
  return { project, scope };
}

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
