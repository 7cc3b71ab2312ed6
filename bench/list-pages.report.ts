/**
 * The report's section for bench/list-pages.ts, from the JSON lines it prints: used by
 * bench/run.ts, and by hand (`npx tsx bench/list-pages.report.ts < lines.jsonl`).
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

interface LoadRow {
  backend: string;
  server: string;
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
  serverCpuMsPerReq: number | null;
  pgCpuMsPerReq: number | null;
  load1: number;
}

interface PlanLine {
  plan: string;
  query: string;
  ms: number;
  shape: string;
  problems: string[];
}

const PAGES: Record<string, string> = {
  people: 'people list (`GET /api/people?page=1&pageSize=50`)',
  projects: 'project list (`GET /api/renewal/projects?page=1&pageSize=50`)',
  'auth/me': '`GET /api/auth/me` (session and grants only)',
};
const SERVERS: Record<string, string> = {
  gongfu: 'Gongfu',
  baseline: 'Gongfu before',
  bare: 'bare Fastify + pg',
  directus: 'Directus 11.3.5',
};
const CALLERS: Record<string, string> = {
  county: 'county staff (安吉 330523)',
  leader: 'province leader (浙江 33)',
};

export function listPagesSection(lines: Array<Record<string, unknown>>, date = new Date()): string {
  const rows = lines.filter((l) => typeof l.server === 'string') as unknown as LoadRow[];
  const plans = lines.filter((l) => l.plan).map((l) => l.plan as PlanLine);
  const seeded = lines.find((l) => l.seeded)?.seeded as
    | { people: { all: number; county: number }; projects: { all: number; county: number } }
    | undefined;
  const directus = lines.find((l) => typeof l.directus === 'string')?.directus as string | undefined;
  const baseline = lines.find((l) => typeof l.baseline === 'string')?.baseline as string | undefined;
  const cpu = cpus();
  const table = rows
    .map(
      (r) =>
        `| ${r.backend} | ${PAGES[r.page] ?? r.page} | ${CALLERS[r.caller] ?? r.caller} | ${SERVERS[r.server] ?? r.server} | **${r.reqPerSec}** | ${r.p50Ms} | ${r.p99Ms} | ${r.ratioToBare ?? '—'} | ${r.serverCpuMsPerReq ?? '—'} + ${r.pgCpuMsPerReq ?? '—'} | ${Math.round(r.bytes / 100) / 10} | ${r.errors} | ${r.load1} |`,
    )
    .join('\n');
  const planTable = plans
    .map(
      (p) => `| ${p.plan} | ${p.ms} | ${p.shape.replace(/\|/g, '/')} | ${p.problems.join(', ') || 'none'} |`,
    )
    .join('\n');
  const first = rows[0];
  return `## List pages under load (bench/list-pages.ts, issue 10)
Measured ${date.toISOString().slice(0, 10)} on ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.
PostgreSQL with ${seeded?.people.all ?? '?'} people (${seeded?.people.county ?? '?'} living in 安吉 330523) and ${seeded?.projects.all ?? '?'} renewal
projects (${seeded?.projects.county ?? '?'} in 安吉); each server in a process of its own; ${first?.connections ?? '?'} connections from a load loop in
another process, 3 s warm-up, then ${first?.seconds ?? '?'} s per row; the bare server's row just before Gongfu's, so the
ratio compares one run. The machine is shared: \`load1\` is its 1-minute load average at the end of the row.
Aims: people list ≥ 0.6 × the bare server's rate, p99 < 50 ms, for county staff and leader alike;
on PGlite with the demo data ≥ 1,000 req/s.

| backend | page | caller | server | req/s | p50 ms | p99 ms | × bare | CPU ms/req server + db | kB | errors | load1 |
|---|---|---|---|---|---|---|---|---|---|---|---|
${table}

${baseline ? `"Gongfu before" is ${baseline}, on a database of its own with the same data.\n` : ''}Directus: ${
    directus ??
    "the same page as `GET /items/persons?limit=50&sort=-created_at,-id&meta=filter_count` with a bearer token, each caller through a policy that reads persons whose `region_code` `_starts_with` the caller's region (its data cache off)"
  }.

How the people page is answered: one statement reads the page from \`persons_created_idx\` in list
order (the region scope is a range on \`region_code\`, served by \`persons_region_idx\` when the scope is
small) and carries the total: exact from \`person_region_counts\` (kept by triggers, migration 0008) when
only the residence narrows the list; narrowed by name, gender or age, counted in list order up to the
next thousand past the page, the response saying \`totalIsLowerBound\`. The session and grants are one
statement too, so a page costs Gongfu two statements where the bare server runs one. On PGlite every
statement runs in the server's own thread (WebAssembly) and its result rows are decoded there, so the
PGlite rows are bounded by one core.

Plans of the list queries as the repositories build them (EXPLAIN ANALYZE, second run; the
benchmark fails on a Seq Scan over persons or renewal_projects, or a Sort of more than 1,000 rows):

| query | ms | plan (outermost first, actual rows) | problems |
|---|---|---|---|
${planTable}
`;
}

if (process.argv[1]?.endsWith('list-pages.report.ts')) {
  const lines = readFileSync(0, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  process.stdout.write(listPagesSection(lines));
}
