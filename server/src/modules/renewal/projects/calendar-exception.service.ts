import {
  checkDate,
  conflict,
  type Db,
  invalid,
  notFound,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../platform/kit/index.ts';
import { EXCEPTION_KIND_NAMES } from '../shared/renewal.labels.ts';
import type { ExceptionKind, Weather } from '../shared/renewal.tables.ts';
import { deleteException, findException, insertException } from './calendar-exception.repo.ts';
import { projectForRead, projectForWrite } from './project.policy.ts';
import { listExceptions, lockProject, type ProjectRow } from './project.repo.ts';
import { refreshSnapshot, scheduleOf } from './schedule.service.ts';

/**
 * A project's calendar exceptions one day at a time: rain days (雨天停工), other stoppages
 * and extra workdays. Each change re-plans the project in the same transaction, so the
 * schedule and the list's figures reflect it at once.
 */

export interface AddExceptionInput {
  date: string;
  kind: ExceptionKind;
  reason?: string;
}

/** Weathers on which a daily report may count the day as a rain day (stoppage). */
export const RAIN_WEATHERS: readonly Weather[] = ['rain', 'heavy_rain'];

/** The project's exceptions in date order, with the project finish as planned today. */
export async function listProjectExceptions(s: PlatformServices, ctx: RequestContext, projectId: string) {
  const { project } = await projectForRead(s, ctx, projectId);
  const [rows, plan] = await Promise.all([
    listExceptions(s.db, project.id),
    scheduleOf(s.db, project, todayOf(s)),
  ]);
  return { rows, plannedFinish: plan.outcome.projectFinish };
}

export async function addException(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  input: AddExceptionInput,
) {
  const { project } = await projectForWrite(s, ctx, projectId);
  checkDate('date', input.date);
  if (input.kind === 'extra_workday' && project.calendar_kind === 'calendar-days') {
    throw invalid('kind', {
      zh: '本项目按日历天排期，每天都是工作日，无需添加加班/补班日；如需按工作日排期，请先修改项目日历',
      en: 'This project is scheduled in calendar days, so every day is already a working day; switch the project to workdays first',
    });
  }
  const reason = input.reason?.trim() || EXCEPTION_KIND_NAMES[input.kind].zh;
  return s.write(ctx, async (tx, audit) => {
    await lockProject(tx, project.id);
    const row = await insertException(tx, {
      project_id: project.id,
      day: input.date,
      kind: input.kind,
      reason,
      created_by: ctx.principal?.userId ?? null,
    });
    if (!row) {
      const have = await findException(tx, project.id, input.date);
      throw conflict(
        'date',
        {
          zh: `${input.date} 已登记为「${have ? EXCEPTION_KIND_NAMES[have.kind].zh : ''}」，如需更改请先删除该例外日期`,
          en: `${input.date} is already an exception (${have ? EXCEPTION_KIND_NAMES[have.kind].en : ''}); remove it first to change it`,
        },
        'RENEWAL_EXCEPTION_EXISTS',
      );
    }
    const outcome = await refreshSnapshot(s, tx, project);
    await audit({
      action: 'renewal.exception.add',
      entityType: 'renewal_project',
      entityId: project.id,
      after: { date: row.day, kind: row.kind, reason: row.reason, plannedFinish: outcome.projectFinish },
    });
    return { rows: await listExceptions(tx, project.id), plannedFinish: outcome.projectFinish };
  });
}

export async function removeException(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  date: string,
) {
  const { project } = await projectForWrite(s, ctx, projectId);
  checkDate('date', date);
  return s.write(ctx, async (tx, audit) => {
    await lockProject(tx, project.id);
    const before = await findException(tx, project.id, date);
    if (!before || !(await deleteException(tx, project.id, date))) {
      throw notFound(
        { zh: `例外日期 ${date}`, en: `Calendar exception on ${date}` },
        'RENEWAL_EXCEPTION_NOT_FOUND',
      );
    }
    const outcome = await refreshSnapshot(s, tx, project);
    await audit({
      action: 'renewal.exception.remove',
      entityType: 'renewal_project',
      entityId: project.id,
      before: { date: before.day, kind: before.kind, reason: before.reason },
      after: { plannedFinish: outcome.projectFinish },
    });
    return { rows: await listExceptions(tx, project.id), plannedFinish: outcome.projectFinish };
  });
}

/**
 * A rainy daily report counting its day as a rain day: adds the exception inside the report's
 * transaction (nothing if the day is an exception already). The caller re-plans afterwards.
 * True if a day was added.
 */
export async function addRainDayFromReport(
  tx: Db,
  ctx: RequestContext,
  project: ProjectRow,
  date: string,
): Promise<boolean> {
  const row = await insertException(tx, {
    project_id: project.id,
    day: date,
    kind: 'rain',
    reason: EXCEPTION_KIND_NAMES.rain.zh,
    created_by: ctx.principal?.userId ?? null,
  });
  return row !== undefined;
}

/** A report may count its day as a rain day only when its weather is rain or a storm (400 naming rainDay). */
export function checkRainDay(weather: Weather, rainDay: boolean | undefined): void {
  if (rainDay && !RAIN_WEATHERS.includes(weather)) {
    throw invalid('rainDay', {
      zh: '只有天气为雨或暴雨时才能将当天计为雨天停工；请修改天气或取消勾选',
      en: 'Only a day with rain or a rainstorm can count as a rain day; change the weather or untick it',
    });
  }
}
