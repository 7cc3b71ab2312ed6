import type { Insertable } from 'kysely';
import {
  type AuditFn,
  checkDate,
  conflict,
  type Db,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
  todayOf,
} from '../../../platform/kit/index.ts';
import type { ProjectRow } from '../projects/project.repo.ts';
import { actionItemCans, actionItemToChange, actionItemToRead } from './action-item.policy.ts';
import {
  type ActionItemRow,
  closeActionItemRow,
  findActionItem,
  insertActionItems,
  listOverdueActionItems,
  lockActionItem,
  nextActionItemSeq,
} from './action-item.repo.ts';
import type { ActionItemInput, CloseActionItemInput } from './action-item.schemas.ts';
import { meetingToChange } from './meeting.policy.ts';
import { lockMeeting } from './meeting.repo.ts';
import { checkNotBefore, checkPastDate } from './oversight.rules.ts';
import { OVERSIGHT_READ, oversightScope } from './oversight.scope.ts';
import type { ActionItemTable } from './oversight.tables.ts';
import { projectToRead } from './project-access.policy.ts';
import { findOrganisations, findTask } from './project-access.repo.ts';

/** Use cases of action items (督办事项): one function each, policy first, every write audited. */

export type NewActionItem = Omit<Insertable<ActionItemTable>, 'meeting_id' | 'seq'>;

/** What the audit log keeps of an item. */
const snapshot = (i: NewActionItem | ActionItemRow) => ({
  projectId: i.project_id,
  taskId: i.task_id ?? null,
  text: i.text,
  ownerOrganisationId: i.owner_organisation_id ?? null,
  ownerOrganisationName: i.owner_organisation_name ?? null,
  ownerPerson: i.owner_person ?? null,
  dueOn: i.due_on,
});

/**
 * Checks one action item of a meeting held on `heldOn` covering `projects`, and resolves its
 * project, task and owner. `field` is where it sits in the request, e.g. `actionItems.2`
 * ('' for the whole body).
 */
export async function prepareActionItem(
  s: PlatformServices,
  field: string,
  input: ActionItemInput,
  projects: ProjectRow[],
  heldOn: string,
): Promise<NewActionItem> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const text = requiredText(at('text'), input.text);
  let projectId = input.projectId;
  if (projectId === undefined) {
    if (projects.length !== 1) {
      throw invalid(at('projectId'), {
        zh: '本次例会涉及多个项目，请为该事项选择所属项目',
        en: 'The meeting covers several projects; choose the project this item belongs to',
      });
    }
    projectId = projects[0]!.id;
  } else if (!projects.some((p) => p.id === projectId)) {
    throw invalid(at('projectId'), {
      zh: '所选项目不在本次例会涉及的项目中，请从例会项目中选择',
      en: 'The chosen project is not one the meeting covers; choose one of the meeting’s projects',
    });
  }
  if (input.taskId !== undefined) {
    const task = await findTask(s.db, input.taskId);
    if (!task || task.project_id !== projectId) {
      throw invalid(at('taskId'), {
        zh: '关联的任务不存在或不属于该项目，请从该项目的任务中选择',
        en: 'The linked task does not exist or belongs to another project; choose one of this project’s tasks',
      });
    }
  }
  let ownerOrganisationName = optionalText(input.ownerOrganisationName);
  if (input.ownerOrganisationId !== undefined) {
    const [org] = await findOrganisations(s.db, [input.ownerOrganisationId]);
    if (!org) {
      throw invalid(at('ownerOrganisationId'), {
        zh: '责任单位不存在，请从组织机构中选择，或直接填写单位名称',
        en: 'The responsible organisation does not exist; choose a registered one or type its name',
      });
    }
    ownerOrganisationName = org.name;
  }
  const ownerPerson = optionalText(input.ownerPerson);
  if (ownerOrganisationName === null && ownerPerson === null) {
    throw invalid(at('ownerPerson'), {
      zh: '请填写责任单位或责任人（至少一项）',
      en: 'Give the responsible organisation or person (at least one)',
    });
  }
  const dueOn = checkDate(at('dueOn'), input.dueOn);
  checkNotBefore(at('dueOn'), dueOn, heldOn, { zh: '例会日期', en: 'the meeting date' });
  return {
    project_id: projectId,
    task_id: input.taskId ?? null,
    text,
    owner_organisation_id: input.ownerOrganisationId ?? null,
    owner_organisation_name: ownerOrganisationName,
    owner_person: ownerPerson,
    due_on: dueOn,
  };
}

/** Inserts prepared items of a meeting, numbered after its last one, and audits each; returns their ids. */
export async function insertAuditedActionItems(
  tx: Db,
  audit: AuditFn,
  meetingId: string,
  items: NewActionItem[],
  at: Date,
): Promise<string[]> {
  const first = await nextActionItemSeq(tx, meetingId);
  const ids = await insertActionItems(
    tx,
    items.map((i, k) => ({ ...i, meeting_id: meetingId, seq: first + k, created_at: at, updated_at: at })),
  );
  for (const [k, id] of ids.entries()) {
    await audit({
      action: 'renewal.action_item.create',
      entityType: 'renewal_action_item',
      entityId: id,
      after: { meetingId, ...snapshot(items[k]!) },
    });
  }
  return ids;
}

/** Adds an action item to a recorded meeting. */
export async function addActionItem(
  s: PlatformServices,
  ctx: RequestContext,
  meetingId: string,
  input: ActionItemInput,
) {
  const { meeting, projects } = await meetingToChange(s, ctx, meetingId);
  const item = await prepareActionItem(s, '', input, projects, meeting.held_on);
  const [id] = await s.write(ctx, async (tx, audit) => {
    await lockMeeting(tx, meetingId);
    return insertAuditedActionItems(tx, audit, meetingId, [item], s.clock.now());
  });
  const row = (await findActionItem(s.db, id!))!;
  return { ...row, can: (await actionItemCans(s, ctx, [row]))(row) };
}

/** Closes an open item with a note on what was done, and the date. */
export async function closeActionItem(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: CloseActionItemInput,
) {
  const item = await actionItemToChange(s, ctx, id);
  const note = requiredText('note', input.note);
  const closedOn = checkPastDate(s, 'closedOn', input.closedOn ?? todayOf(s));
  checkNotBefore('closedOn', closedOn, item.meeting_held_on, { zh: '例会日期', en: 'the meeting date' });
  await s.write(ctx, async (tx, audit) => {
    await lockActionItem(tx, id);
    const before = await findActionItem(tx, id);
    if (before?.status !== 'open') {
      throw conflict(
        'status',
        {
          zh: `该事项已于 ${before?.closed_on ?? ''} 完成销项，无需重复操作`,
          en: `This item was already closed on ${before?.closed_on ?? ''}`,
        },
        'RENEWAL_ACTION_ITEM_CLOSED',
      );
    }
    await closeActionItemRow(tx, id, {
      closedOn,
      note,
      closedBy: ctx.principal?.userId ?? null,
      at: s.clock.now(),
    });
    await audit({
      action: 'renewal.action_item.close',
      entityType: 'renewal_action_item',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'done', closedOn, note },
    });
  });
  return { ...(await findActionItem(s.db, id))!, can: item.can };
}

export const getActionItem = (s: PlatformServices, ctx: RequestContext, id: string) =>
  actionItemToRead(s, ctx, id);

/** Open items past their due date (Asia/Shanghai today) on the projects the caller sees. */
export async function listOverdueItems(s: PlatformServices, ctx: RequestContext, projectId?: string) {
  const scope = projectId
    ? (await projectToRead(s, ctx, projectId)).scope
    : await oversightScope(s, ctx, OVERSIGHT_READ);
  const rows = await listOverdueActionItems(s.db, scope, todayOf(s), projectId);
  const can = await actionItemCans(s, ctx, rows);
  return rows.map((i) => ({ ...i, can: can(i) }));
}
