import {
  checkDate,
  conflict,
  type Db,
  IMAGE_TYPES,
  invalid,
  type PlatformServices,
  pageWindow,
  type RequestContext,
  shanghaiDate,
  todayOf,
} from '../../../platform/kit/index.ts';
import { findException } from '../projects/calendar-exception.repo.ts';
import { addRainDayFromReport, checkRainDay } from '../projects/calendar-exception.service.ts';
import { projectForReport } from '../projects/project.policy.ts';
import { lockProject, type ProjectRow } from '../projects/project.repo.ts';
import { refreshSnapshot } from '../projects/schedule.service.ts';
import { listTasks } from '../projects/task.repo.ts';
import { RENEWAL_READ, renewalScope } from '../shared/renewal.scope.ts';
import { reportForAmend, reportForRead } from './daily-report.policy.ts';
import {
  findMissingPage,
  findReportOn,
  insertReport,
  isReportDayTaken,
  listProgressOf,
  patchReport,
  type ReportRow,
  replaceProgress,
} from './daily-report.repo.ts';
import { checkProgress } from './daily-report.rules.ts';
import type { AmendReportInput, FileReportInput, MissingQueryT } from './daily-report.schemas.ts';
import { issuesOfReport } from './project-issue.repo.ts';

/**
 * Daily reports (工程日报): one per project per day, filed by staff or the contractor,
 * amendable on the day it was filed; its progress lines re-plan the schedule at once.
 */

const dayTaken = (date: string) =>
  conflict(
    'date',
    {
      zh: `该项目 ${date} 的工程日报已填报，每天只能有一份；如需更正，请修改当天的日报`,
      en: `The project already has a daily report for ${date} (one a day); amend that report instead`,
    },
    'RENEWAL_REPORT_EXISTS',
  );

/** Filed today (Asia/Shanghai): may still be amended. */
export const isAmendable = (s: PlatformServices, r: Pick<ReportRow, 'created_at'>) =>
  shanghaiDate(r.created_at) === todayOf(s);

/** What the audit log keeps of a report's content (the progress lines by count). */
const snapshot = (r: AmendReportInput, progressCount: number) => ({
  weather: r.weather,
  workersOnSite: r.workersOnSite,
  machinery: r.machinery ?? [],
  problems: r.problems ?? [],
  photos: (r.photos ?? []).length,
  progressLines: progressCount,
});

function reportValues(input: AmendReportInput) {
  return {
    weather: input.weather,
    workers_on_site: input.workersOnSite,
    machinery: JSON.stringify(input.machinery ?? []),
    problems: JSON.stringify(
      (input.problems ?? []).map((p) => ({ text: p.text.trim(), severity: p.severity })),
    ),
    photos: JSON.stringify(
      (input.photos ?? []).map((p) => ({
        description: p.description?.trim() ?? '',
        url: null,
        fileId: p.fileId,
      })),
    ),
    notes: input.notes?.trim() || null,
  };
}

/** The report's photos become its attachments: uploaded by the filer, images only. */
const attachPhotos = (
  s: PlatformServices,
  tx: Db,
  ctx: RequestContext,
  reportId: string,
  input: AmendReportInput,
  replace: boolean,
) =>
  s.files.attach(
    tx,
    ctx,
    (input.photos ?? []).map((p) => p.fileId),
    { entityType: 'renewal_daily_report', entityId: reportId },
    { field: (i) => `photos.${i}.fileId`, accept: IMAGE_TYPES, replace },
  );

function checkReportDate(project: ProjectRow, date: string, today: string): void {
  checkDate('date', date);
  if (date > today) {
    throw invalid('date', {
      zh: `不能填报未来日期（${date}）的日报，今天是 ${today}`,
      en: `A report cannot be filed for a future day (${date}); today is ${today}`,
    });
  }
  if (date < project.start_date) {
    throw invalid('date', {
      zh: `日报日期（${date}）早于项目开工日期（${project.start_date}）`,
      en: `The report date (${date}) is before the project's start date (${project.start_date})`,
    });
  }
}

export async function fileReport(
  s: PlatformServices,
  ctx: RequestContext,
  projectId: string,
  input: FileReportInput,
) {
  const { project } = await projectForReport(s, ctx, projectId);
  const today = todayOf(s);
  const date = input.date ?? today;
  checkReportDate(project, date, today);
  checkRainDay(input.weather, input.rainDay);
  if (await findReportOn(s.db, projectId, date)) throw dayTaken(date);
  try {
    return await s.write(ctx, async (tx, audit) => {
      await lockProject(tx, projectId);
      const progress = checkProgress(input.progress ?? [], await listTasks(tx, projectId), date);
      const row = await insertReport(tx, {
        project_id: projectId,
        report_date: date,
        ...reportValues(input),
        filed_by: ctx.principal?.userId ?? null,
        filed_by_name: ctx.principal?.displayName ?? ctx.systemActor ?? null,
        created_at: s.clock.now(),
        updated_at: s.clock.now(),
      });
      await replaceProgress(tx, row.id, progress);
      await attachPhotos(s, tx, ctx, row.id, input, false);
      const rainDay = input.rainDay ? await addRainDayFromReport(tx, ctx, project, date) : false;
      await refreshSnapshot(s, tx, project);
      await audit({
        action: 'renewal.report.file',
        entityType: 'renewal_daily_report',
        entityId: row.id,
        after: {
          projectId,
          date,
          ...snapshot(input, progress.length),
          ...(rainDay ? { rainDayAdded: date } : {}),
        },
      });
      return row;
    });
  } catch (e) {
    if (isReportDayTaken(e)) throw dayTaken(date);
    throw e;
  }
}

export async function amendReport(
  s: PlatformServices,
  ctx: RequestContext,
  reportId: string,
  input: AmendReportInput,
) {
  const { project, report: before } = await reportForAmend(s, ctx, reportId);
  if (!isAmendable(s, before)) {
    throw conflict(
      'date',
      {
        zh: `日报只能在填报当天修改（本日报填报于 ${shanghaiDate(before.created_at)}）；如有更正，请在今天的日报中说明`,
        en: `A report can only be amended on the day it was filed (this one: ${shanghaiDate(before.created_at)}); note corrections in today's report`,
      },
      'RENEWAL_REPORT_CLOSED',
    );
  }
  checkRainDay(input.weather, input.rainDay);
  return s.write(ctx, async (tx, audit) => {
    await lockProject(tx, project.id);
    const progress = checkProgress(input.progress ?? [], await listTasks(tx, project.id), before.report_date);
    await keepTrackedProblems(tx, before, input.problems ?? []);
    const row = await patchReport(tx, reportId, {
      ...reportValues(input),
      amended_by: ctx.principal?.userId ?? null,
      amended_by_name: ctx.principal?.displayName ?? ctx.systemActor ?? null,
      amended_at: s.clock.now(),
      updated_at: s.clock.now(),
    });
    await replaceProgress(tx, reportId, progress);
    await attachPhotos(s, tx, ctx, reportId, input, true);
    const rainDay = input.rainDay ? await addRainDayFromReport(tx, ctx, project, before.report_date) : false;
    await refreshSnapshot(s, tx, project);
    await audit({
      action: 'renewal.report.amend',
      entityType: 'renewal_daily_report',
      entityId: reportId,
      before: { date: before.report_date, problems: before.problems, workersOnSite: before.workers_on_site },
      after: {
        date: before.report_date,
        ...snapshot(input, progress.length),
        ...(rainDay ? { rainDayAdded: before.report_date } : {}),
      },
    });
    return row;
  });
}

/** A problem that became a tracked issue stays in the report unchanged (same number, text and severity). */
async function keepTrackedProblems(
  tx: Db,
  before: ReportRow,
  problems: NonNullable<AmendReportInput['problems']>,
): Promise<void> {
  const tracked = await issuesOfReport(tx, before.id);
  for (const n of tracked.keys()) {
    const old = before.problems[n - 1];
    const now = problems[n - 1];
    if (!old || !now || now.text.trim() !== old.text || now.severity !== old.severity) {
      throw conflict(
        `problems.${n - 1}`,
        {
          zh: `第 ${n} 个问题已转为跟踪事项，不能删除或修改；请保留它并在其后添加新问题`,
          en: `Problem ${n} is tracked as an issue and cannot be removed or changed; keep it and add new problems after it`,
        },
        'RENEWAL_PROBLEM_TRACKED',
      );
    }
  }
}

/** One report with its progress lines and the issues made of its problems. */
export async function getReport(s: PlatformServices, ctx: RequestContext, reportId: string) {
  const { report, can } = await reportForRead(s, ctx, reportId);
  const [progress, issues, exception] = await Promise.all([
    listProgressOf(s.db, reportId),
    issuesOfReport(s.db, reportId),
    findException(s.db, report.project_id, report.report_date),
  ]);
  const rainDay = exception !== undefined && !exception.working;
  // the caller may read the report: its photos come with signed links
  const files = await s.files.describe(report.photos.flatMap((p) => (p.fileId ? [p.fileId] : [])));
  return { report, progress, issues, amendable: isAmendable(s, report), rainDay, files, can };
}

/** Projects under construction in the caller's scope without a report for the day (default today). */
export async function listMissingReports(s: PlatformServices, ctx: RequestContext, q: MissingQueryT) {
  const scope = await renewalScope(s, ctx, RENEWAL_READ);
  const date = q.date ? checkDate('date', q.date) : todayOf(s);
  const { page, pageSize, offset, limit } = pageWindow(q);
  const { rows, total } = await findMissingPage(s.db, scope, date, q.regionCode, { limit, offset });
  return { date, rows, total, page, pageSize };
}
