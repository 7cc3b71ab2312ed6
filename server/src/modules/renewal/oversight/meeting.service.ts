import {
  checkDate,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
} from '../../../platform/kit/index.ts';
import { actionItemCans } from './action-item.policy.ts';
import { earliestDueOn, listMeetingActionItems } from './action-item.repo.ts';
import { insertAuditedActionItems, type NewActionItem, prepareActionItem } from './action-item.service.ts';
import { meetingToChange, meetingToRead, projectsForNewMeeting } from './meeting.policy.ts';
import {
  type AttendeeValues,
  findMeeting,
  insertMeeting,
  insertMeetingProjects,
  listAttendees,
  lockMeeting,
  patchMeeting,
  replaceAttendees,
} from './meeting.repo.ts';
import type { AttendeeInput, CreateMeetingInput, UpdateMeetingInput } from './meeting.schemas.ts';
import { oversightProjectPolicy } from './project-access.policy.ts';
import { findOrganisations } from './project-access.repo.ts';

/** Use cases of supervision meetings (督查例会): one function each, policy first, every write audited. */

/** Resolves attendees' organisations: a registered one by id, or the name as written. */
async function resolveAttendees(s: PlatformServices, list: AttendeeInput[]): Promise<AttendeeValues[]> {
  const orgs = new Map(
    (
      await findOrganisations(
        s.db,
        list.flatMap((a) => (a.organisationId ? [a.organisationId] : [])),
      )
    ).map((o) => [o.id, o]),
  );
  return list.map((a, i) => {
    const name = requiredText(`attendees.${i}.name`, a.name);
    if (a.organisationId !== undefined) {
      const org = orgs.get(a.organisationId);
      if (!org) {
        throw invalid(`attendees.${i}.organisationId`, {
          zh: '参会单位不存在，请从组织机构中选择，或直接填写单位名称',
          en: 'The attendee’s organisation does not exist; choose a registered one or type its name',
        });
      }
      return { name, organisationId: org.id, organisationName: org.name, jobTitle: optionalText(a.jobTitle) };
    }
    const organisationName = optionalText(a.organisationName);
    if (organisationName === null) {
      throw invalid(`attendees.${i}.organisationName`, {
        zh: `请填写参会人「${name}」的单位`,
        en: `Give the organisation of attendee "${name}"`,
      });
    }
    return { name, organisationId: null, organisationName, jobTitle: optionalText(a.jobTitle) };
  });
}

/** Records a meeting with its attendees, minutes and action items, in one transaction. */
export async function recordMeeting(s: PlatformServices, ctx: RequestContext, input: CreateMeetingInput) {
  const projectIds = [...new Set(input.projectIds)];
  const projects = await projectsForNewMeeting(s, ctx, projectIds);
  const title = requiredText('title', input.title);
  const heldOn = checkDate('heldOn', input.heldOn);
  const attendees = await resolveAttendees(s, input.attendees);
  const items: NewActionItem[] = [];
  for (const [i, item] of (input.actionItems ?? []).entries()) {
    items.push(await prepareActionItem(s, `actionItems.${i}`, item, projects, heldOn));
  }
  const id = await s.write(ctx, async (tx, audit) => {
    const at = s.clock.now();
    const { id } = await insertMeeting(tx, {
      title,
      heldOn,
      location: optionalText(input.location),
      minutes: input.minutes?.trim() ?? '',
      createdBy: ctx.principal?.userId ?? null,
      at,
    });
    await insertMeetingProjects(tx, id, projectIds);
    await replaceAttendees(tx, id, attendees);
    await audit({
      action: 'renewal.meeting.create',
      entityType: 'renewal_meeting',
      entityId: id,
      after: {
        title,
        heldOn,
        projectIds,
        attendees: attendees.map((a) => `${a.organisationName} ${a.name}`),
      },
    });
    await insertAuditedActionItems(tx, audit, id, items, at);
    return id;
  });
  return getMeeting(s, ctx, id);
}

/** Amends a meeting's title, date, place, minutes or attendee list. */
export async function updateMeeting(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdateMeetingInput,
) {
  await meetingToChange(s, ctx, id);
  const attendees = input.attendees ? await resolveAttendees(s, input.attendees) : undefined;
  await s.write(ctx, async (tx, audit) => {
    await lockMeeting(tx, id);
    const before = (await findMeeting(tx, id))!;
    const next = {
      title: input.title === undefined ? before.title : requiredText('title', input.title),
      heldOn: input.heldOn === undefined ? before.held_on : checkDate('heldOn', input.heldOn),
      location: input.location === undefined ? before.location : optionalText(input.location),
      minutes: input.minutes === undefined ? before.minutes : input.minutes.trim(),
    };
    const earliestDue = await earliestDueOn(tx, id);
    if (earliestDue !== null && earliestDue < next.heldOn) {
      throw invalid('heldOn', {
        zh: `例会日期不能晚于其督办事项的最早截止日期（${earliestDue}）`,
        en: `The meeting date cannot be after the earliest due date of its action items (${earliestDue})`,
      });
    }
    await patchMeeting(tx, id, { ...next, at: s.clock.now() });
    if (attendees) await replaceAttendees(tx, id, attendees);
    await audit({
      action: 'renewal.meeting.update',
      entityType: 'renewal_meeting',
      entityId: id,
      before: { title: before.title, heldOn: before.held_on, location: before.location },
      after: {
        ...{ title: next.title, heldOn: next.heldOn, location: next.location },
        ...(input.minutes !== undefined ? { minutesChanged: true } : {}),
        ...(attendees ? { attendees: attendees.map((a) => `${a.organisationName} ${a.name}`) } : {}),
      },
    });
  });
  return getMeeting(s, ctx, id);
}

/** A meeting with its attendees, the projects and action items the caller sees. */
export async function getMeeting(s: PlatformServices, ctx: RequestContext, id: string) {
  const { meeting, projects, scope, actor, can } = await meetingToRead(s, ctx, id);
  const [attendees, items] = await Promise.all([
    listAttendees(s.db, id),
    listMeetingActionItems(s.db, id, scope),
  ]);
  const itemCan = await actionItemCans(s, ctx, items);
  return {
    meeting,
    projects: projects.filter((p) => oversightProjectPolicy.sees(actor, p)),
    attendees,
    actionItems: items.map((i) => ({ ...i, can: itemCan(i) })),
    can,
  };
}
