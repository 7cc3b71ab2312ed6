import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Built, buildApp, migrate } from '../app.ts';
import { createUser, systemContext } from '../platform/accounts/create-user.ts';
import type { Grant } from '../platform/auth/principal.ts';
import type { BuiltinRole } from '../platform/auth/roles.ts';
import { ManualClock } from '../platform/clock.ts';
import { type Config, defaultSecurity } from '../platform/config.ts';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/database.ts';
import type { ModuleManifest } from '../platform/module/manifest.ts';

/**
 * Tests that touch data run on both backends: embedded PGlite and a fresh PostgreSQL
 * database (created per suite, dropped after). GONGFU_TEST_BACKENDS=pglite limits it.
 */
export const TEST_BACKENDS: DatabaseKind[] = (process.env.GONGFU_TEST_BACKENDS ?? 'pglite,postgres')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DatabaseKind => s === 'pglite' || s === 'postgres');

const ADMIN_URL = process.env.GONGFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEST_PASSWORD = 'Test-pass-2026';

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

export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gongfu_test_${process.pid}_${randomBytes(4).toString('hex')}`;
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

export async function openTestDatabase(
  kind: DatabaseKind,
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    return { database, dispose: () => database.close() };
  }
  const { url, drop } = await createPgDatabase();
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    dispose: async () => {
      await database.close();
      await drop();
    },
  };
}

export interface TestEnv extends Built {
  kind: DatabaseKind;
  clock: ManualClock;
  database: Database;
  /** Creates a user with the given grants and returns its session cookie. */
  userWith(role: BuiltinRole, grant?: Partial<Omit<Grant, 'role'>>, username?: string): Promise<string>;
  login(username: string, password?: string): Promise<LightMyRequestResponse>;
  cookieOf(res: LightMyRequestResponse): string;
}

export interface TestEnvOptions {
  modules?: ModuleManifest[];
  config?: Partial<Config>;
}

export async function createTestEnv(kind: DatabaseKind, opts: TestEnvOptions = {}) {
  const { database, dispose } = await openTestDatabase(kind);
  const modules = opts.modules ?? [];
  await migrate(database, modules);
  const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  const built = await buildApp({ config: testConfig(opts.config), database, modules, clock });
  await built.app.ready();
  let n = 0;
  const cookieOf = (res: LightMyRequestResponse) => {
    const c = res.cookies.find((x) => x.name.endsWith('gongfu_sid'));
    if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
    return `${c.name}=${c.value}`;
  };
  const login = (username: string, password = TEST_PASSWORD) =>
    built.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const env: TestEnv = {
    ...built,
    kind,
    clock,
    database,
    login,
    cookieOf,
    async userWith(role, grant = {}, username) {
      const name = username ?? `${role}${++n}`;
      await createUser(built.services, systemContext('test'), {
        username: name,
        displayName: name,
        password: TEST_PASSWORD,
        grants: [
          {
            role,
            regionCode: grant.regionCode ?? null,
            organisationId: grant.organisationId ?? null,
            programmes: grant.programmes ?? [],
          },
        ],
      });
      return cookieOf(await login(name));
    },
  };
  return {
    env,
    close: async () => {
      await built.app.close();
      await dispose();
    },
  };
}

/** Runs the suite once per backend with a fresh, migrated database and app. */
export function describeEachDb(name: string, body: (env: () => TestEnv) => void, opts: TestEnvOptions = {}) {
  for (const kind of TEST_BACKENDS) {
    describe(`${name} [${kind}]`, () => {
      let env: TestEnv | undefined;
      let close: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const r = await createTestEnv(kind, opts);
        env = r.env;
        close = r.close;
      });
      afterAll(async () => {
        await close?.();
      });
      body(() => {
        if (!env) throw new Error('test env not ready');
        return env;
      });
    });
  }
}
