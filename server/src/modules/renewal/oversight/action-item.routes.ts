import type { Static } from 'typebox';
import { Type } from 'typebox';
import {
  daysBetween,
  type GongfuApp,
  IdParams,
  type Lang,
  type PlatformServices,
  todayOf,
} from '../../../platform/kit/index.ts';
import { actionItemList } from './action-item.list.ts';
import type { ActionItemCanFlags } from './action-item.policy.ts';
import type { ActionItemRow } from './action-item.repo.ts';
import { ActionItemInput, ActionItemView, CloseActionItemBody, OverdueQuery } from './action-item.schemas.ts';
import { addActionItem, closeActionItem, getActionItem, listOverdueItems } from './action-item.service.ts';
import { ACTION_ITEM_STATUS_NAMES, labelIn } from './oversight.rules.ts';
import { MEETING_WRITE, OVERSIGHT_READ } from './oversight.scope.ts';

const tags = ['renewal-oversight'];

/**
 * An action item as its own page, its meeting and the overdue list show it; `can`: what the
 * caller may do with it.
 */
export function presentActionItem(
  r: ActionItemRow & { can: ActionItemCanFlags },
  lang: Lang,
  today: string,
): Static<typeof ActionItemView> {
  const overdue = r.status === 'open' && r.due_on < today;
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingHeldOn: r.meeting_held_on,
    seq: r.seq,
    projectId: r.project_id,
    projectName: r.project_name,
    taskId: r.task_id,
    taskName: r.task_name,
    text: r.text,
    ownerOrganisationId: r.owner_organisation_id,
    ownerOrganisationName: r.owner_organisation_name,
    ownerPerson: r.owner_person,
    dueOn: r.due_on,
    status: r.status,
    statusName: labelIn(ACTION_ITEM_STATUS_NAMES[r.status], lang),
    overdue,
    daysOverdue: overdue ? daysBetween(r.due_on, today) : 0,
    closedOn: r.closed_on,
    closingNote: r.closing_note,
    closedBy: r.closed_by ? { id: r.closed_by, name: r.closed_by_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    can: r.can,
  };
}

export function actionItemRoutes(app: GongfuApp, s: PlatformServices) {
  actionItemList.route(app, s);

  app.get(
    '/api/renewal/action-items/overdue',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary:
          '逾期督办事项 Open action items past their due date (Asia/Shanghai today), most overdue first',
        querystring: OverdueQuery,
        response: { 200: Type.Array(ActionItemView) },
      },
    },
    async (req) => {
      const today = todayOf(s);
      return (await listOverdueItems(s, req.ctx, req.query.projectId)).map((i) =>
        presentActionItem(i, req.ctx.lang, today),
      );
    },
  );

  app.get(
    '/api/renewal/action-items/:id',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '督办事项详情 One action item',
        params: IdParams,
        response: { 200: ActionItemView },
      },
    },
    async (req) =>
      presentActionItem(await getActionItem(s, req.ctx, req.params.id), req.ctx.lang, todayOf(s)),
  );

  app.post(
    '/api/renewal/meetings/:id/action-items',
    {
      config: { access: { permission: MEETING_WRITE } },
      schema: {
        tags,
        summary: '新增督办事项 Add an action item to a meeting',
        params: IdParams,
        body: ActionItemInput,
        response: { 201: ActionItemView },
      },
    },
    async (req, reply) => {
      const row = await addActionItem(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentActionItem(row, req.ctx.lang, todayOf(s));
    },
  );

  app.post(
    '/api/renewal/action-items/:id/close',
    {
      config: { access: { permission: MEETING_WRITE } },
      schema: {
        tags,
        summary: '督办事项销项 Close an action item with a note and date',
        params: IdParams,
        body: CloseActionItemBody,
        response: { 200: ActionItemView },
      },
    },
    async (req) =>
      presentActionItem(await closeActionItem(s, req.ctx, req.params.id, req.body), req.ctx.lang, todayOf(s)),
  );
}
