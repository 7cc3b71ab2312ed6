import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { composeManifests, migrate, migrationSets } from '../app.ts';
import { ManualClock } from '../platform/clock.ts';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/database.ts';
import type { ModuleManifest } from '../platform/module/manifest.ts';
import { type DemoSnapshot, makeDemoSnapshot } from './demo-snapshot.ts';
import {
  adminQuery,
  createPgDatabase,
  dropPgDatabase,
  fastCommits,
  newTemplateName,
  pgUrlOf,
  TEMPLATE_PREFIX,
  TEST_BACKENDS,
  TEST_START,
} from './test-db.ts';

/**
 * What one test run (the unit project) makes once and every suite copies, kept in a
 * temporary folder that the project's global set-up makes, hands to the workers
 * (`inject('testRun')`) and removes at the end, with the template databases named in it.
 * Each is made by the first suite that needs it (it claims it with a file only one process
 * can create) from the current code, never kept between runs:
 *
 * - the demo, seeded once per backend (`<kind>.json`, a DemoSnapshot, or `<kind>.error`):
 *   suites with `demo: true` wait for it, seeding the other backend's meanwhile when
 *   nobody has started that one yet, so both workers keep busy;
 * - an empty embedded database (`pglite-empty.tar.gz`; starting PGlite runs initdb, seconds
 *   each time) and, per set of migrations, a migrated database (`pglite-<key>.tar.gz`, or a
 *   `gongfu_tmpl_…` PostgreSQL database): suites that come while it is being made do
 *   without.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's folder (test-run.ts). */
    testRun: string;
  }
}

/** The run's folder inside a test worker; undefined elsewhere (scripts such as bench/ use the harness too). */
export function testRunDir(): string | undefined {
  try {
    const dir = inject('testRun');
    return dir && existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a file whole or not at all (others poll for it). */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

interface Claim {
  pid: number;
  /** The PostgreSQL template database the claimer makes (dropped at the end of the run). */
  template?: string;
}

/** True for exactly one caller per path in the run (the file is created exclusively). */
function claim(path: string, template?: string): boolean {
  const c: Claim = { pid: process.pid, ...(template ? { template } : {}) };
  try {
    writeFileSync(path, JSON.stringify(c), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

const readClaim = (path: string): Claim | undefined => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Claim;
  } catch {
    return undefined;
  }
};

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Makes the run's folder; `stop` drops the template databases named in it and removes it. */
export async function startTestRun(kinds: DatabaseKind[]): Promise<{ dir: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'gongfu-test-run-'));
  if (kinds.includes('postgres')) await dropStaleTemplates();
  return {
    dir,
    stop: async () => {
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.claim'))) {
        const template = readClaim(join(dir, f))?.template;
        if (template) await dropPgDatabase(template).catch(() => {});
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const demoFile = (dir: string, kind: DatabaseKind, ext: 'json' | 'error' | 'claim') =>
  join(dir, `${kind}-demo.${ext}`);

/** Seeds the demo for `kind` here (the caller claimed it); records the snapshot or the error. */
async function buildDemo(dir: string, kind: DatabaseKind, template: string | undefined): Promise<void> {
  try {
    const snapshot = await makeDemoSnapshot({
      clock: new ManualClock(new Date(TEST_START)),
      kind,
      dir: join(dir, `${kind}-demo`),
      ...(template ? { template } : {}),
    });
    writeAtomically(demoFile(dir, kind, 'json'), JSON.stringify(snapshot));
  } catch (err) {
    writeAtomically(
      demoFile(dir, kind, 'error'),
      err instanceof Error ? (err.stack ?? err.message) : String(err),
    );
    throw err;
  }
}

const claimDemo = (dir: string, kind: DatabaseKind) => {
  const template = kind === 'postgres' ? newTemplateName('demo') : undefined;
  return claim(demoFile(dir, kind, 'claim'), template) ? { template } : undefined;
};

/**
 * The run's demo snapshot of `kind`: seeded here by the first suite that asks, waited for
 * by the others (who seed another backend's meanwhile when nobody has yet).
 */
export async function demoSnapshot(kind: DatabaseKind, timeoutMs: number): Promise<DemoSnapshot> {
  const dir = testRunDir();
  if (!dir)
    throw new Error('demo suites need the unit project’s global set-up (server/src/test/global-setup.ts)');
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (existsSync(demoFile(dir, kind, 'json')))
      return JSON.parse(readFileSync(demoFile(dir, kind, 'json'), 'utf8'));
    if (existsSync(demoFile(dir, kind, 'error')))
      throw new Error(
        `seeding the ${kind} demo snapshot failed: ${readFileSync(demoFile(dir, kind, 'error'), 'utf8')}`,
      );
    const mine = claimDemo(dir, kind);
    if (mine) {
      await buildDemo(dir, kind, mine.template);
      continue;
    }
    const other = TEST_BACKENDS.find((k) => k !== kind && !existsSync(demoFile(dir, k, 'claim')));
    const theirs = other && claimDemo(dir, other);
    if (other && theirs) {
      // its suites will report a failure; this one goes on waiting for its own
      await buildDemo(dir, other, theirs.template).catch(() => {});
      continue;
    }
    const builder = readClaim(demoFile(dir, kind, 'claim'));
    if (builder && !alive(builder.pid) && !existsSync(demoFile(dir, kind, 'json')))
      throw new Error(`the process seeding the ${kind} demo snapshot (${builder.pid}) ended without it`);
    if (Date.now() > until)
      throw new Error(`the ${kind} demo snapshot took longer than ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const loadDump = (path: string) => openDatabase({ snapshot: new Blob([readFileSync(path)]) });

async function dumpTo(database: Database, path: string): Promise<void> {
  if (!database.dump) return;
  writeAtomically(path, Buffer.from(await (await database.dump()).arrayBuffer()));
}

/** A new, empty embedded database: a copy of the run's, or started (and kept for the others) when there is none yet. */
export async function openEmptyPglite(): Promise<Database> {
  const dir = testRunDir();
  const empty = dir && join(dir, 'pglite-empty.tar.gz');
  if (empty && existsSync(empty)) return loadDump(empty);
  const database = await openDatabase({});
  if (empty && claim(`${empty}.claim`)) await dumpTo(database, empty);
  return database;
}

/** Names the migrations `modules` run (names and code), so a migrated copy is only reused for the same set. */
function migrationsKey(modules: ModuleManifest[]): string {
  const sets = migrationSets(composeManifests(modules)).map((s) => ({
    id: s.moduleId,
    adopts: s.adopts ?? null,
    migrations: Object.entries(s.migrations).map(([name, m]) => [name, String(m.up), String(m.down)]),
  }));
  return createHash('sha256').update(JSON.stringify(sets)).digest('hex').slice(0, 16);
}

/**
 * A new database with the migrations of `modules` run: a copy of the run's migrated one
 * for that set when there is one, else migrated here (and kept for the others when it is
 * the first). `dispose` closes and drops it.
 */
export async function openMigratedDatabase(
  kind: DatabaseKind,
  modules: ModuleManifest[],
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const dir = testRunDir();
  const key = migrationsKey(modules);
  if (kind === 'pglite') {
    const base = dir && join(dir, `pglite-${key}.tar.gz`);
    let database: Database;
    if (base && existsSync(base)) database = await loadDump(base);
    else {
      database = await openEmptyPglite();
      await migrate(database, modules);
      if (base && claim(`${base}.claim`)) await dumpTo(database, base);
    }
    return { database, dispose: () => database.close() };
  }
  const ready = dir && join(dir, `postgres-${key}.ready`);
  let template = ready && existsSync(ready) ? readFileSync(ready, 'utf8') : undefined;
  if (!template && dir) {
    const name = newTemplateName(key);
    if (claim(join(dir, `postgres-${key}.claim`), name)) {
      // the first suite with these migrations makes the template, then copies it like the others
      await adminQuery(`create database ${name}`, fastCommits(name));
      const made = await openDatabase({ databaseUrl: pgUrlOf(name) });
      try {
        await migrate(made, modules);
      } finally {
        await made.close();
      }
      await adminQuery(`alter database ${name} with allow_connections false`);
      writeAtomically(join(dir, `postgres-${key}.ready`), name);
      template = name;
    }
  }
  const copy = await createPgDatabase(template);
  const database = await openDatabase({ databaseUrl: copy.url });
  if (!template) await migrate(database, modules);
  return {
    database,
    dispose: async () => {
      await database.close();
      await copy.drop();
    },
  };
}

/** Template databases left by runs that were killed: their name holds when they were made. */
async function dropStaleTemplates(maxAgeHours = 12): Promise<void> {
  try {
    const [r] = await adminQuery(`select datname from pg_database where datname like '${TEMPLATE_PREFIX}%'`);
    const cutoff = Date.now() / 1000 - maxAgeHours * 3600;
    for (const { datname } of r?.rows ?? []) {
      const made = Number(String(datname).slice(TEMPLATE_PREFIX.length).split('_')[0]);
      if (Number.isFinite(made) && made < cutoff) await dropPgDatabase(String(datname));
    }
  } catch {
    // no server: the suites that need it say so
  }
}
