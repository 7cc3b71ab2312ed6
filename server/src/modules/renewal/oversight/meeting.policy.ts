import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import type { ProjectRow } from '../project.repo.ts';
import { projectInScope, type RenewalScope } from '../renewal.scope.ts';
import { findMeeting, listMeetingProjectIds, type MeetingRow } from './meeting.repo.ts';
import { MEETING_WRITE, OVERSIGHT_READ, oversightScope } from './oversight.scope.ts';
import { projectNamedIn, READERS, refusal, STAFF_ONLY } from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this supervision meeting? Read: anyone who sees at least
 * one of the projects it covers (renewal.oversight.read); they see only the action items of
 * the projects they see. Write (record, amend, add and close action items): staff holding
 * renewal.meeting.write in the region of every project it covers.
 */

export const meetingNotFound = (id: string) =>
  notFound({ zh: `督查例会 ${id}`, en: `Supervision meeting ${id}` }, 'RENEWAL_MEETING_NOT_FOUND');

async function load(
  s: PlatformServices,
  id: string,
): Promise<{ meeting: MeetingRow; projects: ProjectRow[] }> {
  const meeting = await findMeeting(s.db, id);
  if (!meeting) throw meetingNotFound(id);
  return { meeting, projects: await findProjects(s.db, await listMeetingProjectIds(s.db, id)) };
}

export interface MeetingAccess {
  meeting: MeetingRow;
  projects: ProjectRow[];
  scope: RenewalScope;
}

/** The meeting, if the caller sees one of its projects; 404 otherwise. */
export async function meetingToRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<MeetingAccess> {
  const scope = await oversightScope(s, ctx, OVERSIGHT_READ);
  const { meeting, projects } = await load(s, id);
  if (!projects.some((p) => projectInScope(scope, p, READERS))) throw meetingNotFound(id);
  return { meeting, projects, scope };
}

/** The meeting, if the caller may change it: 404 if they cannot see it, 403 if read-only. */
export async function meetingToChange(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<MeetingAccess> {
  const scope = await oversightScope(s, ctx, MEETING_WRITE);
  const { meeting, projects } = await load(s, id);
  const read = await oversightScope(s, ctx, OVERSIGHT_READ).catch(() => null);
  if (!read || !projects.some((p) => projectInScope(read, p, READERS))) throw meetingNotFound(id);
  for (const p of projects) if (!projectInScope(scope, p, STAFF_ONLY)) throw await refusal(s, ctx, p);
  return { meeting, projects, scope };
}

/** The projects a new meeting may cover: each one changeable by the caller (field `projectIds.i`). */
export async function projectsForNewMeeting(
  s: PlatformServices,
  ctx: RequestContext,
  projectIds: string[],
): Promise<ProjectRow[]> {
  const out: ProjectRow[] = [];
  for (const [i, id] of projectIds.entries()) {
    out.push((await projectNamedIn(s, ctx, `projectIds.${i}`, id, MEETING_WRITE, STAFF_ONLY)).project);
  }
  return out;
}
