/**
 * Benchmark (issue 10): the list pages under load, against a bare server in the same run.
 *
 * A fresh PostgreSQL database (bench_perf_…) gets 100,000 people, 40,000 of them living in
 * 安吉县 (330523, spread over its towns and villages, their registration times interleaved
 * with everyone else's), and 5,000 renewal projects, 54 of them in 安吉 (each with a schedule
 * snapshot and a few daily reports and tasks). Then, each in a process of its own:
 *   - Gongfu itself (`gongfu serve`, production mode, request log to a file);
 *   - bench/bare-server.ts: bare Fastify + pg answering the same people page with one indexed query;
 *   - with BENCH_DIRECTUS=1, Directus 11.3.5 over the same database (installed with npm into a
 *     temporary folder outside the repository; skipped, and said so, when that fails).
 * A county staff member of 安吉 and a province leader (浙江 33) sign in; a load loop in a worker
 * thread of this process keeps 20 requests in flight, 3 s of warm-up then 10 s measured per
 * row; the bare server's row is measured next to Gongfu's, so the ratio compares one run.
 * Last, Gongfu on embedded PGlite with its demo data (a separate data folder).
 *
 * Before the load, the list queries are planned with EXPLAIN (ANALYZE, FORMAT JSON) as the
 * repositories build them: a Seq Scan over persons or renewal_projects, or a Sort that reads
 * more than 1,000 rows, fails the benchmark (exit code 1) with the plan on stderr.
 *
 * Prints one JSON line per row: {backend, server, page, caller, connections, seconds, requests,
 * errors, reqPerSec, p50Ms, p99Ms, bytes, ratioToBare, serverCpuMsPerReq, pgCpuMsPerReq, load1}
 * (the CPU the server process and the database's backends spent per request, from /proc: far
 * steadier than req/s on a shared machine), and {seeded}, {plan}, {baseline}, {directus} lines;
 * bench/run.ts turns them into the report's section (bench/list-pages.report.ts).
 *
 *   npx tsx bench/list-pages.ts
 *   GONGFU_BENCH_PG_URL=postgres://…/postgres   admin connection (default postgres@127.0.0.1)
 *   GONGFU_BENCH_SECONDS=10  GONGFU_BENCH_WARMUP=3  GONGFU_BENCH_CONNECTIONS=20
 *   GONGFU_BENCH_PEOPLE=100000  GONGFU_BENCH_PROJECTS=5000
 *   GONGFU_BENCH_PGLITE=0        skip the PGlite demo rows (GONGFU_BENCH_POSTGRES=0: only them)
 *   BENCH_DIRECTUS=1             also Directus (BENCH_DIRECTUS_DIR: an installed copy to reuse)
 *   GONGFU_BENCH_BASELINE=<dir>  also an older checkout of Gongfu, on a database of its own (see startBaseline);
 *                                GONGFU_BENCH_BASELINE_LABEL names it in the report
 *   GONGFU_BENCH_KEEP=1          keep the database afterwards (prints its URL and how to reuse it)
 *
 * Requests go to 127.0.0.1 only; every phase is bounded in time; children are stopped and the
 * database dropped at the end, also on failure.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CompiledQuery, type Kysely, type QueryId, type RootOperationNode, sql } from 'kysely';
import pg from 'pg';
import { buildApp, composeManifests, migrate } from '../server/src/app.ts';
import { demoCreditCode, demoPerson } from '../server/src/demo/demo-people.ts';
import { seededRandom } from '../server/src/demo/demo-random.ts';
import { modules } from '../server/src/modules/index.ts';
import { projectList } from '../server/src/modules/renewal/projects/project.list.ts';
import { createUser, systemContext } from '../server/src/platform/accounts/create-user.ts';
import { Access } from '../server/src/platform/auth/access.ts';
import { actAs } from '../server/src/platform/auth/principal-for.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { createOrganisation } from '../server/src/platform/orgs/organisation.service.ts';
import { listPersons, type PersonInsert } from '../server/src/platform/people/person.repo.ts';
import { validateNewPerson } from '../server/src/platform/people/person.service.ts';
import { TEST_PASSWORD, testConfig } from '../server/src/test/harness.ts';
import { load } from './load-loop.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ADMIN_URL = process.env.GONGFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PEOPLE = Number(process.env.GONGFU_BENCH_PEOPLE ?? 100_000);
const COUNTY_SHARE = 0.4;
const PROJECTS = Number(process.env.GONGFU_BENCH_PROJECTS ?? 5000);
const COUNTY_PROJECTS = 54;
const SECONDS = Number(process.env.GONGFU_BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.GONGFU_BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.GONGFU_BENCH_CONNECTIONS ?? 20);
const PAGE_SIZE = 50;
const COUNTY = '330523';
const PROVINCE = '33';
/** A Sort node reading more rows than this sorts the scope, not a page. */
const SORT_ROWS_LIMIT = 1000;
const CHUNK = 1000;
const STARTUP_MS = 300_000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const run = promisify(execFile);

// ------------------------------------------------------------------ database and data

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_perf_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

type Services = Awaited<ReturnType<typeof buildApp>>['services'];
type Db = Services['db'];
/** The renewal tables the seed writes, by their SQL columns (the module's repos are not needed). */
type SeedDb = Kysely<Record<string, Record<string, unknown>>>;

async function regionCodes(db: Db, under: string, exclude?: string): Promise<string[]> {
  const rows = await db
    .selectFrom('regions')
    .select('code')
    .where('code', 'like', `${under}%`)
    .where('level', '>=', 4)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code).filter((c) => !exclude || !c.startsWith(exclude));
}

/** 100,000 valid fictitious people; 40 % in 安吉, registered over two years, interleaved. */
async function seedPeople(s: Services): Promise<{ county: number; all: number }> {
  const r = seededRandom(20261210);
  const county = await regionCodes(s.db, COUNTY);
  const elsewhere = await regionCodes(s.db, PROVINCE, COUNTY);
  const seen = new Set<string>();
  const start = Date.parse('2025-01-01T00:00:00Z');
  const step = Math.floor((2 * 365 * 86_400_000) / PEOPLE);
  let inCounty = 0;
  let batch: PersonInsert[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const here = i % 5 < COUNTY_SHARE * 5;
    if (here) inCounty++;
    const residence = r.pick(here ? county : elsewhere);
    let p = demoPerson(r, residence);
    while (seen.has(p.citizenId)) p = demoPerson(r, residence);
    seen.add(p.citizenId);
    const v = validateNewPerson(s, {
      name: p.name,
      citizenId: p.citizenId,
      mobile: p.mobile,
      regionCode: residence,
    });
    if (!v.values) throw new Error(`generated person ${i} is invalid: ${v.problems[0]?.message}`);
    // imports register whole batches at one instant: every 20 people share one
    const at = new Date(start + Math.floor(i / 20) * 20 * step);
    batch.push({ ...v.values, created_at: at, updated_at: at });
    if (batch.length === CHUNK) {
      await s.db.insertInto('persons').values(batch).execute();
      batch = [];
    }
  }
  if (batch.length > 0) await s.db.insertInto('persons').values(batch).execute();
  return { county: inCounty, all: PEOPLE };
}

/** 5,000 projects (54 in 安吉), each with five days of schedule snapshots, ten daily reports and 20 tasks. */
async function seedProjects(s: Services): Promise<{ county: number; all: number }> {
  const r = seededRandom(20261211);
  const sys = systemContext('bench');
  const owner = await createOrganisation(s, sys, {
    name: '浙江省住房和城乡建设厅（压测）',
    kind: 'department',
    regionCode: PROVINCE,
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
  const towns = (codes: string[]) => codes.filter((c) => c.length === 9);
  const county = towns(await regionCodes(s.db, COUNTY));
  const elsewhere = towns(await regionCodes(s.db, PROVINCE, COUNTY));
  const types = ['housing', 'landmark', 'future_community', 'road', 'old_community', 'sewage'];
  const stages = ['initiation', 'design', 'construction', 'acceptance'];
  const db = s.db as unknown as SeedDb;
  const now = new Date();
  const rows: Array<Record<string, unknown>> = [];
  const every = Math.floor(PROJECTS / COUNTY_PROJECTS);
  for (let i = 0; i < PROJECTS; i++) {
    const inCounty = i % every === 0 && i / every < COUNTY_PROJECTS;
    const start = new Date(Date.UTC(2025, r.int(0, 11), r.int(1, 28)));
    const deadline = new Date(start.getTime() + r.int(300, 500) * 86_400_000);
    rows.push({
      name: `城市更新压测项目${String(i + 1).padStart(5, '0')}`,
      type: types[i % types.length],
      region_code: r.pick(inCounty ? county : elsewhere),
      owner_org_id: owner.id,
      delivery_mode: 'full_agency',
      contractor_id: contractors[i % contractors.length],
      budget_fen: r.int(1_000, 90_000) * 1_000_000,
      start_date: start.toISOString().slice(0, 10),
      deadline: deadline.toISOString().slice(0, 10),
      stage: stages[i % stages.length],
      calendar_kind: 'calendar-days',
      created_at: now,
      updated_at: now,
    });
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('renewal_projects')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
  // the rows the list joins, generated where they are stored; dated by the Asia/Shanghai day, as the
  // server's, so that its daily re-plan finds today's snapshots made and has nothing to do at start
  await sql`insert into renewal_schedule_snapshots (project_id, snapshot_date, project_finish, feasible,
      days_late, late_task_count, at_risk_task_count, progress_bp, computed_at)
    select p.id, (now() at time zone 'Asia/Shanghai')::date - d, p.deadline + (abs(hashtext(p.name)) % 30) - 10, true,
      greatest(0, (abs(hashtext(p.name)) % 30) - 20), abs(hashtext(p.name)) % 3, abs(hashtext(p.name)) % 4,
      (abs(hashtext(p.name)) % 10000), now()
    from renewal_projects p cross join generate_series(0, 4) d`.execute(s.db);
  await sql`insert into renewal_daily_reports (project_id, report_date, weather, workers_on_site, filed_by_name)
    select p.id, (now() at time zone 'Asia/Shanghai')::date - d, 'sunny', 20 + d, '压测'
    from renewal_projects p cross join generate_series(0, 9) d`.execute(s.db);
  await sql`insert into renewal_tasks (project_id, wbs_code, name, duration, position)
    select p.id, t::text, '工序' || t, 5 + t % 20, t
    from renewal_projects p cross join generate_series(1, 20) t`.execute(s.db);
  const c = await sql<{ n: number }>`select count(*)::int as n from renewal_projects
    where region_code >= ${COUNTY} and region_code < '330524'`.execute(s.db);
  return { county: c.rows[0]?.n ?? 0, all: PROJECTS };
}

// ------------------------------------------------------------------ plans

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** The queries `work` runs, compiled, captured through a plugin on the connection. */
async function capture(db: Db, work: (spy: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const nodes = new Map<string, { node: RootOperationNode; queryId: QueryId }>();
  const seen: CompiledQuery[] = [];
  const spy = db.withPlugin({
    transformQuery: (a) => {
      nodes.set(a.queryId.queryId, { node: a.node, queryId: a.queryId });
      return a.node;
    },
    transformResult: async (a) => {
      const q = nodes.get(a.queryId.queryId);
      if (q) seen.push(db.getExecutor().compileQuery(q.node, q.queryId));
      return a.result;
    },
  });
  await work(spy);
  return seen;
}

const walk = (n: PlanNode, visit: (n: PlanNode) => void): void => {
  visit(n);
  for (const c of n.Plans ?? []) walk(c, visit);
};

/** What is wrong with a plan: Seq Scans over the big tables, Sorts over more than a page's worth. */
function planProblems(root: PlanNode): string[] {
  const problems: string[] = [];
  walk(root, (n) => {
    if (n['Node Type'] === 'Seq Scan' && ['persons', 'renewal_projects'].includes(n['Relation Name'] ?? '')) {
      problems.push(`Seq Scan on ${n['Relation Name']}`);
    }
    if (n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort') {
      const input = (n.Plans ?? []).reduce(
        (sum, c) => sum + (c['Actual Rows'] ?? 0) * (c['Actual Loops'] ?? 1),
        0,
      );
      if (input > SORT_ROWS_LIMIT) problems.push(`${n['Node Type']} of ${input} rows`);
    }
  });
  return problems;
}

/** A plan in one line: node types with their relation or index, outermost first. */
function planLine(root: PlanNode): string {
  const parts: string[] = [];
  walk(root, (n) => {
    const on = n['Index Name'] ?? n['Relation Name'];
    parts.push(
      `${n['Node Type']}${on ? ` (${on})` : ''}${n['Actual Rows'] !== undefined ? ` ${n['Actual Rows']}r` : ''}`,
    );
  });
  return parts.join(' → ');
}

interface PlanReport {
  plan: string;
  query: string;
  ms: number;
  shape: string;
  problems: string[];
}

async function checkPlans(s: Services): Promise<PlanReport[]> {
  const db = s.db;
  // the project list as its route runs it, as each caller (this app's services know no module's permissions)
  const withModules = { ...s, access: new Access(composeManifests(modules)) };
  const county = await actAs(withModules, 'bench.county', 'bench:plans');
  const leader = await actAs(withModules, 'bench.leader', 'bench:plans');
  const projects = (spy: Db, ctx: typeof county, sort?: 'name' | '-deadline') =>
    projectList.list({ ...withModules, db: spy }, ctx, { pageSize: PAGE_SIZE, sort });
  const cases: Array<{ name: string; work: (spy: Db) => Promise<unknown> }> = [
    {
      name: 'people, county staff (330523)',
      work: (spy) => listPersons(spy, { scope: [COUNTY], limit: PAGE_SIZE, offset: 0 }),
    },
    {
      name: 'people, province leader (33)',
      work: (spy) => listPersons(spy, { scope: [PROVINCE], limit: PAGE_SIZE, offset: 0 }),
    },
    {
      name: 'people, county staff, page 100',
      work: (spy) => listPersons(spy, { scope: [COUNTY], limit: PAGE_SIZE, offset: 99 * PAGE_SIZE }),
    },
    {
      name: 'people, county staff, women',
      work: (spy) => listPersons(spy, { scope: [COUNTY], gender: 'female', limit: PAGE_SIZE, offset: 0 }),
    },
    { name: 'projects, county staff (330523)', work: (spy) => projects(spy, county) },
    { name: 'projects, province leader (33)', work: (spy) => projects(spy, leader) },
    {
      name: 'projects, province leader, latest deadline first',
      work: (spy) => projects(spy, leader, '-deadline'),
    },
  ];
  const reports: PlanReport[] = [];
  for (const c of cases) {
    for (const q of await capture(db, c.work)) {
      const explain = CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]);
      await db.executeQuery(explain); // the second run is measured: the first warms the catalog cache
      const out = await db.executeQuery<{
        'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }>;
      }>(explain);
      const json = out.rows[0]!['QUERY PLAN'][0]!;
      const report = {
        plan: c.name,
        query: q.sql.replace(/\s+/g, ' ').slice(0, 200),
        ms: Math.round(json['Execution Time'] * 100) / 100,
        shape: planLine(json.Plan),
        problems: planProblems(json.Plan),
      };
      reports.push(report);
      log(`plan — ${c.name}: ${report.ms} ms\n  ${report.query}\n  ${report.shape}`);
      if (report.problems.length > 0) log(JSON.stringify(json.Plan, null, 1));
    }
  }
  return reports;
}

// ------------------------------------------------------------------ servers

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

interface Child {
  name: string;
  base: string;
  proc: ChildProcess;
  logFile: string;
  /** The PostgreSQL database it serves from, if any. */
  database?: string;
}

const children: Child[] = [];

async function waitFor(url: string, child: ChildProcess, what: string): Promise<void> {
  const until = Date.now() + STARTUP_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode} while starting`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer ${url} within ${STARTUP_MS / 1000} s`);
}

/** Starts a server process; its output goes to a log file in `dir`. */
async function startChild(
  name: string,
  dir: string,
  args: string[],
  env: Record<string, string>,
  port: number,
  readyPath: string,
  cwd = ROOT,
): Promise<Child> {
  const logFile = join(dir, `${name}.log`);
  const fd = openSync(logFile, 'w');
  const proc = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const dbUrl = env.DATABASE_URL || env.DB_CONNECTION_STRING;
  const database = dbUrl ? new URL(dbUrl).pathname.slice(1) : undefined;
  const child: Child = {
    name,
    base: `http://127.0.0.1:${port}`,
    proc,
    logFile,
    ...(database ? { database } : {}),
  };
  children.push(child);
  try {
    await waitFor(`${child.base}${readyPath}`, proc, name);
  } catch (err) {
    log(
      `── last lines of ${name}'s log:\n${readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n')}`,
    );
    throw err;
  }
  log(`${name} listening on ${child.base} (pid ${proc.pid}, log ${logFile})`);
  return child;
}

/** CPU time (ms) a process has used so far; undefined where /proc is not there. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
}

/**
 * Waits until a server has finished what it does at start-up (Gongfu re-plans every project
 * on the first start of a day): less than 5 % of a core over one second, at most 5 minutes.
 */
async function settle(c: Child): Promise<void> {
  const until = Date.now() + 300_000;
  for (let before = cpuMs(c.proc.pid); before !== undefined && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuMs(c.proc.pid);
    if (now === undefined || now - before < 50) return;
    before = now;
  }
}

async function stopChild(c: Child): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => c.proc.once('exit', () => resolve()));
  c.proc.kill('SIGTERM');
  const timer = setTimeout(() => c.proc.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function gongfuLogin(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.includes('gongfu_sid='));
  if (res.status !== 200 || !cookie)
    throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return cookie.split(';')[0]!;
}

// ------------------------------------------------------------------ Directus (optional)

const DIRECTUS_VERSION = '11.3.5';

interface DirectusSide {
  child: Child;
  tokens: { county: string; leader: string };
}

/**
 * Directus over the same database: installed with npm into a temporary folder (outside the
 * repository, from the registry npm is configured with), bootstrapped (its own directus_*
 * tables), one policy per caller: read persons within 330523, or within 33.
 */
async function startDirectus(dbUrl: string, dir: string): Promise<DirectusSide | string> {
  let home = process.env.BENCH_DIRECTUS_DIR;
  if (!home || !existsSync(join(home, 'node_modules', 'directus'))) {
    home = mkdtempSync(join(tmpdir(), 'bench-directus-'));
    log(`installing directus@${DIRECTUS_VERSION} into ${home} (npm)…`);
    try {
      await run(
        'npm',
        ['install', '--prefix', home, '--no-audit', '--no-fund', `directus@${DIRECTUS_VERSION}`],
        {
          timeout: 15 * 60_000,
          maxBuffer: 1 << 26,
        },
      );
    } catch (err) {
      return `npm install directus@${DIRECTUS_VERSION} failed: ${(err as Error).message.split('\n')[0]}`;
    }
  }
  const cli = join(home, 'node_modules', 'directus', 'cli.js');
  if (!existsSync(cli)) return `directus installed without ${cli}`;
  const port = await freePort();
  const password = `Bench-${randomBytes(6).toString('hex')}`;
  const env = {
    DB_CLIENT: 'pg',
    DB_CONNECTION_STRING: dbUrl,
    DB_POOL__MAX: '10',
    SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'bench@example.com',
    ADMIN_PASSWORD: password,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    TELEMETRY: 'false',
    CACHE_ENABLED: 'false',
    RATE_LIMITER_ENABLED: 'false',
    // its load shedding answers 503 when the event loop lags: measure the work, not the shedding
    PRESSURE_LIMITER_ENABLED: 'false',
    WEBSOCKETS_ENABLED: 'false',
    ACCESS_TOKEN_TTL: '2h',
  };
  try {
    await run(process.execPath, [cli, 'bootstrap'], {
      cwd: home,
      env: { ...process.env, ...env },
      timeout: 5 * 60_000,
      maxBuffer: 1 << 26,
    });
  } catch (err) {
    return `directus bootstrap failed: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`;
  }
  const child = await startChild('directus', dir, [cli, 'start'], env, port, '/server/ping');
  const base = child.base;
  const call = async (path: string, token: string | null, body?: unknown, method = 'POST') => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`Directus ${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as { data: Record<string, unknown> }).data : {};
  };
  const login = async (email: string, pw: string) =>
    String((await call('/auth/login', null, { email, password: pw })).access_token);
  const admin = await login('bench@example.com', password);
  // the people table as a collection, its residence as a relation to regions
  // (Directus may know them already from its look at the schema: then it says so, and that is fine)
  for (const collection of ['persons', 'regions']) {
    await call('/collections', admin, { collection, meta: {}, schema: null }).catch((e: Error) => {
      if (!e.message.includes('already exists')) throw e;
    });
  }
  const fields = [
    'id',
    'name',
    'citizen_id_masked',
    'mobile_masked',
    'birth_date',
    'gender',
    'native_region_code',
    'region_code',
    'created_at',
    'updated_at',
  ];
  const tokens: Record<string, string> = {};
  for (const [who, root] of [
    ['county', COUNTY],
    ['leader', PROVINCE],
  ] as const) {
    const policy = await call('/policies', admin, {
      name: `bench ${who}`,
      icon: 'badge',
      app_access: false,
      admin_access: false,
    });
    await call('/permissions', admin, {
      policy: policy.id,
      collection: 'persons',
      action: 'read',
      fields,
      permissions: { region_code: { _starts_with: root } },
    });
    await call('/permissions', admin, {
      policy: policy.id,
      collection: 'regions',
      action: 'read',
      fields: ['code', 'name'],
    });
    const email = `${who}@example.com`;
    const pw = `Bench-${randomBytes(6).toString('hex')}`;
    await call('/users', admin, { email, password: pw, policies: [{ policy: policy.id }] });
    tokens[who] = await login(email, pw);
  }
  return { child, tokens: { county: tokens.county!, leader: tokens.leader! } };
}

// ------------------------------------------------------------------ load

interface Row {
  backend: 'postgres' | 'pglite';
  server: 'gongfu' | 'baseline' | 'bare' | 'directus';
  page: string;
  caller: string;
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
  ratioToBare: number | null;
  /** CPU time the server process used per request (Linux /proc; null elsewhere). */
  serverCpuMsPerReq: number | null;
  /** CPU time the database's backends used per request (PostgreSQL on this machine only). */
  pgCpuMsPerReq: number | null;
  load1: number;
}

/** The PostgreSQL backends connected to a database (their CPU time is the database's share). */
let pgBackends: ((database: string) => Promise<number[]>) | undefined;

/** CPU ms used since `before` by the processes in it that still run. */
const cpuSince = (before: Map<number, number>) => {
  let used = 0;
  for (const [pid, ms] of before) used += (cpuMs(pid) ?? ms) - ms;
  return used;
};
const cpuNow = (pids: number[]) =>
  new Map(pids.flatMap((pid) => (cpuMs(pid) === undefined ? [] : [[pid, cpuMs(pid)!] as [number, number]])));

async function measure(
  meta: Pick<Row, 'backend' | 'server' | 'page' | 'caller'>,
  server: Child,
  path: string,
  headers: { cookie?: string; authorization?: string },
  bare?: Row,
): Promise<Row> {
  const url = `${server.base}${path}`;
  const probe = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  const body = await probe.arrayBuffer();
  if (probe.status !== 200)
    throw new Error(`${url}: ${probe.status} ${Buffer.from(body).toString().slice(0, 300)}`);
  const opts = { urls: [url], connections: CONNECTIONS, headers };
  await load({ ...opts, seconds: WARMUP });
  const serverCpu = cpuNow(server.proc.pid === undefined ? [] : [server.proc.pid]);
  const pgCpu = cpuNow(server.database && pgBackends ? await pgBackends(server.database) : []);
  const r = await load({ ...opts, seconds: SECONDS });
  const perRequest = (ms: number) => (r.requests > 0 ? Math.round((ms / r.requests) * 100) / 100 : null);
  const row: Row = {
    ...meta,
    connections: CONNECTIONS,
    seconds: SECONDS,
    ...r,
    bytes: body.byteLength,
    ratioToBare: bare ? Math.round((r.reqPerSec / bare.reqPerSec) * 100) / 100 : null,
    serverCpuMsPerReq: serverCpu.size > 0 ? perRequest(cpuSince(serverCpu)) : null,
    pgCpuMsPerReq: pgCpu.size > 0 ? perRequest(cpuSince(pgCpu)) : null,
    load1: Math.round(loadavg()[0]! * 100) / 100,
  };
  console.log(JSON.stringify(row));
  log(
    `${row.server.padEnd(8)} ${row.page.padEnd(10)} ${row.caller.padEnd(8)} ${row.reqPerSec} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.bytes} B, errors ${row.errors}${row.ratioToBare !== null ? `, ×${row.ratioToBare} of bare` : ''}, CPU ms/req server ${row.serverCpuMsPerReq} + db ${row.pgCpuMsPerReq}, load ${row.load1}`,
  );
  return row;
}

// ------------------------------------------------------------------ main

/** People, projects and the two callers, into a migrated database; then VACUUM ANALYZE. */
async function seed(s: Services): Promise<void> {
  const t0 = performance.now();
  const people = await seedPeople(s);
  const projects = await seedProjects(s);
  for (const [username, role, regionCode] of [
    ['bench.county', 'staff', COUNTY],
    ['bench.leader', 'leader', PROVINCE],
  ] as const) {
    await createUser(s, systemContext('bench'), {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      grants: [{ role, regionCode, organisationId: null, programmes: [] }],
    });
  }
  await sql`vacuum analyze`.execute(s.db);
  log(
    `seeded ${people.all} people (${people.county} in ${COUNTY}) and ${projects.all} projects (${projects.county} in ${COUNTY}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(JSON.stringify({ seeded: { people, projects } }));
}

/**
 * GONGFU_BENCH_BASELINE=<folder>: another checkout of Gongfu (e.g. `git archive <commit>` unpacked,
 * with node_modules linked) measured beside this one: its own database, migrated by its own
 * CLI and seeded with the same data, its server started from that folder.
 */
async function startBaseline(checkout: string, dir: string, masterKey: string) {
  const pgdb = await createDatabase();
  try {
    const env = {
      ...process.env,
      DATABASE_URL: pgdb.url,
      GONGFU_MASTER_KEY: masterKey,
      NODE_ENV: 'production',
    };
    log(`baseline: migrating with ${checkout}…`);
    await run(process.execPath, [join(checkout, 'server/bin/gongfu.mjs'), 'migrate'], {
      cwd: checkout,
      env,
      timeout: 300_000,
    });
    const database = await openDatabase({ databaseUrl: pgdb.url });
    try {
      const built = await buildApp({ config: testConfig({ masterKey }), database, modules: [] });
      await seed(built.services);
      await built.app.close();
    } finally {
      await database.close();
    }
    const child = await startChild(
      'gongfu-baseline',
      dir,
      [join(checkout, 'server/bin/gongfu.mjs'), 'serve'],
      {
        NODE_ENV: 'production',
        DATABASE_URL: pgdb.url,
        GONGFU_MASTER_KEY: masterKey,
        GONGFU_DATA_DIR: join(dir, 'baseline-data'),
      },
      await freePort(),
      '/api/status',
      checkout,
    );
    return { child, drop: pgdb.drop };
  } catch (err) {
    const started = children.find((c) => c.name === 'gongfu-baseline');
    if (started) await stopChild(started);
    await pgdb.drop();
    throw err;
  }
}

async function postgresRows(dir: string): Promise<void> {
  // GONGFU_BENCH_REUSE=<url> <key>: a database kept by an earlier run (GONGFU_BENCH_KEEP=1), seeded already
  const reuse = process.env.GONGFU_BENCH_REUSE?.split(' ');
  const pgdb = reuse ? { url: reuse[0]!, drop: async () => {} } : await createDatabase();
  const masterKey = reuse?.[1] ?? randomBytes(32).toString('hex');
  const database = await openDatabase({ databaseUrl: pgdb.url });
  let dropBaseline: (() => Promise<void>) | undefined;
  try {
    log(`migrating ${pgdb.url.replace(/\/\/[^@]*@/, '//')}…`);
    await migrate(database, modules);
    const built = await buildApp({ config: testConfig({ masterKey }), database, modules: [] });
    const s = built.services;
    if (!reuse) await seed(s);

    pgBackends = async (name) =>
      (
        await sql<{ pid: number }>`select pid from pg_stat_activity
          where datname = ${name} and pid <> pg_backend_pid()`.execute(s.db)
      ).rows.map((r) => r.pid);
    const plans = await checkPlans(s);
    for (const p of plans) console.log(JSON.stringify({ plan: p }));
    const bad = plans.filter((p) => p.problems.length > 0);
    if (bad.length > 0) {
      throw new Error(
        `list queries that read the whole scope:\n${bad.map((p) => `  ${p.plan}: ${p.problems.join(', ')}`).join('\n')}`,
      );
    }

    const gongfu = await startChild(
      'gongfu',
      dir,
      [join(ROOT, 'server/bin/gongfu.mjs'), 'serve'],
      {
        NODE_ENV: 'production',
        DATABASE_URL: pgdb.url,
        GONGFU_MASTER_KEY: masterKey,
        GONGFU_DATA_DIR: join(dir, 'gongfu-data'),
      },
      await freePort(),
      '/api/status',
    );
    const bare = await startChild(
      'bare',
      dir,
      ['--import', 'tsx', join(ROOT, 'bench/bare-server.ts')],
      { DATABASE_URL: pgdb.url },
      await freePort(),
      '/people?pageSize=1',
    );
    const checkout = process.env.GONGFU_BENCH_BASELINE;
    const baseline = checkout ? await startBaseline(checkout, dir, masterKey) : undefined;
    if (checkout)
      console.log(JSON.stringify({ baseline: process.env.GONGFU_BENCH_BASELINE_LABEL ?? checkout }));
    dropBaseline = baseline?.drop;
    const directus =
      process.env.BENCH_DIRECTUS === '1'
        ? await startDirectus(pgdb.url, dir)
        : 'not run (BENCH_DIRECTUS=1 runs it)';
    if (typeof directus === 'string') {
      log(`Directus: ${directus}`);
      console.log(JSON.stringify({ directus }));
    }
    for (const c of children) await settle(c);

    const signIn = async (base: string) => ({
      county: await gongfuLogin(base, 'bench.county', TEST_PASSWORD),
      leader: await gongfuLogin(base, 'bench.leader', TEST_PASSWORD),
    });
    const cookies = await signIn(gongfu.base);
    const before = baseline ? await signIn(baseline.child.base) : undefined;
    const roots = { county: COUNTY, leader: PROVINCE };
    // every server answers each of its pages for a while first, so that no row pays for the
    // server's first minutes (JIT, heap growth) and the first row is not the slowest one
    const warm = (child: Child, path: string, headers: Record<string, string>) =>
      load({ urls: [`${child.base}${path}`], connections: CONNECTIONS, headers, seconds: WARMUP });
    for (const caller of ['county', 'leader'] as const) {
      await warm(bare, `/people?region=${roots[caller]}&page=1&pageSize=${PAGE_SIZE}`, {});
      for (const [child, jar] of [
        [gongfu, cookies] as const,
        ...(baseline && before ? [[baseline.child, before] as const] : []),
      ]) {
        for (const path of [
          `/api/people?page=1&pageSize=${PAGE_SIZE}`,
          `/api/renewal/projects?page=1&pageSize=${PAGE_SIZE}`,
        ]) {
          await warm(child, path, { cookie: jar[caller] });
        }
      }
    }
    for (const caller of ['county', 'leader'] as const) {
      const b = await measure(
        { backend: 'postgres', server: 'bare', page: 'people', caller },
        bare,
        `/people?region=${roots[caller]}&page=1&pageSize=${PAGE_SIZE}`,
        {},
      );
      await measure(
        { backend: 'postgres', server: 'gongfu', page: 'people', caller },
        gongfu,
        `/api/people?page=1&pageSize=${PAGE_SIZE}`,
        { cookie: cookies[caller] },
        b,
      );
      if (baseline && before) {
        await measure(
          { backend: 'postgres', server: 'baseline', page: 'people', caller },
          baseline.child,
          `/api/people?page=1&pageSize=${PAGE_SIZE}`,
          { cookie: before[caller] },
          b,
        );
      }
      if (typeof directus !== 'string') {
        const fields =
          'id,name,citizen_id_masked,mobile_masked,birth_date,gender,native_region_code,region_code,created_at,updated_at';
        await measure(
          { backend: 'postgres', server: 'directus', page: 'people', caller },
          directus.child,
          `/items/persons?limit=${PAGE_SIZE}&page=1&sort=-created_at,-id&fields=${fields}&meta=filter_count`,
          { authorization: `Bearer ${directus.tokens[caller]}` },
          b,
        );
      }
    }
    for (const caller of ['county', 'leader'] as const) {
      for (const [server, child, jar] of [
        ['gongfu', gongfu, cookies],
        ...(baseline && before ? [['baseline', baseline.child, before] as const] : []),
      ] as const) {
        await measure(
          { backend: 'postgres', server, page: 'projects', caller },
          child,
          `/api/renewal/projects?page=1&pageSize=${PAGE_SIZE}`,
          { cookie: jar[caller] },
        );
      }
    }
    for (const [server, child, jar] of [
      ['gongfu', gongfu, cookies],
      ...(baseline && before ? [['baseline', baseline.child, before] as const] : []),
    ] as const) {
      await measure(
        { backend: 'postgres', server, page: 'auth/me', caller: 'county' },
        child,
        '/api/auth/me',
        {
          cookie: jar.county,
        },
      );
    }
    for (const c of [...children]) await stopChild(c);
    const lines = readFileSync(gongfu.logFile, 'utf8').split('\n').length;
    log(`Gongfu wrote ${lines} log lines`);
    await built.app.close();
  } finally {
    for (const c of children) await stopChild(c).catch(() => {});
    children.length = 0;
    await database.close().catch(() => {});
    await dropBaseline?.().catch(() => {});
    if (process.env.GONGFU_BENCH_KEEP || reuse) {
      log(
        `kept ${pgdb.url}: drop it when done; GONGFU_BENCH_REUSE="${pgdb.url} ${masterKey}" runs on it again`,
      );
    } else await pgdb.drop();
  }
}

/** Gongfu on embedded PGlite with the demo data, as `npm start` runs it. */
async function pgliteRows(dir: string): Promise<void> {
  try {
    const gongfu = await startChild(
      'gongfu-pglite',
      dir,
      [join(ROOT, 'server/bin/gongfu.mjs'), 'serve'],
      {
        NODE_ENV: 'development',
        GONGFU_DATA_DIR: join(dir, 'pglite-data'),
        GONGFU_DEMO: 'true',
        DATABASE_URL: '',
      },
      await freePort(),
      '/api/status',
    );
    await settle(gongfu);
    // demo data is loaded before the server listens; the demo accounts: 安吉 staff and the province leader
    const { DEMO_PASSWORD } = await import('../server/src/demo/demo-accounts.ts');
    const cookies = {
      county: await gongfuLogin(gongfu.base, 'anji', DEMO_PASSWORD),
      leader: await gongfuLogin(gongfu.base, 'leader', DEMO_PASSWORD),
    };
    for (const caller of ['county', 'leader'] as const) {
      await load({
        urls: [`${gongfu.base}/api/people?page=1&pageSize=${PAGE_SIZE}`],
        connections: CONNECTIONS,
        headers: { cookie: cookies[caller] },
        seconds: WARMUP,
      });
    }
    for (const caller of ['county', 'leader'] as const) {
      await measure(
        { backend: 'pglite', server: 'gongfu', page: 'people', caller },
        gongfu,
        `/api/people?page=1&pageSize=${PAGE_SIZE}`,
        { cookie: cookies[caller] },
      );
    }
  } finally {
    for (const c of children) await stopChild(c).catch(() => {});
    children.length = 0;
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-list-pages-'));
  log(
    `machine load before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  try {
    if (process.env.GONGFU_BENCH_POSTGRES !== '0') await postgresRows(dir);
    if (process.env.GONGFU_BENCH_PGLITE !== '0') await pgliteRows(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
