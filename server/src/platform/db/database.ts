import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-driver.ts';
import type { PlatformTables } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<PlatformTables>;
  close(): Promise<void>;
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
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    pg.types.setTypeParser(INT8, parseInt8);
    pg.types.setTypeParser(DATE, keepDate);
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client that loses its connection (server restart, database dropped) is
    // discarded by the pool; without a listener the error would end the process.
    pool.on('error', (err) => {
      console.error(`PostgreSQL idle connection error: ${err.message}`);
    });
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
    parsers: { [INT8]: parseInt8, [DATE]: keepDate, [NUMERIC]: (v: string) => Number(v) },
  });
  const db = new Kysely<PlatformTables>({ dialect: new PGliteDialect(pglite) });
  return { kind: 'pglite', db, close: () => db.destroy() };
}
