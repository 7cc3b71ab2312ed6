/**
 * Benchmark: a 100,000-row people import through the real upload check and import job, on
 * embedded PGlite and on a fresh PostgreSQL database. Prints one JSON line per backend with
 * rows/s and the peak RSS of the process that ran the import.
 *
 *   npx tsx bench/import-people.ts [rows]          (default 100000)
 *   GONGFU_BENCH_PG_URL=postgres://…/postgres      (admin connection; default postgres@127.0.0.1)
 *   GONGFU_BENCH_BACKENDS=pglite,postgres
 *   GONGFU_BENCH_NODE_ARGS="--max-old-space-size=256"  (V8 flags for the importing process)
 *   GONGFU_BENCH_TRACE=1                           (memory every 500 ms, on stderr)
 *
 * The workbook is generated first (in this process); each import then runs in a child process
 * of its own, so the peak RSS measured is the import's alone. Targets: ≥ 5,000 rows/s on
 * PostgreSQL, peak RSS < 400 MB.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildApp, migrate } from '../server/src/app.ts';
import { demoPerson } from '../server/src/demo/demo-people.ts';
import { seededRandom } from '../server/src/demo/demo-random.ts';
import { createUser, systemContext } from '../server/src/platform/accounts/create-user.ts';
import { actAs } from '../server/src/platform/auth/principal-for.ts';
import { type Config, defaultSecurity } from '../server/src/platform/config.ts';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { startImport } from '../server/src/platform/excel/excel.service.ts';
import { excelListsOf } from '../server/src/platform/excel/excel-list.ts';
import { importJobHandler } from '../server/src/platform/jobs/import-job.ts';
import { InProcessJobRunner } from '../server/src/platform/jobs/job-runner.ts';
import { peopleExcel } from '../server/src/platform/people/person.excel.ts';

const ADMIN_URL = process.env.GONGFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RESIDENCES = ['330523', '330523001', '330681', '331023', '330782'];

/** Writes the workbook with the streaming writer: valid fictitious people, unique citizen IDs. */
async function generate(file: string, rows: number): Promise<void> {
  const r = seededRandom(20260302);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: createWriteStream(file),
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名*', '身份证号码*', '手机号码', '居住地区划代码*']).commit();
  const seen = new Set<string>();
  for (let i = 0; i < rows; i++) {
    let p = demoPerson(r, RESIDENCES[i % RESIDENCES.length]!);
    while (seen.has(p.citizenId)) p = demoPerson(r, p.regionCode);
    seen.add(p.citizenId);
    ws.addRow([p.name, p.citizenId, p.mobile, p.regionCode]).commit();
  }
  ws.commit();
  await wb.commit();
}

const benchConfig = (): Config => ({
  production: false,
  host: '127.0.0.1',
  port: 0,
  databaseUrl: undefined,
  dataDir: '',
  masterKey: randomBytes(32).toString('hex'),
  allowedOrigins: [],
  bodyLimitBytes: 1024 * 1024,
  security: defaultSecurity,
  demo: false,
});

async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gongfu_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
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

/** In the parent: a migrated database for the child (a PGlite folder, or a fresh PostgreSQL database). */
async function prepareDatabase(backend: string): Promise<{ target: string; dispose: () => Promise<void> }> {
  if (backend === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'gongfu-bench-'));
    const database = await openDatabase({ dataDir });
    await migrate(database, []);
    await database.close();
    return { target: dataDir, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const { url, drop } = await createPgDatabase();
  const database = await openDatabase({ databaseUrl: url });
  await migrate(database, []);
  await database.close();
  return { target: url, dispose: drop };
}

/** In the child: one import on one backend, timed by phase. */
async function runImport(backend: 'pglite' | 'postgres', target: string, file: string): Promise<void> {
  const body = await readFile(file);
  {
    const database = await openDatabase(backend === 'pglite' ? { dataDir: target } : { databaseUrl: target });
    try {
      const built = await buildApp({ config: benchConfig(), database, modules: [] });
      await built.app.ready();
      const s = built.services;
      await createUser(s, systemContext('bench'), {
        username: 'bench.staff',
        displayName: 'bench',
        password: 'Bench-pass-2026',
        grants: [{ role: 'staff', regionCode: '33', organisationId: null, programmes: [] }],
      });
      const ctx = await actAs(s, 'bench.staff', 'bench');
      let writingAt: number | undefined;
      const jobs = new InProcessJobRunner(
        s,
        { import: importJobHandler(s, excelListsOf(built.manifests)) },
        {
          onProgress: (_id, p) => {
            if (p.phase === 'writing') writingAt ??= performance.now();
          },
        },
      );
      const rssBefore = process.memoryUsage().rss;
      const mem = process.env.GONGFU_BENCH_TRACE
        ? setInterval(() => {
            const m = process.memoryUsage();
            console.error(
              `rss ${Math.round(m.rss / 1048576)} heap ${Math.round(m.heapUsed / 1048576)}/${Math.round(m.heapTotal / 1048576)} ext ${Math.round(m.external / 1048576)} ab ${Math.round(m.arrayBuffers / 1048576)}`,
            );
          }, 500)
        : undefined;
      const t0 = performance.now();
      const job = await startImport(s, jobs, ctx, peopleExcel, { body, fileName: 'bench.xlsx', mode: 'all' });
      const accepted = performance.now();
      await jobs.idle();
      const t1 = performance.now();
      if (mem) clearInterval(mem);
      const done = await jobs.get(job.id);
      const persons = await s.db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      await built.app.close();
      const seconds = (t1 - t0) / 1000;
      const rows = done?.result?.imported ?? 0;
      console.log(
        JSON.stringify({
          backend,
          nodeArgs: process.env.GONGFU_BENCH_NODE_ARGS ?? '',
          status: done?.status,
          rows,
          personsInTable: Number(persons.n),
          fileMB: Math.round((body.length / 1048576) * 10) / 10,
          seconds: Math.round(seconds * 100) / 100,
          rowsPerSecond: Math.round(rows / seconds),
          uploadCheckSeconds: Math.round(accepted - t0) / 1000,
          validateSeconds: writingAt ? Math.round(writingAt - accepted) / 1000 : null,
          finalTransactionSeconds: writingAt ? Math.round(t1 - writingAt) / 1000 : null,
          rssBeforeImportMB: Math.round(rssBefore / 1048576),
          peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
        }),
      );
    } finally {
      await database.close();
    }
  }
}

function child(backend: string, target: string, file: string): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const extra = process.env.GONGFU_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const p = spawn(
      process.execPath,
      [...extra, ...process.execArgv, script, '--child', backend, target, file],
      {
        stdio: 'inherit',
      },
    );
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${backend} run exited with ${code}`)),
    );
  });
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await runImport(args[1] as 'pglite' | 'postgres', args[2]!, args[3]!);
} else {
  const rows = Number(args[0] ?? 100_000);
  const file = join(tmpdir(), `gongfu-bench-people-${process.pid}.xlsx`);
  const t = performance.now();
  await generate(file, rows);
  console.log(JSON.stringify({ generated: rows, seconds: Math.round(performance.now() - t) / 1000, file }));
  const backends = (process.env.GONGFU_BENCH_BACKENDS ?? 'pglite,postgres').split(',');
  try {
    for (const b of backends) {
      const db = await prepareDatabase(b.trim());
      try {
        await child(b.trim(), db.target, file);
      } finally {
        await db.dispose();
      }
    }
  } finally {
    await rm(file, { force: true });
  }
}
