import type { Static } from 'typebox';
import {
  type GongfuApp,
  IdParams,
  type Lang,
  type PlatformServices,
  todayOf,
} from '../../../platform/kit/index.ts';
import { presentActionItem } from './action-item.routes.ts';
import { meetingList } from './meeting.list.ts';
import { CreateMeetingBody, MeetingView, UpdateMeetingBody } from './meeting.schemas.ts';
import { getMeeting, recordMeeting, updateMeeting } from './meeting.service.ts';
import { MEETING_WRITE, OVERSIGHT_READ } from './oversight.scope.ts';

const tags = ['renewal-oversight'];

type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

export function presentMeeting(d: MeetingDetail, lang: Lang, today: string): Static<typeof MeetingView> {
  const m = d.meeting;
  return {
    id: m.id,
    title: m.title,
    heldOn: m.held_on,
    location: m.location,
    minutes: m.minutes,
    projects: d.projects.map((p) => ({ id: p.id, name: p.name })),
    attendees: d.attendees.map((a) => ({
      name: a.name,
      organisationId: a.organisation_id,
      organisationName: a.organisation_name,
      jobTitle: a.job_title,
    })),
    actionItems: d.actionItems.map((i) => presentActionItem(i, lang, today)),
    createdBy: m.created_by ? { id: m.created_by, name: m.created_by_name ?? '' } : null,
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    can: d.can,
  };
}

export function meetingRoutes(app: GongfuApp, s: PlatformServices) {
  meetingList.route(app, s);

  app.post(
    '/api/renewal/meetings',
    {
      config: { access: { permission: MEETING_WRITE } },
      schema: {
        tags,
        summary: '记录督查例会 Record a supervision meeting (attendees, minutes, action items)',
        body: CreateMeetingBody,
        response: { 201: MeetingView },
      },
    },
    async (req, reply) => {
      const d = await recordMeeting(s, req.ctx, req.body);
      reply.status(201);
      return presentMeeting(d, req.ctx.lang, todayOf(s));
    },
  );

  app.get(
    '/api/renewal/meetings/:id',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '督查例会详情 One meeting with attendees, minutes and action items',
        params: IdParams,
        response: { 200: MeetingView },
      },
    },
    async (req) => presentMeeting(await getMeeting(s, req.ctx, req.params.id), req.ctx.lang, todayOf(s)),
  );

  app.patch(
    '/api/renewal/meetings/:id',
    {
      config: { access: { permission: MEETING_WRITE } },
      schema: {
        tags,
        summary: '修改督查例会 Amend a meeting (title, date, place, minutes, attendees)',
        params: IdParams,
        body: UpdateMeetingBody,
        response: { 200: MeetingView },
      },
    },
    async (req) =>
      presentMeeting(await updateMeeting(s, req.ctx, req.params.id, req.body), req.ctx.lang, todayOf(s)),
  );
}
