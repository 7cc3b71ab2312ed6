import {
  type Db,
  daysBetween,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../platform/kit/index.ts';
import { findReportOn, lastReportDate, listProgressUpTo } from '../reports/daily-report.repo.ts';
import { countIssues } from '../reports/project-issue.repo.ts';
import { projectForRead } from './project.policy.ts';
import { listExceptions, type ProjectRow } from './project.repo.ts';
import { listSnapshots, type SnapshotRow, upsertSnapshot } from './schedule.repo.ts';
import { calendarOf, computeSchedule, type ScheduleOutcome, type ScheduleProject } from './schedule.rules.ts';
import { type LinkRow, listLinks, listTasks, type TaskRow } from './task.repo.ts';

/**
 * The schedule of a project on a status date: planned (early) and latest dates from
 * `planProject` on the project calendar, re-planned from the daily reports filed up to the
 * status date. Reads for the API use today (Asia/Shanghai); the daily re-plan and the
 * snapshots after each change store the figures per project per day.
 */

export interface ProjectSchedule {
  project: ProjectRow;
  scheduleProject: ScheduleProject;
  tasks: TaskRow[];
  links: LinkRow[];
  outcome: ScheduleOutcome;
}

/** Loads the network, calendar and reported progress of the project and plans it as of `statusDate`. */
export async function scheduleOf(db: Db, project: ProjectRow, statusDate: string): Promise<ProjectSchedule> {
  const [tasks, links, exceptions, progress] = await Promise.all([
    listTasks(db, project.id),
    listLinks(db, project.id),
    listExceptions(db, project.id),
    listProgressUpTo(db, project.id, statusDate),
  ]);
  const scheduleProject: ScheduleProject = {
    startDate: project.start_date,
    deadline: project.deadline,
    calendar: project.calendar_kind,
    exceptions,
  };
  const outcome = computeSchedule(
    scheduleProject,
    tasks.map((t) => ({ id: t.id, parentId: t.parent_id, duration: t.duration })),
    links.map((l) => ({ from: l.from_task_id, to: l.to_task_id, type: l.type, lag: l.lag })),
    progress,
    statusDate,
  );
  return { project, scheduleProject, tasks, links, outcome };
}

export const snapshotRow = (projectId: string, o: ScheduleOutcome, at: Date): SnapshotRow => ({
  project_id: projectId,
  snapshot_date: o.statusDate,
  project_finish: o.projectFinish,
  feasible: o.feasible,
  days_late: o.daysLate,
  late_task_count: o.lateTaskCount,
  at_risk_task_count: o.atRiskTaskCount,
  progress_bp: o.progressBp,
  computed_at: at,
});

/**
 * Re-plans the project as of today and stores today's snapshot (replacing an earlier one of
 * the same day), inside the caller's transaction: every change to a project's network,
 * calendar or reports keeps the list's figures current.
 */
export async function refreshSnapshot(
  s: PlatformServices,
  tx: Db,
  project: ProjectRow,
): Promise<ScheduleOutcome> {
  const { outcome } = await scheduleOf(tx, project, todayOf(s));
  await upsertSnapshot(tx, snapshotRow(project.id, outcome, s.clock.now()));
  return outcome;
}

/** The project's schedule today, for the Gantt view. */
export async function getProjectSchedule(s: PlatformServices, ctx: RequestContext, projectId: string) {
  const { project } = await projectForRead(s, ctx, projectId);
  return scheduleOf(s.db, project, todayOf(s));
}

/** The project's headline figures today, with the trend of the daily re-plans. */
export async function getProjectDashboard(s: PlatformServices, ctx: RequestContext, projectId: string) {
  const { project } = await projectForRead(s, ctx, projectId);
  const today = todayOf(s);
  const [schedule, todays, last, issues, snapshots] = await Promise.all([
    scheduleOf(s.db, project, today),
    findReportOn(s.db, project.id, today),
    lastReportDate(s.db, project.id, today),
    countIssues(s.db, project.id, today),
    listSnapshots(s.db, project.id, today, 30),
  ]);
  const o = schedule.outcome;
  const cal = calendarOf(schedule.scheduleProject);
  const work = o.tasks.filter((t) => !t.summary);
  return {
    projectId: project.id,
    statusDate: today,
    stage: project.stage,
    startDate: project.start_date,
    deadline: project.deadline,
    calendar: project.calendar_kind,
    plannedFinish: o.projectFinish,
    feasible: o.feasible,
    daysLate: o.daysLate,
    daysToDeadline: daysBetween(today, project.deadline),
    workingDaysToDeadline: cal.workingDaysBetween(today, project.deadline),
    progressPercent: o.progressBp / 100,
    taskCount: work.length,
    doneTaskCount: work.filter((t) => t.status === 'done').length,
    lateTaskCount: o.lateTaskCount,
    atRiskTaskCount: o.atRiskTaskCount,
    criticalTaskCount: o.criticalTaskCount,
    todayReportFiled: todays !== undefined,
    lastReportDate: last,
    openIssueCount: issues.open,
    overdueIssueCount: issues.overdue,
    trend: snapshots
      .map((r) => ({
        date: r.snapshot_date,
        plannedFinish: r.project_finish,
        daysLate: r.days_late,
        lateTaskCount: r.late_task_count,
        atRiskTaskCount: r.at_risk_task_count,
        progressPercent: r.progress_bp / 100,
      }))
      .reverse(),
  };
}
