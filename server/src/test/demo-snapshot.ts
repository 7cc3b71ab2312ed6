import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, migrate } from '../app.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { modules } from '../modules/index.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type Config, DEFAULT_FILE_MAX_BYTES } from '../platform/config.ts';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/database.ts';
import {
  adminQuery,
  createPgDatabase,
  dropPgDatabase,
  fastCommits,
  newTemplateName,
  pgUrlOf,
  testConfig,
} from './test-db.ts';

/**
 * The demo data (every module's) seeded once, from the current code, and kept for copies:
 * on PGlite the data folder dumped to a file, on PostgreSQL a database that others are
 * created from (`create database … template …`; nobody may connect to it). Beside it the
 * uploaded files, the master key that encrypted its people, and what seeding logged.
 * Loading a copy takes about a second where seeding takes a minute, so every browser
 * journey and every server suite about the demo starts from a copy of its own.
 */
export interface DemoSnapshot {
  kind: DatabaseKind;
  /** Folder holding the dump and the files; removed by dropDemoSnapshot. */
  dir: string;
  /** PGlite: the data folder as a gzipped tar. */
  dumpPath: string;
  /** PostgreSQL: the database copies are made from. */
  template?: string;
  filesDir: string;
  masterKey: string;
  /** The lines seedDemo logged. */
  log: string[];
}

export interface SnapshotOptions {
  clock?: Clock;
  kind?: DatabaseKind;
  /** Folder to keep it in (made when missing); default a new temporary folder. */
  dir?: string;
  /** PostgreSQL: the name of the database to seed; default a new gongfu_tmpl_…_demo name. */
  template?: string;
}

export async function makeDemoSnapshot(
  clockOrOptions: Clock | SnapshotOptions = systemClock,
): Promise<DemoSnapshot> {
  const opts: SnapshotOptions = 'now' in clockOrOptions ? { clock: clockOrOptions } : clockOrOptions;
  const kind = opts.kind ?? 'pglite';
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'gongfu-demo-snapshot-'));
  mkdirSync(dir, { recursive: true });
  const snapshot: DemoSnapshot = {
    kind,
    dir,
    dumpPath: join(dir, 'pglite.tar.gz'),
    filesDir: join(dir, 'files'),
    masterKey: randomBytes(32).toString('hex'),
    log: [],
  };
  let database: Database;
  if (kind === 'postgres') {
    snapshot.template = opts.template ?? newTemplateName('demo');
    await adminQuery(`create database ${snapshot.template}`, fastCommits(snapshot.template));
    database = await openDatabase({ databaseUrl: pgUrlOf(snapshot.template) });
  } else {
    database = await openDatabase({});
  }
  try {
    await migrate(database, modules);
    const { app, services, manifests } = await buildApp({
      config: snapshotConfig(snapshot, snapshot.filesDir),
      database,
      modules,
      clock: opts.clock ?? systemClock,
    });
    const seeded = await seedDemo(services, manifests, (line) => snapshot.log.push(line));
    if (!seeded.created) throw new Error('the demo was not seeded into an empty database');
    if (kind === 'pglite') {
      if (!database.dump) throw new Error('the embedded database cannot be dumped');
      writeFileSync(snapshot.dumpPath, Buffer.from(await (await database.dump()).arrayBuffer()));
    }
    await app.close();
  } finally {
    await database.close();
  }
  // a template is copied only while nobody is connected to it
  if (snapshot.template) await adminQuery(`alter database ${snapshot.template} with allow_connections false`);
  return snapshot;
}

/** Removes the snapshot's folder and, on PostgreSQL, its database. */
export async function dropDemoSnapshot(snapshot: DemoSnapshot): Promise<void> {
  rmSync(snapshot.dir, { recursive: true, force: true });
  if (snapshot.template) await dropPgDatabase(snapshot.template);
}

/**
 * A fresh database and files folder holding the snapshot's demo data, for one suite or
 * journey; `dispose` closes the database and removes the copy.
 */
export async function openDemoCopy(
  snapshot: DemoSnapshot,
): Promise<{ database: Database; config: Config; dispose: () => Promise<void> }> {
  const filesDir = mkdtempSync(join(tmpdir(), 'gongfu-demo-files-'));
  if (existsSync(snapshot.filesDir)) cpSync(snapshot.filesDir, filesDir, { recursive: true });
  const removeFiles = () => rmSync(filesDir, { recursive: true, force: true });
  const config = snapshotConfig(snapshot, filesDir);
  if (snapshot.kind === 'postgres') {
    if (!snapshot.template) throw new Error('a PostgreSQL demo snapshot without its template database');
    const copy = await createPgDatabase(snapshot.template);
    const database = await openDatabase({ databaseUrl: copy.url });
    return {
      database,
      config,
      dispose: async () => {
        await database.close();
        await copy.drop();
        removeFiles();
      },
    };
  }
  const database = await openDatabase({ snapshot: new Blob([readFileSync(snapshot.dumpPath)]) });
  return {
    database,
    config,
    dispose: async () => {
      await database.close();
      removeFiles();
    },
  };
}

function snapshotConfig(snapshot: DemoSnapshot, filesDir: string): Config {
  return testConfig({
    demo: true,
    masterKey: snapshot.masterKey,
    files: { dir: filesDir, maxBytes: DEFAULT_FILE_MAX_BYTES },
  });
}
