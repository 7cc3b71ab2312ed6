import { type Static, Type } from 'typebox';
import { Nullable, uuid } from '../../../platform/kit/index.ts';
import { PlanCan } from './ballot.policy.ts';
import { PLAN_STATUSES, type PlanStatus } from './ballot.tables.ts';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

export const FileIds = (description: string) =>
  Type.Array(uuid('file id (platform file store)'), { maxItems: 50, uniqueItems: true, description });

const PlanItemInput = Type.Object(
  {
    name: Text(100, '改造内容, e.g. 外墙立面整治'),
    quantity: Type.Optional(
      Type.String({ maxLength: 200, description: 'quantity or description, e.g. 12,400 m²' }),
    ),
    costFen: Type.Integer({ minimum: 0, maximum: 1e14, description: 'estimated cost in fen' }),
  },
  { additionalProperties: false },
);

export const CreatePlanBody = Type.Object(
  {
    title: Text(100, 'e.g. 竹贤山庄二期改造方案'),
    summary: Type.Optional(Type.String({ maxLength: 5000 })),
    items: Type.Array(PlanItemInput, { minItems: 1, maxItems: 200 }),
    drawingFileIds: Type.Optional(FileIds('design drawings (设计图纸)')),
  },
  { title: 'CreatePlanBody', additionalProperties: false },
);

export const UpdatePlanBody = Type.Object(
  {
    title: Type.Optional(Text(100)),
    summary: Type.Optional(Type.String({ maxLength: 5000 })),
    items: Type.Optional(
      Type.Array(PlanItemInput, { minItems: 1, maxItems: 200, description: 'replaces the list' }),
    ),
    drawingFileIds: Type.Optional(FileIds('replaces the list')),
  },
  { title: 'UpdatePlanBody', additionalProperties: false, minProperties: 1 },
);

export const CommunityParams = Type.Object(
  { id: uuid('community id') },
  { title: 'BallotCommunityParams', additionalProperties: false },
);

const PlanItemView = Type.Object({
  name: Type.String(),
  quantity: Type.String(),
  costFen: Type.Integer(),
});

export const PlanView = Type.Object(
  {
    id: Type.String(),
    communityId: Type.String(),
    version: Type.Integer(),
    title: Type.String(),
    summary: Type.String(),
    items: Type.Array(PlanItemView),
    totalCostFen: Type.Integer({ description: 'sum of the items' }),
    drawingFileIds: Type.Array(Type.String()),
    status: Type.Enum(PLAN_STATUSES as PlanStatus[]),
    statusName: Type.String(),
    supersededBy: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    can: PlanCan,
  },
  { title: 'PlanView' },
);

export const PlanList = Type.Object({ items: Type.Array(PlanView) }, { title: 'PlanList' });

export type CreatePlanInput = Static<typeof CreatePlanBody>;
export type UpdatePlanInput = Static<typeof UpdatePlanBody>;
