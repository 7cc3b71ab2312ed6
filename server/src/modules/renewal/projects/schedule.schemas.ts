import { Type } from 'typebox';
import { Nullable, OrgRef } from '../../../platform/kit/index.ts';
import { CalendarSchema, StageSchema } from './project.schemas.ts';
import { LinkView } from './task.schemas.ts';

const TaskStatus = Type.Union([
  Type.Literal('not-started'),
  Type.Literal('in-progress'),
  Type.Literal('done'),
]);

export const ScheduleTaskView = Type.Object(
  {
    id: Type.String(),
    wbsCode: Nullable(Type.String()),
    name: Type.String(),
    parentId: Nullable(Type.String()),
    summary: Type.Boolean({ description: 'spans its sub-tasks; not scheduled itself' }),
    duration: Type.Integer(),
    responsibleOrganisation: Nullable(OrgRef),
    status: TaskStatus,
    percent: Type.Number({ description: '0–100, from the daily reports' }),
    earlyStart: Type.String({ description: 'planned (earliest) start' }),
    earlyFinish: Type.String({ description: 'planned (earliest) finish' }),
    lateStart: Type.String({ description: 'latest start that still meets the deadline' }),
    lateFinish: Type.String({ description: 'latest finish that still meets the deadline' }),
    actualStart: Nullable(Type.String({ description: 'from the daily reports' })),
    actualFinish: Nullable(Type.String({ description: 'from the daily reports' })),
    remaining: Nullable(Type.Integer({ description: 'working days left from today (in progress)' })),
    totalFloat: Type.Integer({ description: 'working days; negative: cannot make the deadline' }),
    freeFloat: Type.Integer(),
    critical: Type.Boolean({ description: 'no float left against the deadline: total float <= 0' }),
    lateStartPassed: Type.Boolean({ description: 'not started although its latest start has passed' }),
    daysToLateStart: Nullable(
      Type.Integer({
        description: 'countdown: working days from today to the latest start (negative: passed)',
      }),
    ),
    late: Type.Boolean({ description: 'not done, and its latest start has passed or its float is negative' }),
    atRisk: Type.Boolean({ description: 'not done, not late, float of 3 working days or less' }),
  },
  { title: 'ScheduleTaskView' },
);

export const ScheduleView = Type.Object(
  {
    projectId: Type.String(),
    statusDate: Type.String({ description: 'today (Asia/Shanghai): progress is re-planned from here' }),
    startDate: Type.String(),
    deadline: Type.String(),
    calendar: CalendarSchema,
    projectFinish: Type.String({ description: 'planned finish of the project' }),
    feasible: Type.Boolean(),
    daysLate: Type.Integer({
      description: 'working days (of the project calendar) the planned finish is past the deadline',
    }),
    criticalPath: Type.Array(Type.String(), {
      description: 'task ids of one critical chain, in order; empty when every open task has float left',
    }),
    tasks: Type.Array(ScheduleTaskView),
    links: Type.Array(LinkView),
  },
  { title: 'ProjectScheduleView' },
);

const TrendPoint = Type.Object({
  date: Type.String(),
  plannedFinish: Type.String(),
  daysLate: Type.Integer(),
  lateTaskCount: Type.Integer(),
  atRiskTaskCount: Type.Integer(),
  progressPercent: Type.Number(),
});

export const DashboardView = Type.Object(
  {
    projectId: Type.String(),
    statusDate: Type.String(),
    stage: StageSchema,
    startDate: Type.String(),
    deadline: Type.String(),
    calendar: CalendarSchema,
    plannedFinish: Type.String(),
    feasible: Type.Boolean(),
    daysLate: Type.Integer(),
    daysToDeadline: Type.Integer({
      description: 'calendar days from today to the deadline (negative: passed)',
    }),
    workingDaysToDeadline: Type.Integer({ description: 'working days on the project calendar' }),
    progressPercent: Type.Number({ description: 'duration-weighted, 0–100' }),
    taskCount: Type.Integer({
      description:
        'work tasks (summaries not counted); 0: not scheduled yet (未排期), the dates mean nothing',
    }),
    doneTaskCount: Type.Integer(),
    lateTaskCount: Type.Integer(),
    atRiskTaskCount: Type.Integer(),
    criticalTaskCount: Type.Integer(),
    todayReportFiled: Type.Boolean(),
    lastReportDate: Nullable(Type.String()),
    openIssueCount: Type.Integer(),
    overdueIssueCount: Type.Integer(),
    trend: Type.Array(TrendPoint, { description: 'daily re-plans of the last 30 days, oldest first' }),
  },
  { title: 'DashboardView' },
);
