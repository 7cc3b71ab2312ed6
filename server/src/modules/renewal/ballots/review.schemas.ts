import { type Static, Type } from 'typebox';
import { dateString, Nullable, uuid } from '../../../platform/kit/index.ts';
import { ReviewCan } from './ballot.policy.ts';
import { ATTENDEE_KINDS, REVIEW_DECISIONS } from './ballot.tables.ts';
import { FileIds } from './plan.schemas.ts';

const literals = <const T extends string>(values: readonly T[], description?: string) =>
  Type.Enum(values as T[], description ? { description } : {});

const AttendeeKind = literals(
  ATTENDEE_KINDS,
  'resident_rep 居民代表 / expert 专家 / designer 设计单位 / builder 施工单位 / street 街道社区 / bureau 住建局',
);
const Decision = literals(
  REVIEW_DECISIONS,
  "'adopt' put the plan to the ballot / 'revise' revise the plan first",
);

const AttendeeInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    kind: AttendeeKind,
    organisation: Type.Optional(
      Type.String({ maxLength: 100, description: 'unit or building, e.g. 3幢 / 浙江某设计院' }),
    ),
  },
  { additionalProperties: false },
);

export const CreateReviewBody = Type.Object(
  {
    planId: uuid('the plan version reviewed'),
    heldOn: dateString('date of the meeting (YYYY-MM-DD)'),
    place: Type.String({ minLength: 1, maxLength: 100 }),
    attendees: Type.Array(AttendeeInput, { minItems: 1, maxItems: 100 }),
    minutes: Type.Optional(Type.String({ maxLength: 20_000, description: '会议纪要' })),
    decision: Decision,
    decisionNotes: Type.Optional(
      Type.String({ maxLength: 5000, description: 'what to revise, or conditions' }),
    ),
    minutesFileIds: Type.Optional(FileIds('signed minutes, photos')),
  },
  { title: 'CreateReviewBody', additionalProperties: false },
);

export const UpdateReviewBody = Type.Object(
  {
    heldOn: Type.Optional(dateString('date of the meeting')),
    place: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    attendees: Type.Optional(
      Type.Array(AttendeeInput, { minItems: 1, maxItems: 100, description: 'replaces the list' }),
    ),
    minutes: Type.Optional(Type.String({ maxLength: 20_000 })),
    decision: Type.Optional(Decision),
    decisionNotes: Type.Optional(Type.String({ maxLength: 5000 })),
    minutesFileIds: Type.Optional(FileIds('replaces the list')),
  },
  { title: 'UpdateReviewBody', additionalProperties: false, minProperties: 1 },
);

export const ReviewView = Type.Object(
  {
    id: Type.String(),
    communityId: Type.String(),
    plan: Type.Object({ id: Type.String(), version: Type.Integer(), title: Type.String() }),
    heldOn: Type.String(),
    place: Type.String(),
    attendees: Type.Array(
      Type.Object({
        name: Type.String(),
        kind: Type.String(),
        kindName: Type.String(),
        organisation: Nullable(Type.String()),
      }),
    ),
    minutes: Type.String(),
    decision: Type.String(),
    decisionName: Type.String(),
    decisionNotes: Type.String(),
    minutesFileIds: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    can: ReviewCan,
  },
  { title: 'ReviewView' },
);

export const ReviewList = Type.Object({ items: Type.Array(ReviewView) }, { title: 'ReviewList' });

export type CreateReviewInput = Static<typeof CreateReviewBody>;
export type UpdateReviewInput = Static<typeof UpdateReviewBody>;
