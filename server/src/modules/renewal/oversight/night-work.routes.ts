import { maskName } from '@gongfu/domain/cn/mask';
import type { Static } from 'typebox';
import {
  daysBetween,
  type GongfuApp,
  IdParams,
  type Lang,
  orgRef,
  type PlatformServices,
} from '../../../platform/kit/index.ts';
import { nightWorkList } from './night-work.list.ts';
import { ATTITUDE_NAMES, CHANNEL_NAMES, NIGHT_WORK_STATUS_NAMES } from './night-work.rules.ts';
import {
  CalendarQuery,
  CalendarView,
  CreateNightWorkBody,
  DecisionBody,
  FeedbackBody,
  NightWorkView,
  NoticeBody,
} from './night-work.schemas.ts';
import {
  decideNightWork,
  getNightWork,
  projectCalendar,
  publishNotice,
  recordFeedback,
  requestNightWork,
} from './night-work.service.ts';
import { labelIn } from './oversight.rules.ts';
import { NIGHTWORK_APPROVE, NIGHTWORK_REQUEST, OVERSIGHT_READ } from './oversight.scope.ts';

const tags = ['renewal-oversight'];

function present(d: Awaited<ReturnType<typeof getNightWork>>, lang: Lang): Static<typeof NightWorkView> {
  const n = d.request;
  return {
    id: n.id,
    projectId: n.project_id,
    projectName: n.project_name,
    firstNight: n.first_night,
    lastNight: n.last_night,
    nights: daysBetween(n.first_night, n.last_night) + 1,
    startTime: n.start_time,
    endTime: n.end_time,
    reason: n.reason,
    status: n.status,
    statusName: labelIn(NIGHT_WORK_STATUS_NAMES[n.status], lang),
    feedbackTally: {
      support: Number(n.support_count),
      neutral: Number(n.neutral_count),
      object: Number(n.object_count),
    },
    createdAt: n.created_at.toISOString(),
    noiseMeasures: n.noise_measures,
    requestedBy: n.requested_by ? { id: n.requested_by, name: n.requested_by_name ?? '' } : null,
    requestingOrganisation: orgRef(n.requesting_organisation_id, n.requesting_organisation_name),
    decidedBy: n.decided_by ? { id: n.decided_by, name: n.decided_by_name ?? '' } : null,
    decidedAt: n.decided_at ? n.decided_at.toISOString() : null,
    decisionNote: n.decision_note,
    notices: d.notices.map((x) => ({
      id: x.id,
      text: x.text,
      publishedOn: x.published_on,
      channel: x.channel,
      channelName: labelIn(CHANNEL_NAMES[x.channel], lang),
    })),
    feedback: d.feedback.map((x) => ({
      id: x.id,
      // personal data: shown masked (王*), as in the export and the audit log
      name: x.name === null ? null : maskName(x.name),
      text: x.text,
      attitude: x.attitude,
      attitudeName: labelIn(ATTITUDE_NAMES[x.attitude], lang),
      receivedOn: x.received_on,
    })),
    can: d.can,
  };
}

export function nightWorkRoutes(app: GongfuApp, s: PlatformServices) {
  nightWorkList.route(app, s);

  app.post(
    '/api/renewal/night-work',
    {
      config: { access: { permission: NIGHTWORK_REQUEST } },
      schema: {
        tags,
        summary: '申请夜间施工 Request night work (dates, hours, reason, noise measures)',
        body: CreateNightWorkBody,
        response: { 201: NightWorkView },
      },
    },
    async (req, reply) => {
      const d = await requestNightWork(s, req.ctx, req.body);
      reply.status(201);
      return present(d, req.ctx.lang);
    },
  );

  app.get(
    '/api/renewal/night-work/:id',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary: '夜间施工申请详情 One request with its notices and neighbours’ feedback',
        params: IdParams,
        response: { 200: NightWorkView },
      },
    },
    async (req) => present(await getNightWork(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.post(
    '/api/renewal/night-work/:id/notices',
    {
      config: { access: { permission: NIGHTWORK_REQUEST } },
      schema: {
        tags,
        summary: '发布居民告知 Record a notice to neighbours',
        params: IdParams,
        body: NoticeBody,
        response: { 200: NightWorkView },
      },
    },
    async (req) => present(await publishNotice(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );

  app.post(
    '/api/renewal/night-work/:id/feedback',
    {
      config: { access: { permission: NIGHTWORK_REQUEST } },
      schema: {
        tags,
        summary: '登记居民意见 Record a neighbour’s feedback',
        params: IdParams,
        body: FeedbackBody,
        response: { 200: NightWorkView },
      },
    },
    async (req) => present(await recordFeedback(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );

  app.post(
    '/api/renewal/night-work/:id/decision',
    {
      config: { access: { permission: NIGHTWORK_APPROVE } },
      schema: {
        tags,
        summary: '审批夜间施工 Approve or reject a pending request',
        params: IdParams,
        body: DecisionBody,
        response: { 200: NightWorkView },
      },
    },
    async (req) => present(await decideNightWork(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );

  app.get(
    '/api/renewal/projects/:id/calendar',
    {
      config: { access: { permission: OVERSIGHT_READ } },
      schema: {
        tags,
        summary:
          '项目日历 Project calendar: night work, rain days and other exceptions, holidays and 调休, start and deadline',
        params: IdParams,
        querystring: CalendarQuery,
        response: { 200: CalendarView },
      },
    },
    async (req) => projectCalendar(s, req.ctx, req.params.id, req.query),
  );
}
