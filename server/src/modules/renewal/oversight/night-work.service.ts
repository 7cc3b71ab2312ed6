import { maskName } from '@gongfu/domain/cn/mask';
import {
  checkDate,
  conflict,
  daysBetween,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
  todayOf,
} from '../../../platform/kit/index.ts';
import { listExceptions } from '../projects/project.repo.ts';
import { calendarOf } from '../projects/schedule.rules.ts';
import {
  nightWorkToCoordinate,
  nightWorkToDecide,
  nightWorkToRead,
  projectForNightWork,
} from './night-work.policy.ts';
import {
  decideNightWorkRow,
  findNightWork,
  insertFeedback,
  insertNightWork,
  insertNotice,
  listApprovedNights,
  listFeedback,
  listNotices,
  lockNightWork,
} from './night-work.repo.ts';
import { MAX_NIGHTS, reachesNight } from './night-work.rules.ts';
import type {
  CalendarQuery,
  CreateNightWorkInput,
  DecisionInput,
  FeedbackInput,
  NoticeInput,
} from './night-work.schemas.ts';
import { checkNotBefore, checkPastDate, checkWindow } from './oversight.rules.ts';
import { projectToRead } from './project-access.policy.ts';
import { buildCalendar } from './project-calendar.rules.ts';

/** Use cases of night-work coordination (夜间施工): request, notify neighbours, hear them, decide. */

export async function requestNightWork(
  s: PlatformServices,
  ctx: RequestContext,
  input: CreateNightWorkInput,
) {
  const { project, actingFor } = await projectForNightWork(s, ctx, input.projectId);
  const firstNight = checkDate('firstNight', input.firstNight);
  const lastNight = checkDate('lastNight', input.lastNight);
  checkNotBefore('firstNight', firstNight, todayOf(s), { zh: '今天', en: 'today' });
  checkNotBefore('lastNight', lastNight, firstNight, { zh: '首个施工夜', en: 'the first night' });
  if (daysBetween(firstNight, lastNight) + 1 > MAX_NIGHTS) {
    throw invalid('lastNight', {
      zh: `一次申请最多 ${MAX_NIGHTS} 个夜晚，请分批申请`,
      en: `One request covers at most ${MAX_NIGHTS} nights; split it`,
    });
  }
  if (input.startTime === input.endTime) {
    throw invalid('endTime', {
      zh: '结束时间不能与开始时间相同',
      en: 'The end time cannot equal the start time',
    });
  }
  if (!reachesNight(input.startTime, input.endTime)) {
    throw invalid('startTime', {
      zh: '所申请时段不在夜间（22:00 至次日 06:00），无需办理夜间施工申请',
      en: 'The hours do not reach into the night (22:00–06:00); no night-work request is needed',
    });
  }
  const reason = requiredText('reason', input.reason);
  const noiseMeasures = requiredText('noiseMeasures', input.noiseMeasures);
  const id = await s.write(ctx, async (tx, audit) => {
    const { id } = await insertNightWork(tx, {
      projectId: project.id,
      firstNight,
      lastNight,
      startTime: input.startTime,
      endTime: input.endTime,
      reason,
      noiseMeasures,
      requestedBy: ctx.principal?.userId ?? null,
      requestingOrganisationId: actingFor,
      at: s.clock.now(),
    });
    await audit({
      action: 'renewal.night_work.request',
      entityType: 'renewal_night_work',
      entityId: id,
      after: {
        projectId: project.id,
        firstNight,
        lastNight,
        hours: `${input.startTime}-${input.endTime}`,
        reason,
      },
    });
    return id;
  });
  return getNightWork(s, ctx, id);
}

/** Publishes a notice to the neighbours (公告栏, 微信群, door-to-door, phone). */
export async function publishNotice(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: NoticeInput,
) {
  await nightWorkToCoordinate(s, ctx, id);
  const text = requiredText('text', input.text);
  const publishedOn = checkPastDate(s, 'publishedOn', input.publishedOn);
  await s.write(ctx, async (tx, audit) => {
    const row = await insertNotice(tx, {
      nightWorkId: id,
      text,
      publishedOn,
      channel: input.channel,
      createdBy: ctx.principal?.userId ?? null,
      at: s.clock.now(),
    });
    await audit({
      action: 'renewal.night_work.notice',
      entityType: 'renewal_night_work',
      entityId: id,
      after: { noticeId: row.id, publishedOn, channel: input.channel },
    });
  });
  return getNightWork(s, ctx, id);
}

/** Records a neighbour's feedback (the name is optional and masked in the audit log). */
export async function recordFeedback(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: FeedbackInput,
) {
  await nightWorkToCoordinate(s, ctx, id);
  const text = requiredText('text', input.text);
  const name = optionalText(input.name);
  const receivedOn = checkPastDate(s, 'receivedOn', input.receivedOn ?? todayOf(s));
  await s.write(ctx, async (tx, audit) => {
    const row = await insertFeedback(tx, {
      nightWorkId: id,
      name,
      text,
      attitude: input.attitude,
      receivedOn,
      createdBy: ctx.principal?.userId ?? null,
      at: s.clock.now(),
    });
    await audit({
      action: 'renewal.night_work.feedback',
      entityType: 'renewal_night_work',
      entityId: id,
      after: {
        feedbackId: row.id,
        name: name === null ? null : maskName(name),
        attitude: input.attitude,
        receivedOn,
      },
    });
  });
  return getNightWork(s, ctx, id);
}

/** Approves or rejects a pending request. Approval needs a published notice and nights still ahead. */
export async function decideNightWork(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: DecisionInput,
) {
  await nightWorkToDecide(s, ctx, id);
  const note = optionalText(input.note);
  if (input.decision === 'reject' && note === null) {
    throw invalid('note', { zh: '不予批准时请填写理由', en: 'Give the reason when rejecting' });
  }
  await s.write(ctx, async (tx, audit) => {
    await lockNightWork(tx, id);
    const before = (await findNightWork(tx, id))!;
    if (before.status !== 'pending') {
      throw conflict(
        'status',
        {
          zh: `该申请已${before.status === 'approved' ? '批准' : '不予批准'}，不能重复审批；如需变更请重新申请`,
          en: `This request was already ${before.status}; submit a new request to change it`,
        },
        'RENEWAL_NIGHT_WORK_DECIDED',
      );
    }
    if (input.decision === 'approve') {
      if (Number(before.notice_count) === 0) {
        throw conflict(
          'notices',
          {
            zh: '批准前须先向周边居民发布告知（公告栏、微信群、上门或电话），请先登记告知',
            en: 'Neighbours must be notified before approval (notice board, WeChat group, visit or call); record a notice first',
          },
          'RENEWAL_NIGHT_WORK_NOT_NOTIFIED',
        );
      }
      if (before.last_night < todayOf(s)) {
        throw conflict(
          'lastNight',
          {
            zh: `申请的施工夜已全部过去（最后一晚 ${before.last_night}），不能再批准`,
            en: `All requested nights have passed (last ${before.last_night}); it cannot be approved`,
          },
          'RENEWAL_NIGHT_WORK_EXPIRED',
        );
      }
    }
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await decideNightWorkRow(tx, id, {
      status,
      decidedBy: ctx.principal?.userId ?? null,
      note,
      at: s.clock.now(),
    });
    await audit({
      action: `renewal.night_work.${input.decision}`,
      entityType: 'renewal_night_work',
      entityId: id,
      before: { status: 'pending' },
      after: { status, note },
    });
  });
  return getNightWork(s, ctx, id);
}

export async function getNightWork(s: PlatformServices, ctx: RequestContext, id: string) {
  const { request, can } = await nightWorkToRead(s, ctx, id);
  const [notices, feedback] = await Promise.all([listNotices(s.db, id), listFeedback(s.db, id)]);
  return { request, notices, feedback, can };
}

/**
 * A project's calendar from … to: approved night work, its calendar exceptions, official
 * holidays and 调休 workdays, its start and deadline, and the days that are not working days.
 */
export async function projectCalendar(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  q: CalendarQuery,
) {
  const { project } = await projectToRead(s, ctx, projectId);
  checkWindow(q.from, q.to, 366);
  const [nights, exceptions] = await Promise.all([
    listApprovedNights(s.db, project.id, q.from, q.to),
    listExceptions(s.db, project.id),
  ]);
  const calendar = calendarOf({
    startDate: project.start_date,
    deadline: project.deadline,
    calendar: project.calendar_kind,
    exceptions,
  });
  const built = buildCalendar({
    project,
    from: q.from,
    to: q.to,
    nights,
    exceptions: exceptions.filter((e) => e.day >= q.from && e.day <= q.to),
    calendar,
    lang: ctx.lang,
  });
  return {
    projectId: project.id,
    from: q.from,
    to: q.to,
    calendar: project.calendar_kind,
    officialHolidaysApply: project.calendar_kind === 'workdays',
    startDate: project.start_date,
    deadline: project.deadline,
    ...built,
  };
}
