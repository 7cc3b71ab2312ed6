/**
 * Benchmark: the renewal project list and project dashboard under load, with 5,000 projects
 * (20 tasks and ~22 links each, 20 days of daily reports, 30 days of re-plan snapshots) on a
 * fresh PostgreSQL database. The data is loaded in bulk through the module's repos (multi-row
 * inserts); the real server (buildApp + listen on 127.0.0.1, a random port) then answers
 * signed-in staff and leader sessions; a small load loop on Node's own fetch keeps N requests
 * in flight for T seconds per endpoint. Prints one JSON line per endpoint:
 * {backend, endpoint, caller, projects, connections, seconds, requests, errors, reqPerSec, p50Ms, p99Ms}.
 *
 *   npx tsx bench/renewal-api.ts
 *   GONGFU_BENCH_PG_URL=postgres://…/postgres   admin connection (default postgres@127.0.0.1)
 *   GONGFU_BENCH_PROJECTS=5000  GONGFU_BENCH_SECONDS=10  GONGFU_BENCH_CONNECTIONS=10
 *   GONGFU_BENCH_EXPLAIN=1                      also print the plans of the endpoints' queries (stderr)
 *   GONGFU_BENCH_KEEP=1                         keep the database for a look with psql (prints its URL)
 *
 * Requests go to 127.0.0.1 only; every phase is bounded in time; the database is dropped after.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CompiledQuery, type QueryId, type RootOperationNode, sql } from 'kysely';
import { buildApp, migrate } from '../server/src/app.ts';
import { demoCreditCode } from '../server/src/demo/demo-people.ts';
import { seededRandom } from '../server/src/demo/demo-random.ts';
import { renewalModule } from '../server/src/modules/renewal/manifest.ts';
import { projectList } from '../server/src/modules/renewal/projects/project.list.ts';
import {
  findProjectRow,
  insertProjects,
  type NewProjectRow,
} from '../server/src/modules/renewal/projects/project.repo.ts';
import {
  insertSnapshots,
  listSnapshots,
  type SnapshotRow,
} from '../server/src/modules/renewal/projects/schedule.repo.ts';
import { computeSchedule } from '../server/src/modules/renewal/projects/schedule.rules.ts';
import { scheduleOf, snapshotRow } from '../server/src/modules/renewal/projects/schedule.service.ts';
import { insertLinks, insertTasks } from '../server/src/modules/renewal/projects/task.repo.ts';
import { addDays } from '../server/src/modules/renewal/renewal.dates.ts';
import {
  findReportOn,
  insertProgressLines,
  insertReports,
  lastReportDate,
} from '../server/src/modules/renewal/reports/daily-report.repo.ts';
import { countIssues } from '../server/src/modules/renewal/reports/project-issue.repo.ts';
import type { ProgressItem } from '../server/src/modules/renewal/shared/progress.rules.ts';
import { createUser, systemContext } from '../server/src/platform/accounts/create-user.ts';
import { actAs } from '../server/src/platform/auth/principal-for.ts';
import { shanghaiDate } from '../server/src/platform/clock.ts';
import { defaultSecurity } from '../server/src/platform/config.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { createOrganisation } from '../server/src/platform/orgs/organisation.service.ts';
import { listRegionChildren } from '../server/src/platform/regions/region.repo.ts';
import { createPgDatabase, TEST_PASSWORD, testConfig } from '../server/src/test/harness.ts';
import { load } from './load-loop.ts';

const PROJECTS = Number(process.env.GONGFU_BENCH_PROJECTS ?? 5000);
const TASKS = 20;
const REPORT_DAYS = 20;
const SNAPSHOT_DAYS = 30;
const SECONDS = Number(process.env.GONGFU_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.GONGFU_BENCH_CONNECTIONS ?? 10);
const WARMUP_SECONDS = 2;
/** Rows per multi-row INSERT (PostgreSQL takes at most 65,535 parameters a statement). */
const CHUNK = 1000;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Every town (level 4) under the county-level regions of Zhejiang: where projects are. */
async function townsOfZhejiang(db: Parameters<typeof listRegionChildren>[0]): Promise<string[]> {
  const towns: string[] = [];
  for (const city of await listRegionChildren(db, '33')) {
    for (const county of await listRegionChildren(db, city.code)) {
      for (const town of await listRegionChildren(db, county.code)) towns.push(town.code);
    }
  }
  return towns;
}

interface Seeded {
  /** Projects a staff member of Huzhou (3305) sees. */
  huzhou: string[];
  all: string[];
}

/** 5,000 projects with their networks, reports and snapshots, in bulk through the repos. */
async function seed(s: Awaited<ReturnType<typeof buildApp>>['services'], today: string): Promise<Seeded> {
  const r = seededRandom(20261127);
  const int = (lo: number, hi: number) => r.int(lo, hi);
  const sys = systemContext('bench');
  const owner = await createOrganisation(s, sys, {
    name: '浙江省住房和城乡建设厅（压测）',
    kind: 'department',
    regionCode: '33',
    parentId: null,
    creditCode: null,
  });
  const contractors: string[] = [];
  for (let i = 0; i < 20; i++) {
    const c = await createOrganisation(s, sys, {
      name: `压测建工${i + 1}有限公司`,
      kind: 'contractor',
      regionCode: '3305',
      parentId: null,
      creditCode: demoCreditCode(r, '330500'),
    });
    contractors.push(c.id);
  }
  const towns = await townsOfZhejiang(s.db);
  const types = ['housing', 'landmark', 'future_community', 'road', 'old_community', 'sewage'] as const;
  const now = new Date();

  const projects: NewProjectRow[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    const start = addDays(today, -int(40, 200));
    projects.push({
      name: `城市更新压测项目${String(i + 1).padStart(5, '0')}`,
      type: types[i % types.length]!,
      region_code: towns[int(0, towns.length - 1)]!,
      owner_org_id: owner.id,
      delivery_mode: 'full_agency',
      agent_builder_id: null,
      contractor_id: contractors[i % contractors.length]!,
      supervisor_id: null,
      inspector_id: null,
      budget_fen: int(1_000, 90_000) * 1_000_000,
      start_date: start,
      deadline: addDays(start, int(300, 500)),
      stage: 'construction',
      calendar_kind: 'calendar-days',
      description: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
  }
  const ids: string[] = [];
  await inChunks(projects, async (chunk) => ids.push(...(await insertProjects(s.db, chunk))));

  const tasks: Parameters<typeof insertTasks>[1] = [];
  const links: Parameters<typeof insertLinks>[1] = [];
  const reports: Parameters<typeof insertReports>[1] = [];
  const progressOf: Array<
    Array<{ taskId: string; percent: number; startedOn: string; finishedOn: string | null }>
  > = [];
  const snapshots: SnapshotRow[] = [];
  for (const [p, projectId] of ids.entries()) {
    const project = projects[p]!;
    // a chain of work with some parallel starts (SS) and a few finish-to-finish ties
    const net = Array.from({ length: TASKS }, (_, i) => ({ id: randomUUID(), duration: int(3, 25), i }));
    const netLinks: Array<{ from: string; to: string; type: 'FS' | 'SS' | 'FF'; lag: number }> = [];
    for (let i = 1; i < TASKS; i++)
      netLinks.push({ from: net[i - 1]!.id, to: net[i]!.id, type: 'FS', lag: 0 });
    const tied = new Set<string>();
    for (let k = 0; k < 3; k++) {
      const a = int(0, TASKS - 3);
      const b = int(a + 2, TASKS - 1);
      if (tied.has(`${a}>${b}`)) continue;
      tied.add(`${a}>${b}`);
      netLinks.push({ from: net[a]!.id, to: net[b]!.id, type: k === 2 ? 'FF' : 'SS', lag: int(0, 3) });
    }
    for (const t of net) {
      tasks.push({
        id: t.id,
        project_id: projectId,
        parent_id: null,
        wbs_code: String(t.i + 1),
        name: `工序${t.i + 1}`,
        duration: t.duration,
        responsible_org_id: project.contractor_id ?? null,
        position: t.i,
        created_at: now,
        updated_at: now,
      });
    }
    for (const l of netLinks) links.push({ projectId, ...l });

    // planned chain dates; reports for the last days: the first lists what finished before it
    const plannedStart: string[] = [];
    let day = project.start_date;
    for (const t of net) {
      plannedStart.push(day);
      day = addDays(day, t.duration);
    }
    const items: ProgressItem[] = [];
    for (let d = REPORT_DAYS - 1; d >= 0; d--) {
      const date = addDays(today, -d);
      if (date < project.start_date) continue;
      const current = Math.max(
        0,
        plannedStart.findLastIndex((s0) => s0 <= date),
      );
      const lines: (typeof progressOf)[number] = [];
      if (d === REPORT_DAYS - 1) {
        for (let i = 0; i < current; i++) {
          lines.push({
            taskId: net[i]!.id,
            percent: 100,
            startedOn: plannedStart[i]!,
            finishedOn: addDays(plannedStart[i + 1]!, -1),
          });
        }
      }
      const t = net[current]!;
      const done = Math.min(
        99,
        Math.floor(((Date.parse(date) - Date.parse(plannedStart[current]!)) / 86_400_000 / t.duration) * 100),
      );
      lines.push({ taskId: t.id, percent: done, startedOn: plannedStart[current]!, finishedOn: null });
      reports.push({
        project_id: projectId,
        report_date: date,
        weather: 'sunny',
        workers_on_site: int(20, 300),
        machinery: JSON.stringify([{ type: '塔吊', count: int(1, 4) }]),
        problems: '[]',
        photos: '[]',
        notes: null,
        filed_by: null,
        filed_by_name: '压测',
        created_at: now,
        updated_at: now,
      });
      progressOf.push(lines);
      for (const l of lines) {
        items.push({
          reportDate: date,
          taskId: l.taskId,
          percent: l.percent,
          startedOn: l.startedOn,
          finishedOn: l.finishedOn,
          remainingDays: null,
        });
      }
    }
    const outcome = computeSchedule(
      {
        startDate: project.start_date,
        deadline: project.deadline,
        calendar: 'calendar-days',
        exceptions: [],
      },
      net.map((t) => ({ id: t.id, parentId: null, duration: t.duration })),
      netLinks,
      items,
      today,
    );
    const latest = snapshotRow(projectId, outcome, now);
    for (let d = 0; d < SNAPSHOT_DAYS; d++) {
      snapshots.push({
        ...latest,
        snapshot_date: addDays(today, -d),
        progress_bp: Math.max(0, latest.progress_bp - d * 20),
      });
    }
  }
  log(`inserting ${tasks.length} tasks, ${links.length} links…`);
  await inChunks(tasks, (chunk) => insertTasks(s.db, chunk));
  await inChunks(links, (chunk) => insertLinks(s.db, chunk));
  log(`inserting ${reports.length} daily reports with their progress lines…`);
  for (let i = 0; i < reports.length; i += CHUNK) {
    const reportIds = await insertReports(s.db, reports.slice(i, i + CHUNK));
    const lines = reportIds.flatMap((reportId, k) =>
      (progressOf[i + k] ?? []).map((l) => ({
        report_id: reportId,
        task_id: l.taskId,
        percent: l.percent,
        started_on: l.startedOn,
        finished_on: l.finishedOn,
        remaining_days: null,
      })),
    );
    await inChunks(lines, (chunk) => insertProgressLines(s.db, chunk));
  }
  log(`inserting ${snapshots.length} schedule snapshots…`);
  await inChunks(snapshots, (chunk) => insertSnapshots(s.db, chunk));
  await sql`analyze`.execute(s.db);
  const huzhou = ids.filter((_, i) => projects[i]!.region_code.startsWith('3305'));
  return { huzhou, all: ids };
}

/** The shared load loop (bench/load-loop.ts) with this benchmark's connection count. */
const runLoad = (urls: string[], cookie: string, seconds: number) =>
  load({ urls, cookie, seconds, connections: CONNECTIONS });

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
    signal: AbortSignal.timeout(10_000),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.includes('gongfu_sid='));
  if (res.status !== 200 || !cookie) throw new Error(`login of ${username} failed: ${res.status}`);
  return cookie.split(';')[0]!;
}

type Db = Awaited<ReturnType<typeof buildApp>>['services']['db'];

/**
 * Runs `work` against a spy of the connection that records every query, then prints each
 * query's plan with EXPLAIN ANALYZE (stderr): where the time of an endpoint goes.
 */
async function explainQueries(db: Db, label: string, work: (spy: Db) => Promise<unknown>): Promise<void> {
  // every builder (subqueries too) passes through transformQuery; only executed queries have a result
  const nodes = new Map<string, { node: RootOperationNode; queryId: QueryId }>();
  const seen: Array<{ node: RootOperationNode; queryId: QueryId }> = [];
  const spy = db.withPlugin({
    transformQuery: (a) => {
      nodes.set(a.queryId.queryId, { node: a.node, queryId: a.queryId });
      return a.node;
    },
    transformResult: async (a) => {
      const q = nodes.get(a.queryId.queryId);
      if (q) seen.push(q);
      return a.result;
    },
  });
  await work(spy);
  for (const { node, queryId } of seen) {
    const q = db.getExecutor().compileQuery(node, queryId);
    const explained = CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]);
    // the second run: a connection's first plans pay for its cold catalog cache
    await db.executeQuery(explained);
    const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(explained);
    log(`\n── ${label}: ${q.sql.slice(0, 160).replace(/\s+/g, ' ')}…`);
    log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
}

async function explainEndpoints(
  s: Awaited<ReturnType<typeof buildApp>>['services'],
  seeded: Seeded,
  today: string,
): Promise<void> {
  const db = s.db;
  const staff = await actAs(s, 'bench.staff', 'bench:explain');
  const leader = await actAs(s, 'bench.leader', 'bench:explain');
  await explainQueries(db, 'list (staff 3305)', (spy) =>
    projectList.list({ ...s, db: spy }, staff, { pageSize: 20 }),
  );
  await explainQueries(db, 'list (leader 33)', (spy) =>
    projectList.list({ ...s, db: spy }, leader, { pageSize: 20 }),
  );
  const project = await findProjectRow(db, seeded.all[0]!);
  if (!project) return;
  await explainQueries(db, 'dashboard', (spy) =>
    Promise.all([
      scheduleOf(spy, project, today),
      findReportOn(spy, project.id, today),
      lastReportDate(spy, project.id, today),
      countIssues(spy, project.id, today),
      listSnapshots(spy, project.id, today, 30),
    ]),
  );
}

async function main() {
  const pg = await createPgDatabase();
  const database = await openDatabase({ databaseUrl: pg.url });
  try {
    log(`migrating ${pg.url.replace(/\/\/[^@]*@/, '//')}…`);
    await migrate(database, [renewalModule]);
    const built = await buildApp({
      config: testConfig({
        security: { ...defaultSecurity, sessionIdleMinutes: 120, sessionAbsoluteHours: 12 },
        masterKey: randomBytes(32).toString('hex'),
      }),
      database,
      modules: [renewalModule],
    });
    const s = built.services;
    const today = shanghaiDate(s.clock.now());
    const t0 = performance.now();
    const seeded = await seed(s, today);
    log(`seeded ${seeded.all.length} projects in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const [username, role, regionCode] of [
      ['bench.staff', 'staff', '3305'],
      ['bench.leader', 'leader', '33'],
    ] as const) {
      await createUser(s, systemContext('bench'), {
        username,
        displayName: username,
        password: TEST_PASSWORD,
        grants: [{ role, regionCode, organisationId: null, programmes: [] }],
      });
    }
    if (process.env.GONGFU_BENCH_EXPLAIN) await explainEndpoints(s, seeded, today);
    await built.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = built.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const cookies = { staff: await login(base, 'bench.staff'), leader: await login(base, 'bench.leader') };
    const list = `${base}/api/renewal/projects?pageSize=20`;
    const dashboards = (ids: string[]) => ids.map((id) => `${base}/api/renewal/projects/${id}/dashboard`);
    const runs: Array<{ endpoint: string; caller: 'staff' | 'leader'; urls: string[] }> = [
      { endpoint: 'GET /api/renewal/projects?pageSize=20', caller: 'staff', urls: [list] },
      { endpoint: 'GET /api/renewal/projects?pageSize=20', caller: 'leader', urls: [list] },
      {
        endpoint: 'GET /api/renewal/projects/:id/dashboard',
        caller: 'staff',
        urls: dashboards(seeded.huzhou),
      },
      { endpoint: 'GET /api/renewal/projects/:id/dashboard', caller: 'leader', urls: dashboards(seeded.all) },
    ];
    log(`staff (湖州 3305) sees ${seeded.huzhou.length} projects, the leader (浙江 33) ${seeded.all.length}`);
    for (const run of runs) {
      await runLoad(run.urls, cookies[run.caller], WARMUP_SECONDS);
      const r = await runLoad(run.urls, cookies[run.caller], SECONDS);
      console.log(
        JSON.stringify({
          backend: 'postgres',
          endpoint: run.endpoint,
          caller: run.caller,
          projects: seeded.all.length,
          connections: CONNECTIONS,
          seconds: SECONDS,
          ...r,
        }),
      );
    }
    await built.app.close();
  } finally {
    await database.close().catch(() => {});
    if (process.env.GONGFU_BENCH_KEEP) log(`kept ${pg.url}: drop it when done`);
    else await pg.drop();
  }
}

await main();
