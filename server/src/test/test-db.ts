import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Config, defaultSecurity } from '../platform/config.ts';
import type { DatabaseKind } from '../platform/db/database.ts';

/**
 * Tests that touch data run on both backends: embedded PGlite and a fresh PostgreSQL
 * database (created per suite, dropped after). GONGFU_TEST_BACKENDS=pglite limits it.
 */
export const TEST_BACKENDS: DatabaseKind[] = (process.env.GONGFU_TEST_BACKENDS ?? 'pglite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DatabaseKind => s === 'pglite' || s === 'postgres');

export const ADMIN_URL = process.env.GONGFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Where a test's clock starts (Monday 2 March 2026, 09:00 in Shanghai); the demo snapshots are seeded at it. */
export const TEST_START = '2026-03-02T01:00:00Z';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    production: false,
    host: '127.0.0.1',
    port: 0,
    databaseUrl: undefined,
    dataDir: '',
    masterKey: randomBytes(32).toString('hex'),
    allowedOrigins: [],
    bodyLimitBytes: 1024 * 1024,
    security: { ...defaultSecurity },
    demo: false,
    ...overrides,
  };
}

/** Runs statements on the PostgreSQL server's maintenance database. */
export async function adminQuery(...statements: string[]): Promise<pg.QueryResult[]> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const s of statements) results.push(await admin.query(s));
    return results;
  } finally {
    await admin.end();
  }
}

export const pgUrlOf = (name: string) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

export const dropPgDatabase = (name: string) =>
  adminQuery(`drop database if exists ${name} with (force)`).then(() => {});

/** Prefix of template databases a test run makes, then the time made (seconds): `gongfu_tmpl_<time>_<what>`. */
export const TEMPLATE_PREFIX = 'gongfu_tmpl_';

export const newTemplateName = (what: string) =>
  `${TEMPLATE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}_${what}`;

/**
 * Commits in test databases do not wait for the WAL to reach the disk (about ten times
 * fewer waits for the many small transactions of a test); a crash could lose the last
 * ones, which no test database outlives. Set per database: copies do not inherit it.
 */
export const fastCommits = (name: string) => `alter database ${name} set synchronous_commit = off`;

/**
 * A new PostgreSQL database, empty or a copy of `template` (which must have no open
 * connections while it is copied: a copy waits a little and tries again when it has).
 */
export async function createPgDatabase(
  template?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `gongfu_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const create = `create database ${name}${template ? ` template ${template}` : ''}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(create, fastCommits(name));
      break;
    } catch (err) {
      // 55006 object_in_use: "source database … is being accessed by other users"
      if (!template || (err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250 * attempt));
    }
  }
  return { name, url: pgUrlOf(name), drop: () => dropPgDatabase(name) };
}
