import { type Static, Type } from 'typebox';
import { Nullable, OrgRef, Uuid, uuid } from '../../../platform/kit/index.ts';
import { LINK_TYPES } from '../shared/renewal.tables.ts';
import { TaskCan } from './task.policy.ts';

export const TaskParams = Type.Object(
  { id: uuid('project id'), taskId: uuid('task id') },
  { title: 'TaskParams', additionalProperties: false },
);
export const LinkParams = Type.Object(
  { id: uuid('project id'), linkId: uuid('link id') },
  { title: 'LinkParams', additionalProperties: false },
);

const Duration = Type.Integer({
  minimum: 1,
  maximum: 3650,
  description: 'working days on the project calendar (whole days, >= 1); ignored for a summary task',
});
const WbsCode = Type.String({
  minLength: 1,
  maxLength: 30,
  pattern: '^[^\\s]+$',
  description: 'WBS code, unique in the project, e.g. 2.3.1 (no spaces)',
});

export const CreateTaskBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    duration: Duration,
    wbsCode: Type.Optional(Nullable(WbsCode)),
    parentId: Type.Optional(Nullable(uuid('parent task: makes that task a summary of its sub-tasks'))),
    responsibleOrganisationId: Type.Optional(Nullable(Uuid)),
  },
  { title: 'CreateTaskBody', additionalProperties: false },
);
export type CreateTaskInput = Static<typeof CreateTaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    duration: Type.Optional(Duration),
    wbsCode: Type.Optional(Nullable(WbsCode)),
    parentId: Type.Optional(Nullable(Uuid)),
    responsibleOrganisationId: Type.Optional(Nullable(Uuid)),
    position: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'order in the task list' }),
    ),
  },
  { title: 'UpdateTaskBody', additionalProperties: false },
);
export type UpdateTaskInput = Static<typeof UpdateTaskBody>;

export const LinkTypeSchema = Type.Enum(LINK_TYPES, {
  description: 'FS finish-to-start (default) | SS start-to-start | FF finish-to-finish | SF start-to-finish',
});
const Lag = Type.Integer({
  minimum: -3650,
  maximum: 3650,
  description: 'working days between the linked dates (negative: lead); default 0',
});

export const CreateLinkBody = Type.Object(
  {
    from: uuid('predecessor task id'),
    to: uuid('successor task id'),
    type: Type.Optional(LinkTypeSchema),
    lag: Type.Optional(Lag),
  },
  { title: 'CreateLinkBody', additionalProperties: false },
);
export type CreateLinkInput = Static<typeof CreateLinkBody>;

export const UpdateLinkBody = Type.Object(
  { type: Type.Optional(LinkTypeSchema), lag: Type.Optional(Lag) },
  { title: 'UpdateLinkBody', additionalProperties: false },
);
export type UpdateLinkInput = Static<typeof UpdateLinkBody>;

export const TaskView = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    wbsCode: Nullable(Type.String()),
    name: Type.String(),
    duration: Type.Integer(),
    parentId: Nullable(Type.String()),
    summary: Type.Boolean({ description: 'has sub-tasks: not scheduled itself, spans its sub-tasks' }),
    responsibleOrganisation: Nullable(OrgRef),
    position: Type.Integer(),
    can: TaskCan,
  },
  { title: 'TaskView' },
);

export const LinkView = Type.Object(
  {
    id: Type.String(),
    projectId: Type.String(),
    from: Type.String(),
    to: Type.String(),
    type: LinkTypeSchema,
    typeName: Type.String(),
    lag: Type.Integer(),
  },
  { title: 'LinkView' },
);

export const TaskList = Type.Array(TaskView);
export const LinkList = Type.Array(LinkView);
