import { type Static, Type } from 'typebox';
import { dateString, Nullable, uuid } from '../../../platform/kit/index.ts';
import { ActionItemCan } from './action-item.policy.ts';
import { ActorView, Text } from './oversight.schemas.ts';

export const ActionItemStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('done')], {
  description: 'open 未完成 | done 已完成',
});

export const ActionItemInput = Type.Object(
  {
    text: Text(500, 'what must be done 事项'),
    projectId: Type.Optional(
      uuid('one of the meeting’s projects; may be left out when the meeting covers one project'),
    ),
    taskId: Type.Optional(uuid('a task of that project the item concerns (optional)')),
    ownerOrganisationId: Type.Optional(uuid('responsible organisation (registered)')),
    ownerOrganisationName: Type.Optional(
      Type.String({ maxLength: 100, description: 'responsible organisation as written, if not registered' }),
    ),
    ownerPerson: Type.Optional(Type.String({ maxLength: 40, description: 'responsible person 责任人' })),
    dueOn: dateString('due date (YYYY-MM-DD), not before the meeting'),
  },
  {
    title: 'ActionItemInput',
    additionalProperties: false,
    description: 'an action item; an owner organisation or person (or both) is required',
  },
);

export const CloseActionItemBody = Type.Object(
  {
    note: Text(1000, 'how it was done 完成情况'),
    closedOn: Type.Optional(dateString('date it was done (default: today), not in the future')),
  },
  { title: 'CloseActionItemBody', additionalProperties: false },
);

export const OverdueQuery = Type.Object(
  { projectId: Type.Optional(uuid('only this project')) },
  { title: 'OverdueQuery', additionalProperties: false },
);

/** The presenter of an action item. */
export const ActionItemView = Type.Object(
  {
    id: Type.String(),
    meetingId: Type.String(),
    meetingTitle: Type.String(),
    meetingHeldOn: Type.String(),
    seq: Type.Integer({ description: 'number within the meeting, from 1' }),
    projectId: Type.String(),
    projectName: Type.String(),
    taskId: Nullable(Type.String()),
    taskName: Nullable(Type.String()),
    text: Type.String(),
    ownerOrganisationId: Nullable(Type.String()),
    ownerOrganisationName: Nullable(Type.String()),
    ownerPerson: Nullable(Type.String()),
    dueOn: Type.String(),
    status: ActionItemStatusSchema,
    statusName: Type.String(),
    overdue: Type.Boolean({ description: 'open and past its due date (Asia/Shanghai today)' }),
    daysOverdue: Type.Integer({ description: 'days past the due date while open; 0 otherwise' }),
    closedOn: Nullable(Type.String()),
    closingNote: Nullable(Type.String()),
    closedBy: Nullable(ActorView),
    createdAt: Type.String({ format: 'date-time' }),
    can: ActionItemCan,
  },
  { title: 'ActionItemView' },
);

/** A row of the action-item list: what its table shows (the item's page has the rest). */
export const ActionItemListItem = Type.Object(
  {
    id: Type.String(),
    meetingId: Type.String(),
    meetingTitle: Type.String(),
    meetingHeldOn: Type.String(),
    seq: Type.Integer({ description: 'number within the meeting, from 1' }),
    projectId: Type.String(),
    projectName: Type.String(),
    taskName: Nullable(Type.String()),
    text: Type.String(),
    ownerOrganisationName: Nullable(Type.String()),
    ownerPerson: Nullable(Type.String()),
    dueOn: Type.String(),
    status: ActionItemStatusSchema,
    statusName: Type.String(),
    overdue: Type.Boolean({ description: 'open and past its due date (Asia/Shanghai today)' }),
    daysOverdue: Type.Integer({ description: 'days past the due date while open; 0 otherwise' }),
    closedOn: Nullable(Type.String()),
    closingNote: Nullable(Type.String()),
  },
  { title: 'ActionItemListItem' },
);

export type ActionItemInput = Static<typeof ActionItemInput>;
export type CloseActionItemInput = Static<typeof CloseActionItemBody>;
