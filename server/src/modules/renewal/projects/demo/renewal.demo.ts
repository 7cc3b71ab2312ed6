import { demoCreditCode } from '../../../../demo/demo-people.ts';
import { seededRandom } from '../../../../demo/demo-random.ts';
import {
  actAs,
  addDays,
  createOrganisation,
  type DemoContext,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../../platform/kit/index.ts';
import { fileReport } from '../../reports/daily-report.service.ts';
import {
  type BaselineTask,
  progressOn,
  reportOn,
  type Slip,
  sitePhotos,
} from '../../reports/demo/demo-reports.ts';
import { raiseIssueFromProblem, updateIssue } from '../../reports/project-issue.service.ts';
import { findProjectRow, type ProjectRow } from '../project.repo.ts';
import { createProject, updateProject } from '../project.service.ts';
import { replanAllProjects } from '../replan.job.ts';
import { calendarOf, type ScheduleProject } from '../schedule.rules.ts';
import { scheduleOf } from '../schedule.service.ts';
import { importTasks } from '../task-import.service.ts';
import { findOrganisationIdByName, findUserIdByUsername } from './demo.repo.ts';
import { DEMO_ORGS, DEMO_PROJECTS, type DemoProject, PLATFORM_ORGS } from './demo-projects.ts';

/**
 * Demo data of the renewal module: the projects of the source, each with its task network,
 * a plan placed so that today falls where the source's story is, daily reports of the last
 * two weeks derived from that plan (with a slip where the story has one), problems tracked as
 * issues, and the daily re-plans of those two weeks. Everything goes through the module's
 * services acting as the county staff (`anji`, `tiantai`), so it is audited like real work.
 */

const WINDOW = 13;

export async function seedRenewalDemo({ services: s, log }: DemoContext): Promise<void> {
  const today = todayOf(s);
  const r = seededRandom(20240304);
  const ctx = {
    anji: await actAs(s, 'anji', 'demo:renewal'),
    tiantai: await actAs(s, 'tiantai', 'demo:renewal'),
  };
  const orgs = new Map<string, string>();
  for (const [key, name] of Object.entries(PLATFORM_ORGS)) {
    const id = await findOrganisationIdByName(s.db, name);
    if (!id) throw new Error(`demo organisation "${name}" is missing`);
    orgs.set(key, id);
  }
  for (const o of DEMO_ORGS) {
    const parentId = o.parent ? ((await findOrganisationIdByName(s.db, o.parent)) ?? null) : null;
    const row = await createOrganisation(s, ctx[o.as], {
      name: o.name,
      kind: o.kind,
      regionCode: o.regionCode,
      parentId,
      creditCode: o.kind === 'department' ? null : demoCreditCode(r, o.regionCode),
    });
    orgs.set(o.key, row.id);
  }
  const org = (key: string) => {
    const id = orgs.get(key);
    if (!id) throw new Error(`demo organisation key "${key}" is unknown`);
    return id;
  };

  let reports = 0;
  let issues = 0;
  /** The first report of each project: its re-plans are back-filled from that day (before it, nothing was recorded). */
  const firstReport = new Map<string, string>();
  for (const spec of DEMO_PROJECTS) {
    const c = ctx[spec.as];
    const project = await placeProject(s, c, spec, org, today);
    const counts = await fileReports(s, c, spec, project, today, r);
    reports += counts.reports;
    issues += counts.issues;
    if (counts.first) firstReport.set(project.id, counts.first);
  }
  for (let d = WINDOW; d >= 1; d--) {
    const day = addDays(today, -d);
    const started = new Set([...firstReport].filter(([, first]) => first <= day).map(([id]) => id));
    await replanAllProjects(s, day, log, started);
  }
  log(
    `${DEMO_PROJECTS.length} projects, ${reports} daily reports, ${issues} issues, re-planned for ${WINDOW} days`,
  );
}

/** Registers the project, imports its network and moves its start so the plan puts today where the story is. */
async function placeProject(
  s: PlatformServices,
  ctx: RequestContext,
  spec: DemoProject,
  org: (key: string) => string,
  today: string,
): Promise<ProjectRow> {
  const leader = await findUserIdByUsername(s.db, spec.as);
  const created = await createProject(s, ctx, {
    name: spec.name,
    type: spec.type,
    regionCode: spec.regionCode,
    ownerOrganisationId: org(spec.owner),
    deliveryMode: spec.deliveryMode,
    agentBuilderId: spec.agentBuilder ? org(spec.agentBuilder) : null,
    contractorId: org(spec.contractor),
    supervisorId: org(spec.supervisor),
    inspectorId: org(spec.inspector),
    budgetFen: spec.budgetFen,
    startDate: today,
    deadline: addDays(today, 3000),
    stage: 'construction',
    calendar: spec.calendar,
    taskForces: spec.taskForces.map((f) => ({
      stage: f.stage,
      name: f.name,
      members: leader ? [{ userId: leader, role: 'leader' as const, duty: '统筹协调' }] : [],
    })),
  });
  await importTasks(s, ctx, created.id, spec.network());
  // the plan from a start of today: where would the anchor task finish?
  const first = await scheduleOf(s.db, created, created.start_date);
  const anchor = taskByWbs(first, spec.anchor.wbs);
  const start = addDays(today, spec.anchor.offset - daysFrom(today, anchor.earlyFinish));
  await updateProject(s, ctx, created.id, {
    startDate: start,
    deadline: addDays(start, 3000),
    exceptions: (spec.exceptions ?? []).map((e) => ({
      date: addDays(today, e.offset),
      working: e.working,
      reason: e.reason,
    })),
  });
  const moved = (await findProjectRow(s.db, created.id))!;
  const plan = await scheduleOf(s.db, moved, start);
  const deadline =
    'days' in spec.deadline
      ? addDays(start, spec.deadline.days - 1)
      : addDays(plan.outcome.projectFinish, spec.deadline.buffer);
  await updateProject(s, ctx, created.id, { deadline });
  return (await findProjectRow(s.db, created.id))!;
}

const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function taskByWbs(p: Awaited<ReturnType<typeof scheduleOf>>, wbs: string) {
  const task = p.tasks.find((t) => t.wbs_code === wbs);
  const planned = task ? p.outcome.tasks.find((o) => o.id === task.id) : undefined;
  if (!task || !planned) throw new Error(`demo task ${wbs} is missing`);
  return planned;
}

/** The last two weeks of daily reports, from the baseline plan, and the issues raised from their problems. */
async function fileReports(
  s: PlatformServices,
  ctx: RequestContext,
  spec: DemoProject,
  project: ProjectRow,
  today: string,
  r: ReturnType<typeof seededRandom>,
): Promise<{ reports: number; issues: number; first: string | null }> {
  const plan = await scheduleOf(s.db, project, project.start_date);
  const cal = calendarOf(plan.scheduleProject as ScheduleProject);
  const names = new Map(plan.tasks.map((t) => [t.id, t.name]));
  const baseline: BaselineTask[] = plan.outcome.tasks
    .filter((o) => !o.summary)
    .map((o) => ({
      id: o.id,
      name: names.get(o.id) ?? '',
      earlyStart: o.earlyStart,
      earlyFinish: o.earlyFinish,
    }));
  const slip: Slip | undefined = spec.slip
    ? {
        taskId: plan.tasks.find((t) => t.wbs_code === spec.slip!.wbs)!.id,
        extraDays: spec.slip.extraDays,
        from: addDays(today, spec.slip.fromOffset),
      }
    : undefined;
  let previous: string | null = null;
  let first: string | null = null;
  let reports = 0;
  let issues = 0;
  for (let d = -WINDOW; d <= 0; d++) {
    const day = addDays(today, d);
    if (!cal.isWorkingDay(day) || spec.missing.includes(d)) continue;
    const problems = spec.problems.filter((p) => p.offset === d);
    const body = reportOn(
      r,
      spec.site,
      progressOn(baseline, cal, day, previous, slip),
      names,
      day,
      problems.map((p) => ({ text: p.text, severity: p.severity })),
    );
    if (d >= -1) body.photos = await sitePhotos(s, ctx, body.progress ?? [], names);
    const report = await fileReport(s, ctx, project.id, body);
    reports++;
    first ??= day;
    previous = day;
    for (const [i, p] of problems.entries()) {
      if (!p.issue) continue;
      const issue = await raiseIssueFromProblem(s, ctx, report.id, i + 1, {
        dueDate: addDays(day, p.issue.dueIn),
      });
      issues++;
      if (p.issue.resolution) {
        await updateIssue(s, ctx, issue.id, { status: 'resolved', resolution: p.issue.resolution });
      }
    }
  }
  return { reports, issues, first };
}
