import {
  type Actor,
  actorOf,
  definePolicy,
  forbidden,
  invalid,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import type { ProjectRow } from '../projects/project.repo.ts';
import { findInspection, type InspectionRow } from './inspection.repo.ts';
import { INSPECT } from './oversight.scope.ts';
import { byRegion, oversightProjectPolicy, projectNamedIn } from './project-access.policy.ts';
import { findOrganisations, findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this inspection visit? Read: whoever sees its project.
 * Record a visit or add findings (renewal.inspect): staff in the project's region, on behalf
 * of any inspection firm; an inspector partner only on projects whose inspector is their
 * organisation, only as that organisation, and only to visits their firm made.
 */

export const inspectionNotFound = (id: string) =>
  notFound({ zh: `安全巡查记录 ${id}`, en: `Safety inspection ${id}` }, 'RENEWAL_INSPECTION_NOT_FOUND');

/** A visit as its policy reads it: the firm that made it, and its project. */
export interface InspectionRecord {
  id: string;
  inspector_organisation_id: string;
  project: ProjectRow;
}

/** Is the caller (a partner of) the firm that made the visit, still the project's inspector? */
const ownFirm = (a: Actor, r: InspectionRecord) =>
  a.partnerFor(INSPECT, [r.project.inspector_id]) !== null &&
  a.partnerFor(INSPECT, [r.inspector_organisation_id]) !== null;

export const inspectionPolicy = definePolicy({
  notFound: (r: InspectionRecord) => inspectionNotFound(r.id),
  denied: 'RENEWAL_OVERSIGHT_NOT_YOURS',
  read: (a, r) => oversightProjectPolicy.sees(a, r.project),
  // `update`: add findings to the visit (nothing else of a recorded visit changes)
  actions: { update: (a, r) => byRegion(a, INSPECT, r.project) || ownFirm(a, r) },
});

export const InspectionCan = inspectionPolicy.canSchema('InspectionCan');

/** The project and inspecting firm of a new visit, if the caller may record it. */
export async function projectForInspection(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  inspectorOrganisationId: string | undefined,
): Promise<{ project: ProjectRow; inspectorOrganisationId: string }> {
  const { project, actor } = await projectNamedIn(s, ctx, 'projectId', projectId, 'inspect');
  const staff = byRegion(actor, INSPECT, project);
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
  can: Record<'update', boolean>;
}

async function inspectionFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: 'read' | 'update',
): Promise<InspectionAccess> {
  const [actor, inspection] = await Promise.all([actorOf(s, ctx), findInspection(s.db, id)]);
  if (!inspection) throw inspectionNotFound(id);
  const [project] = await findProjects(s.db, [inspection.project_id]);
  if (!project) throw inspectionNotFound(id);
  const record = { id, inspector_organisation_id: inspection.inspector_organisation_id, project };
  inspectionPolicy.authorize(actor, action, record);
  return { inspection, project, can: inspectionPolicy.can(actor, record) };
}

/** The visit, if the caller sees its project; 404 otherwise. */
export const inspectionToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  inspectionFor(s, ctx, id, 'read');

/** The visit, if the caller may add findings to it: 404 if unseen, 403 if they may not. */
export const inspectionToChange = (s: PlatformServices, ctx: RequestContext, id: string) =>
  inspectionFor(s, ctx, id, 'update');
