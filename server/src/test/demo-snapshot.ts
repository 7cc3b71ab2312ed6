import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, migrate } from '../app.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { modules } from '../modules/index.ts';
import { type Clock, systemClock } from '../platform/clock.ts';
import { type Config, DEFAULT_FILE_MAX_BYTES } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { testConfig } from './harness.ts';

/**
 * The demo data seeded once into an embedded database whose data folder is dumped to a file,
 * with the uploaded files beside it and the master key that encrypted its people. Loading
 * the dump takes about a second where seeding takes a minute, so every browser journey
 * starts from a copy.
 */
export interface DemoSnapshot {
  dumpPath: string;
  filesDir: string;
  masterKey: string;
}

export async function makeDemoSnapshot(clock: Clock = systemClock): Promise<DemoSnapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'gongfu-demo-snapshot-'));
  const snapshot: DemoSnapshot = {
    dumpPath: join(dir, 'pglite.tar.gz'),
    filesDir: join(dir, 'files'),
    masterKey: randomBytes(32).toString('hex'),
  };
  const database = await openDatabase({});
  await migrate(database, modules);
  const { app, services, manifests } = await buildApp({
    config: snapshotConfig(snapshot, snapshot.filesDir),
    database,
    modules,
    clock,
  });
  await seedDemo(services, manifests, () => {});
  if (!database.dump) throw new Error('the embedded database cannot be dumped');
  writeFileSync(snapshot.dumpPath, Buffer.from(await (await database.dump()).arrayBuffer()));
  await app.close();
  await database.close();
  return snapshot;
}

/** A fresh embedded database and files folder holding the snapshot's demo data, for one suite. */
export async function openDemoCopy(snapshot: DemoSnapshot): Promise<{ database: Database; config: Config }> {
  const filesDir = mkdtempSync(join(tmpdir(), 'gongfu-demo-files-'));
  if (existsSync(snapshot.filesDir)) cpSync(snapshot.filesDir, filesDir, { recursive: true });
  const database = await openDatabase({ snapshot: new Blob([readFileSync(snapshot.dumpPath)]) });
  return { database, config: snapshotConfig(snapshot, filesDir) };
}

function snapshotConfig(snapshot: DemoSnapshot, filesDir: string): Config {
  return testConfig({
    demo: true,
    masterKey: snapshot.masterKey,
    files: { dir: filesDir, maxBytes: DEFAULT_FILE_MAX_BYTES },
  });
}
