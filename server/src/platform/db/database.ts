import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { resilientPool } from './pg-pool.ts';
import { PGliteDialect } from './pglite-driver.ts';
import type { PlatformTables } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<PlatformTables>;
  close(): Promise<void>;
  /** The embedded database's whole data folder as a gzipped tar (PGlite only). */
  dump?(): Promise<Blob>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** bigint counts and ids fit in a JS number here; DATE stays a 'YYYY-MM-DD' string (no time-zone shift). */
const parseInt8 = (v: string) => Number(v);
const keepDate = (v: string) => v;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; absent with no URL means in-memory (tests). */
  dataDir?: string | undefined;
  /** An in-memory embedded database starts as a copy of this dump (tests: the demo seeded once). */
  snapshot?: Blob | undefined;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    pg.types.setTypeParser(INT8, parseInt8);
    pg.types.setTypeParser(DATE, keepDate);
    // lost connections fail their queries (503) and are replaced; they never end the process
    const pool = resilientPool(opts.databaseUrl);
    const db = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, close: () => db.destroy() };
  }
  let dir: string | undefined;
  if (opts.dataDir) {
    dir = join(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(opts.snapshot && !dir ? { loadDataDir: opts.snapshot } : {}),
    parsers: { [INT8]: parseInt8, [DATE]: keepDate, [NUMERIC]: (v: string) => Number(v) },
  });
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite) });
  return { kind: 'pglite', db, close: () => db.destroy(), dump: () => pglite.dumpDataDir('gzip') };
}
