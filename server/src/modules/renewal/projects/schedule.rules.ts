import { officialCalendar } from '@gongfu/domain/cn/holidays/index';
import {
  type CalendarSpec,
  createCalendar,
  parseDay,
  type WorkingCalendar,
} from '@gongfu/domain/renewal/calendar';
import {
  type PlanResult,
  type PlanTask,
  planProject,
  type TaskStatus,
} from '@gongfu/domain/renewal/schedule';
import { foldProgress, type ProgressItem, type TaskProgress } from '../shared/progress.rules.ts';
import type { CalendarKindName, LinkTypeName } from '../shared/renewal.tables.ts';

/**
 * A project's schedule on a status date (pure): the project calendar, progress folded from
 * the daily reports, `planProject` over the work tasks, and roll-ups for summary tasks
 * (a task with sub-tasks is a summary: it is not scheduled itself, its dates span its
 * sub-tasks'). Late: not done and its latest start has passed, or its float is negative.
 * At risk: not done, not late, and at most AT_RISK_FLOAT working days of float.
 */

export const AT_RISK_FLOAT = 3;

export interface ScheduleProject {
  startDate: string;
  deadline: string;
  calendar: CalendarKindName;
  exceptions: ReadonlyArray<{ day: string; working: boolean }>;
}

export interface ScheduleTaskInput {
  id: string;
  parentId: string | null;
  duration: number;
}

export interface ScheduleLinkInput {
  from: string;
  to: string;
  type: LinkTypeName;
  lag: number;
}

export interface TaskOutcome {
  id: string;
  summary: boolean;
  status: TaskStatus;
  /** 0–100. */
  percent: number;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  actualStart: string | null;
  actualFinish: string | null;
  remaining: number | null;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  lateStartPassed: boolean;
  /** Working days from the status date to the latest start (negative: passed); null once started. */
  daysToLateStart: number | null;
  late: boolean;
  atRisk: boolean;
}

export interface ScheduleOutcome {
  statusDate: string;
  projectFinish: string;
  feasible: boolean;
  daysLate: number;
  criticalPath: string[];
  tasks: TaskOutcome[];
  /** Duration-weighted progress of the work tasks, in basis points (0–10000). */
  progressBp: number;
  lateTaskCount: number;
  atRiskTaskCount: number;
  criticalTaskCount: number;
}

/** The project's working calendar: official holidays 2024–2026 for workdays, plus its own exceptions. */
export function calendarSpecOf(p: ScheduleProject): CalendarSpec {
  const nonWorkingDays = p.exceptions.filter((e) => !e.working).map((e) => e.day);
  const extraWorkingDays = p.exceptions.filter((e) => e.working).map((e) => e.day);
  if (p.calendar === 'workdays') {
    const official = officialCalendar();
    return { kind: 'workdays', ...official, nonWorkingDays, extraWorkingDays };
  }
  return { kind: 'calendar-days', nonWorkingDays, extraWorkingDays };
}

export const calendarOf = (p: ScheduleProject): WorkingCalendar => createCalendar(calendarSpecOf(p));

/** Ids of tasks that have sub-tasks. */
export const summaryIds = (tasks: readonly ScheduleTaskInput[]): Set<string> =>
  new Set(tasks.flatMap((t) => (t.parentId ? [t.parentId] : [])));

export function computeSchedule(
  project: ScheduleProject,
  tasks: readonly ScheduleTaskInput[],
  links: readonly ScheduleLinkInput[],
  progressItems: readonly ProgressItem[],
  statusDate: string,
): ScheduleOutcome {
  const spec = calendarSpecOf(project);
  const cal = createCalendar(spec);
  const summaries = summaryIds(tasks);
  const work = tasks.filter((t) => !summaries.has(t.id));
  const progress = foldProgress(progressItems, new Map(work.map((t) => [t.id, t.duration])), cal, statusDate);
  const plan = planProject({
    tasks: work.map((t) => planTask(t, progress.get(t.id))),
    links: links.filter((l) => !summaries.has(l.from) && !summaries.has(l.to)),
    start: project.startDate,
    deadline: project.deadline,
    calendar: spec,
    statusDate,
  });
  // Countdowns count working days after the status date, as WORKDAY does: 0 = the status date itself.
  const statusOrdinal = cal.ordinalOnOrBefore(parseDay(statusDate));
  const outcomes = new Map<string, TaskOutcome>();
  let weighted = 0;
  let total = 0;
  let late = 0;
  let atRisk = 0;
  let critical = 0;
  for (const t of work) {
    const o = workOutcome(t, plan, progress.get(t.id), cal, statusDate, statusOrdinal);
    outcomes.set(t.id, o);
    weighted += t.duration * o.percent;
    total += t.duration;
    if (o.late) late++;
    if (o.atRisk) atRisk++;
    if (o.critical) critical++;
  }
  rollUp(tasks, summaries, outcomes);
  return {
    statusDate,
    projectFinish: plan.projectFinish,
    feasible: plan.feasible,
    daysLate: plan.daysLate,
    criticalPath: plan.criticalPath,
    tasks: tasks.flatMap((t) => outcomes.get(t.id) ?? []),
    progressBp: total === 0 ? 0 : Math.round((weighted / total) * 100),
    lateTaskCount: late,
    atRiskTaskCount: atRisk,
    criticalTaskCount: critical,
  };
}

function planTask(t: ScheduleTaskInput, p: TaskProgress | undefined): PlanTask {
  return {
    id: t.id,
    duration: t.duration,
    ...(p?.actualStart !== undefined ? { actualStart: p.actualStart } : {}),
    ...(p?.actualFinish !== undefined ? { actualFinish: p.actualFinish } : {}),
    ...(p?.remaining !== undefined ? { remaining: p.remaining } : {}),
  };
}

function workOutcome(
  t: ScheduleTaskInput,
  plan: PlanResult,
  p: TaskProgress | undefined,
  cal: WorkingCalendar,
  statusDate: string,
  statusOrdinal: number,
): TaskOutcome {
  const r = plan.tasks[t.id]!;
  const done = r.status === 'done';
  const remaining =
    r.status === 'in-progress'
      ? cal.countWorkingDays(statusDate > r.earlyStart ? statusDate : r.earlyStart, r.earlyFinish)
      : null;
  const percent = done
    ? 100
    : r.status === 'not-started'
      ? 0
      : (p?.percent ??
        Math.min(99, Math.max(0, Math.round(((t.duration - (remaining ?? t.duration)) / t.duration) * 100))));
  const isLate = !done && (r.lateStartPassed || r.totalFloat < 0);
  return {
    id: t.id,
    summary: false,
    status: r.status,
    percent,
    earlyStart: r.earlyStart,
    earlyFinish: r.earlyFinish,
    lateStart: r.lateStart,
    lateFinish: r.lateFinish,
    actualStart: p?.actualStart ?? null,
    actualFinish: p?.actualFinish ?? null,
    remaining,
    totalFloat: r.totalFloat,
    freeFloat: r.freeFloat,
    critical: r.critical,
    lateStartPassed: r.lateStartPassed,
    daysToLateStart:
      r.status === 'not-started' ? cal.ordinalOnOrBefore(parseDay(r.lateStart)) - statusOrdinal : null,
    late: isLate,
    atRisk: !done && !isLate && r.totalFloat <= AT_RISK_FLOAT,
  };
}

/** Summary tasks span their sub-tasks (deepest first, so nested summaries roll up in turn). */
function rollUp(
  tasks: readonly ScheduleTaskInput[],
  summaries: ReadonlySet<string>,
  outcomes: Map<string, TaskOutcome>,
): void {
  const children = new Map<string, ScheduleTaskInput[]>();
  for (const t of tasks) if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const parentOf = new Map(tasks.map((t) => [t.id, t.parentId]));
  const depth = (id: string): number => {
    let d = 0;
    for (let p = parentOf.get(id); p && d <= tasks.length; p = parentOf.get(p)) d++;
    return d;
  };
  const order = [...summaries].sort((a, b) => depth(b) - depth(a));
  const weight = new Map(tasks.map((t) => [t.id, t.duration]));
  for (const id of order) {
    const kids = (children.get(id) ?? []).flatMap((c) => outcomes.get(c.id) ?? []);
    if (kids.length === 0) continue;
    // ISO dates sort as text
    const min = (f: (o: TaskOutcome) => string) => kids.map(f).sort()[0]!;
    const max = (f: (o: TaskOutcome) => string) => kids.map(f).sort().at(-1)!;
    const allDone = kids.every((k) => k.status === 'done');
    const started = kids.some((k) => k.status !== 'not-started');
    const open = kids.filter((k) => k.status !== 'done');
    const w = (k: TaskOutcome) => weight.get(k.id) ?? 1;
    const starts = kids.flatMap((k) => (k.actualStart ? [k.actualStart] : []));
    const countdowns = kids.flatMap((k) => (k.daysToLateStart === null ? [] : [k.daysToLateStart]));
    outcomes.set(id, {
      id,
      summary: true,
      status: allDone ? 'done' : started ? 'in-progress' : 'not-started',
      percent: Math.round(
        kids.reduce((s, k) => s + w(k) * k.percent, 0) / kids.reduce((s, k) => s + w(k), 0),
      ),
      earlyStart: min((k) => k.earlyStart),
      earlyFinish: max((k) => k.earlyFinish),
      lateStart: min((k) => k.lateStart),
      lateFinish: max((k) => k.lateFinish),
      actualStart: starts.sort()[0] ?? null,
      actualFinish: allDone ? max((k) => k.actualFinish ?? k.earlyFinish) : null,
      remaining: null,
      totalFloat: open.length > 0 ? Math.min(...open.map((k) => k.totalFloat)) : 0,
      freeFloat: open.length > 0 ? Math.min(...open.map((k) => k.freeFloat)) : 0,
      critical: kids.some((k) => k.critical),
      lateStartPassed: kids.some((k) => k.lateStartPassed),
      daysToLateStart: started || countdowns.length === 0 ? null : Math.min(...countdowns),
      late: kids.some((k) => k.late),
      atRisk: !kids.some((k) => k.late) && kids.some((k) => k.atRisk),
    });
  }
}
