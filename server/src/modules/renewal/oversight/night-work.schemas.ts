import { type Static, Type } from 'typebox';
import { dateString, Nullable, OrgRef, uuid } from '../../../platform/kit/index.ts';
import { NightWorkCan } from './night-work.policy.ts';
import { ActorView, Text } from './oversight.schemas.ts';

const Time = (description: string) =>
  Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: `${description} (HH:MM, 24-hour)` });

export const NightWorkStatusSchema = Type.Union(
  [Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')],
  { description: 'pending 待审批 | approved 已批准 | rejected 未批准' },
);
export const ChannelSchema = Type.Union(
  [
    Type.Literal('notice_board'),
    Type.Literal('wechat_group'),
    Type.Literal('door_to_door'),
    Type.Literal('phone'),
  ],
  { description: 'notice_board 公告栏 | wechat_group 微信群 | door_to_door 上门解释 | phone 电话沟通' },
);
export const AttitudeSchema = Type.Union(
  [Type.Literal('support'), Type.Literal('neutral'), Type.Literal('object')],
  {
    description: 'support 支持 | neutral 中立 | object 反对',
  },
);

export const CreateNightWorkBody = Type.Object(
  {
    projectId: uuid('the project'),
    firstNight: dateString('date the first night starts (YYYY-MM-DD), today or later'),
    lastNight: dateString('date the last night starts; at most 31 nights'),
    startTime: Time('start, e.g. 22:00'),
    endTime: Time('end, e.g. 06:00 (the next morning when earlier than the start)'),
    reason: Text(500, 'why work must go on at night, e.g. 3号楼屋面混凝土连续浇筑'),
    noiseMeasures: Text(1000, 'noise and light measures 降噪措施'),
  },
  { title: 'CreateNightWorkBody', additionalProperties: false },
);

export const NoticeBody = Type.Object(
  {
    text: Text(2000, 'the notice to neighbours 告居民书'),
    publishedOn: dateString('date published, not in the future'),
    channel: ChannelSchema,
  },
  { title: 'NoticeBody', additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 40, description: 'resident name (optional)' })),
    text: Text(1000, 'what the resident said'),
    attitude: AttitudeSchema,
    receivedOn: Type.Optional(dateString('date received (default: today), not in the future')),
  },
  { title: 'FeedbackBody', additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')], {
      description: 'approve 批准 | reject 不予批准',
    }),
    note: Type.Optional(
      Type.String({ maxLength: 1000, description: 'conditions or reasons; required when rejecting' }),
    ),
  },
  { title: 'DecisionBody', additionalProperties: false },
);

export const CalendarQuery = Type.Object(
  {
    from: dateString('first day (YYYY-MM-DD)'),
    to: dateString('last day (YYYY-MM-DD), at most 366 days after from'),
  },
  { title: 'CalendarQuery', additionalProperties: false },
);

const Tally = Type.Object({ support: Type.Integer(), neutral: Type.Integer(), object: Type.Integer() });

const NightWorkFields = {
  id: Type.String(),
  projectId: Type.String(),
  projectName: Type.String(),
  firstNight: Type.String(),
  lastNight: Type.String(),
  nights: Type.Integer(),
  startTime: Type.String(),
  endTime: Type.String(),
  reason: Type.String(),
  status: NightWorkStatusSchema,
  statusName: Type.String(),
  feedbackTally: Tally,
};

/** A row of the night-work list: what its table shows (the request's page has the rest). */
export const NightWorkListItem = Type.Object(
  { ...NightWorkFields, noticeCount: Type.Integer() },
  { title: 'NightWorkListItem' },
);

export const NightWorkView = Type.Object(
  {
    ...NightWorkFields,
    createdAt: Type.String({ format: 'date-time' }),
    noiseMeasures: Type.String(),
    requestedBy: Nullable(ActorView),
    requestingOrganisation: Nullable(OrgRef),
    decidedBy: Nullable(ActorView),
    decidedAt: Nullable(Type.String({ format: 'date-time' })),
    decisionNote: Nullable(Type.String()),
    notices: Type.Array(
      Type.Object({
        id: Type.String(),
        text: Type.String(),
        publishedOn: Type.String(),
        channel: ChannelSchema,
        channelName: Type.String(),
      }),
    ),
    feedback: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Nullable(Type.String()),
        text: Type.String(),
        attitude: AttitudeSchema,
        attitudeName: Type.String(),
        receivedOn: Type.String(),
      }),
    ),
    can: NightWorkCan,
  },
  { title: 'NightWorkView' },
);

export const CalendarView = Type.Object(
  {
    projectId: Type.String(),
    from: Type.String(),
    to: Type.String(),
    calendar: Type.Union([Type.Literal('calendar-days'), Type.Literal('workdays')]),
    officialHolidaysApply: Type.Boolean({
      description:
        'true (workdays calendar): holidays are days off and 调休 days are worked; false: information only',
    }),
    startDate: Type.String(),
    deadline: Type.String(),
    days: Type.Array(
      Type.Object({
        date: Type.String(),
        events: Type.Array(
          Type.Object({
            kind: Type.Union(
              [
                Type.Literal('night_work'),
                Type.Literal('rain'),
                Type.Literal('stoppage'),
                Type.Literal('extra_workday'),
                Type.Literal('holiday'),
                Type.Literal('adjusted_workday'),
                Type.Literal('start'),
                Type.Literal('deadline'),
              ],
              {
                description:
                  'night_work 夜间施工 (approved) | rain 雨天停工 | stoppage 其他停工 | extra_workday 加班/补班 | holiday 法定节假日 | adjusted_workday 调休上班 | start 开工 | deadline 承诺完工',
              },
            ),
            title: Type.String({ description: 'night work: its reason; exceptions: their reason' }),
            id: Type.Optional(Type.String({ description: 'the night-work request (night_work only)' })),
            startTime: Type.Optional(Type.String({ description: 'night_work only' })),
            endTime: Type.Optional(Type.String({ description: 'night_work only' })),
          }),
        ),
      }),
      { description: 'only the days with events, in date order' },
    ),
    nonWorkingDays: Type.Array(Type.String(), {
      description: 'days in the window that are not working days on the project calendar',
    }),
  },
  { title: 'CalendarView' },
);

export type CreateNightWorkInput = Static<typeof CreateNightWorkBody>;
export type NoticeInput = Static<typeof NoticeBody>;
export type FeedbackInput = Static<typeof FeedbackBody>;
export type DecisionInput = Static<typeof DecisionBody>;
export type CalendarQuery = Static<typeof CalendarQuery>;
