import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { forbidden, invalid, notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import type { ProjectRow } from '../project.repo.ts';
import { projectInScope, type RenewalScope } from '../renewal.scope.ts';
import { findInspection, type InspectionRow } from './inspection.repo.ts';
import { INSPECT, OVERSIGHT_READ, oversightScope } from './oversight.scope.ts';
import { byRegion, projectNamedIn, READERS, refusal } from './project-access.policy.ts';
import { findOrganisations, findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this inspection visit? Read: whoever sees its project.
 * Record a visit or add findings (renewal.inspect): staff in the project's region, on behalf
 * of any inspection firm; an inspector partner only on projects whose inspector is their
 * organisation, and only as that organisation.
 */

export const inspectionNotFound = (id: string) =>
  notFound({ zh: `安全巡查记录 ${id}`, en: `Safety inspection ${id}` }, 'RENEWAL_INSPECTION_NOT_FOUND');

const INSPECTORS = ['inspector_id'] as const;

/** Is the caller this project's inspector (a partner of the firm engaged on it)? */
const isProjectInspector = (scope: RenewalScope, project: ProjectRow) =>
  projectInScope(scope, project, INSPECTORS);

/** The project and inspecting firm of a new visit, if the caller may record it. */
export async function projectForInspection(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  inspectorOrganisationId: string | undefined,
): Promise<{ project: ProjectRow; inspectorOrganisationId: string }> {
  const { project, scope } = await projectNamedIn(s, ctx, 'projectId', projectId, INSPECT, INSPECTORS);
  const staff = byRegion(scope, project);
  const orgId = inspectorOrganisationId ?? project.inspector_id;
  if (orgId === null) {
    throw invalid('inspectorOrganisationId', {
      zh: '该项目未登记第三方巡查单位，请选择本次巡查的单位',
      en: 'The project has no inspection firm registered; choose the firm that made this visit',
    });
  }
  // a partner records only as the firm engaged on the project
  if (!staff && orgId !== project.inspector_id) throw forbidden('RENEWAL_NOT_THE_INSPECTOR');
  const [org] = await findOrganisations(s.db, [orgId]);
  if (org?.kind !== 'inspector' || org.status !== 'active') {
    throw invalid('inspectorOrganisationId', {
      zh: '巡查单位须为已登记且正常状态的“安全巡查”类组织，请重新选择',
      en: 'The inspection firm must be a registered, active organisation of kind "inspector"; choose another',
    });
  }
  return { project, inspectorOrganisationId: orgId };
}

export interface InspectionAccess {
  inspection: InspectionRow;
  project: ProjectRow;
  scope: RenewalScope;
}

/** The visit, if the caller sees its project; 404 otherwise. */
export async function inspectionToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<InspectionAccess> {
  const scope = await oversightScope(s, ctx, OVERSIGHT_READ);
  const inspection = await findInspection(s.db, id);
  if (!inspection) throw inspectionNotFound(id);
  const [project] = await findProjects(s.db, [inspection.project_id]);
  if (!project || !projectInScope(scope, project, READERS)) throw inspectionNotFound(id);
  return { inspection, project, scope };
}

/** The visit, if the caller may add findings to it: staff in the region, or its own firm still engaged. */
export async function inspectionToChange(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<InspectionAccess> {
  const { inspection, project } = await inspectionToRead(s, ctx, id);
  const scope = await oversightScope(s, ctx, INSPECT);
  const ownFirm =
    isProjectInspector(scope, project) && scope.organisations.includes(inspection.inspector_organisation_id);
  if (!byRegion(scope, project) && !ownFirm) throw await refusal(s, ctx, project);
  return { inspection, project, scope };
}
