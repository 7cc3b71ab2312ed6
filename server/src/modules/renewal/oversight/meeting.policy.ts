import {
  type Actor,
  actorOf,
  definePolicy,
  notFound,
  type PlatformServices,
  type RequestContext,
} from '../../../platform/kit/index.ts';
import type { ProjectRow } from '../projects/project.repo.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { findMeeting, listMeetingProjectIds, type MeetingRow } from './meeting.repo.ts';
import { OVERSIGHT_READ } from './oversight.scope.ts';
import { oversightProjectPolicy, projectNamedIn } from './project-access.policy.ts';
import { findProjects } from './project-access.repo.ts';

/**
 * May this principal do this to this supervision meeting? Read: anyone who sees at least one of
 * the projects it covers; they see only those projects and their action items. Update (amend it,
 * add action items): staff holding renewal.meeting.write in the region of every project it
 * covers — a meeting the caller sees but covers a project they may not change is forbidden (403).
 */

export const meetingNotFound = (id: string) =>
  notFound({ zh: `督查例会 ${id}`, en: `Supervision meeting ${id}` }, 'RENEWAL_MEETING_NOT_FOUND');

/** A meeting as its policy reads it: its id and the projects it covers. */
export interface MeetingRecord {
  id: string;
  projects: ProjectRow[];
}

export const meetingPolicy = definePolicy({
  notFound: (m: MeetingRecord) => meetingNotFound(m.id),
  denied: 'RENEWAL_OVERSIGHT_NOT_YOURS',
  read: (a, m) => m.projects.some((p) => oversightProjectPolicy.sees(a, p)),
  actions: {
    update: (a, m) =>
      m.projects.length > 0 && m.projects.every((p) => oversightProjectPolicy.allows(a, 'meet', p)),
  },
});

export const MeetingCan = meetingPolicy.canSchema('MeetingCan');

export interface MeetingAccess {
  meeting: MeetingRow;
  projects: ProjectRow[];
  actor: Actor;
  /** The caller's scope through renewal.oversight.read. */
  scope: RenewalScope;
  can: Record<'update', boolean>;
}

async function meetingFor(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  action: 'read' | 'update',
): Promise<MeetingAccess> {
  const [actor, meeting] = await Promise.all([actorOf(s, ctx), findMeeting(s.db, id)]);
  if (!meeting) throw meetingNotFound(id);
  const projects = await findProjects(s.db, await listMeetingProjectIds(s.db, id));
  const record = { id, projects };
  meetingPolicy.authorize(actor, action, record);
  return {
    meeting,
    projects,
    actor,
    scope: actor.scope(OVERSIGHT_READ)!,
    can: meetingPolicy.can(actor, record),
  };
}

/** The meeting, if the caller sees one of its projects; 404 otherwise. */
export const meetingToRead = (s: PlatformServices, ctx: RequestContext, id: string) =>
  meetingFor(s, ctx, id, 'read');

/** The meeting, if the caller may change it: 404 if they cannot see it, 403 if read-only. */
export const meetingToChange = (s: PlatformServices, ctx: RequestContext, id: string) =>
  meetingFor(s, ctx, id, 'update');

/** The projects a new meeting may cover: each one changeable by the caller (field `projectIds.i`). */
export async function projectsForNewMeeting(
  s: PlatformServices,
  ctx: RequestContext,
  projectIds: string[],
): Promise<ProjectRow[]> {
  const out: ProjectRow[] = [];
  for (const [i, id] of projectIds.entries()) {
    out.push((await projectNamedIn(s, ctx, `projectIds.${i}`, id, 'meet')).project);
  }
  return out;
}
