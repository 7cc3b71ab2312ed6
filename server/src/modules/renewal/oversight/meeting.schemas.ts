import { type Static, Type } from 'typebox';
import { dateString, Nullable, uuid } from '../../../platform/kit/index.ts';
import { ActionItemInput, ActionItemView } from './action-item.schemas.ts';
import { MeetingCan } from './meeting.policy.ts';
import { ActorView, Text } from './oversight.schemas.ts';

const AttendeeInput = Type.Object(
  {
    name: Text(40, 'attendee name 姓名'),
    organisationId: Type.Optional(uuid('registered organisation (its name is used)')),
    organisationName: Type.Optional(
      Type.String({ maxLength: 100, description: 'organisation as written, when it is not registered' }),
    ),
    jobTitle: Type.Optional(Type.String({ maxLength: 40, description: '职务, e.g. 项目经理' })),
  },
  { additionalProperties: false, description: 'an attendee: name, and organisationId or organisationName' },
);

export const CreateMeetingBody = Type.Object(
  {
    projectIds: Type.Array(uuid('project id'), {
      minItems: 1,
      maxItems: 20,
      description: 'projects the meeting covers (one or several)',
    }),
    title: Text(100, 'e.g. 第12次督查例会'),
    heldOn: dateString('date the meeting was held (YYYY-MM-DD)'),
    location: Type.Optional(Type.String({ maxLength: 100 })),
    minutes: Type.Optional(Type.String({ maxLength: 20_000, description: '会议纪要 minutes (text)' })),
    attendees: Type.Array(AttendeeInput, { maxItems: 100 }),
    actionItems: Type.Optional(Type.Array(ActionItemInput, { maxItems: 100 })),
  },
  { title: 'CreateMeetingBody', additionalProperties: false },
);

export const UpdateMeetingBody = Type.Object(
  {
    title: Type.Optional(Text(100)),
    heldOn: Type.Optional(dateString('date the meeting was held (YYYY-MM-DD)')),
    location: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    minutes: Type.Optional(Type.String({ maxLength: 20_000 })),
    attendees: Type.Optional(Type.Array(AttendeeInput, { maxItems: 100, description: 'replaces the list' })),
  },
  { title: 'UpdateMeetingBody', additionalProperties: false, minProperties: 1 },
);

const ProjectRef = Type.Object({ id: Type.String(), name: Type.String() });

const AttendeeView = Type.Object({
  name: Type.String(),
  organisationId: Nullable(Type.String()),
  organisationName: Type.String(),
  jobTitle: Nullable(Type.String()),
});

/** The presenter of one meeting: exactly these fields leave the server. */
export const MeetingView = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    heldOn: Type.String(),
    location: Nullable(Type.String()),
    minutes: Type.String(),
    projects: Type.Array(ProjectRef, { description: 'the covered projects the caller may see' }),
    attendees: Type.Array(AttendeeView),
    actionItems: Type.Array(ActionItemView, {
      description: 'action items of the projects the caller may see',
    }),
    createdBy: Nullable(ActorView),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    can: MeetingCan,
  },
  { title: 'MeetingView' },
);

/** A row of the meetings list: what its table shows (the meeting's page has the rest). */
export const MeetingListItem = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    heldOn: Type.String(),
    location: Nullable(Type.String()),
    projects: Type.Array(ProjectRef, { description: 'the covered projects the caller may see' }),
    attendeeCount: Type.Integer(),
    actionItemCount: Type.Integer({ description: 'action items on the projects the caller may see' }),
    openActionItemCount: Type.Integer(),
    overdueActionItemCount: Type.Integer({
      description: 'open items past their due date (Asia/Shanghai today)',
    }),
  },
  { title: 'MeetingListItem' },
);

export type AttendeeInput = Static<typeof AttendeeInput>;
export type CreateMeetingInput = Static<typeof CreateMeetingBody>;
export type UpdateMeetingInput = Static<typeof UpdateMeetingBody>;
