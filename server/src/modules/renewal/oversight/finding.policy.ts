import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import type { ProjectRow } from '../project.repo.ts';
import { projectInScope, type RenewalScope } from '../renewal.scope.ts';
import { type FindingRow, findFinding } from './finding.repo.ts';
import {
  INSPECT,
  OVERSIGHT_READ,
  type OversightPermission,
  oversightScope,
  RECTIFY,
} from './oversight.scope.ts';
import { byRegion, READERS, refusal } from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this finding? Read: whoever sees its project. Reply with
 * evidence (renewal.rectify): staff in the region, or a partner whose organisation is the
 * project's contractor. Re-inspect and close (renewal.inspect): staff in the region, or a
 * partner of the firm that found it or of the project's inspector. The status machine
 * (domain/renewal/finding-status) decides what may happen next.
 */

export const findingNotFound = (id: string) =>
  notFound({ zh: `安全隐患 ${id}`, en: `Inspection finding ${id}` }, 'RENEWAL_FINDING_NOT_FOUND');

export interface FindingAccess {
  finding: FindingRow;
  project: ProjectRow;
  scope: RenewalScope;
  /** The partner organisation the caller acts for; null when acting as staff. */
  actingFor: string | null;
}

async function load(s: PlatformServices, ctx: RequestContext, id: string) {
  const read = await oversightScope(s, ctx, OVERSIGHT_READ);
  const finding = await findFinding(s.db, id);
  if (!finding) throw findingNotFound(id);
  const [project] = await findProjects(s.db, [finding.project_id]);
  if (!project || !projectInScope(read, project, READERS)) throw findingNotFound(id);
  return { finding, project, read };
}

/** The finding, if the caller sees its project; 404 otherwise. */
export async function findingToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<FindingAccess> {
  const { finding, project, read } = await load(s, ctx, id);
  return { finding, project, scope: read, actingFor: null };
}

async function findingFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  permission: OversightPermission,
  partnerOrgs: (f: FindingRow, p: ProjectRow) => Array<string | null>,
): Promise<FindingAccess> {
  const { finding, project } = await load(s, ctx, id);
  const scope = await oversightScope(s, ctx, permission);
  if (byRegion(scope, project)) return { finding, project, scope, actingFor: null };
  const org = partnerOrgs(finding, project).find((o) => o !== null && scope.organisations.includes(o));
  if (!org) throw await refusal(s, ctx, project);
  return { finding, project, scope, actingFor: org };
}

/** The finding, if the caller may reply to it as (or for) the project's contractor. */
export const findingToReply = (s: PlatformServices, ctx: RequestContext, id: string) =>
  findingFor(s, ctx, id, RECTIFY, (_f, p) => [p.contractor_id]);

/** The finding, if the caller may re-inspect or close it as (or for) the inspection firm. */
export const findingToInspect = (s: PlatformServices, ctx: RequestContext, id: string) =>
  findingFor(s, ctx, id, INSPECT, (f, p) => [f.inspector_organisation_id, p.inspector_id]);
