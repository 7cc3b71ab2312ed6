import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { type Built, buildApp, migrate } from '../app.ts';
import { createUser, systemContext } from '../platform/accounts/create-user.ts';
import type { Grant } from '../platform/auth/principal.ts';
import type { BuiltinRole } from '../platform/auth/roles.ts';
import { ManualClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { type Database, type DatabaseKind, openDatabase } from '../platform/db/database.ts';
import type { ModuleManifest } from '../platform/module/manifest.ts';
import { openDemoCopy } from './demo-snapshot.ts';
import { createPgDatabase, TEST_BACKENDS, TEST_START, testConfig } from './test-db.ts';
import { demoSnapshot, openEmptyPglite, openMigratedDatabase } from './test-run.ts';

export { createPgDatabase, TEST_BACKENDS, TEST_START, testConfig } from './test-db.ts';

export const TEST_PASSWORD = 'Test-pass-2026';

/** A new, empty (not migrated) database of `kind`; `dispose` closes and drops it. */
export async function openTestDatabase(
  kind: DatabaseKind,
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openEmptyPglite();
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
  /** What seeding the demo logged (suites with `demo: true`; empty otherwise). */
  demoLog: string[];
  /** Creates a user with the given grants and returns its session cookie. */
  userWith(role: BuiltinRole, grant?: Partial<Omit<Grant, 'role'>>, username?: string): Promise<string>;
  login(username: string, password?: string): Promise<LightMyRequestResponse>;
  cookieOf(res: LightMyRequestResponse): string;
}

export interface TestEnvOptions {
  modules?: ModuleManifest[];
  config?: Partial<Config>;
  /**
   * Start from a copy of the demo data (every module's, seeded at TEST_START) instead of an
   * empty database. The demo is seeded once per test run and backend, by the first suite
   * that needs it (test-run.ts); each suite gets a copy of its own to change.
   */
  demo?: boolean;
}

/** How long a suite may wait for the run's demo snapshot (seeded by another suite, about a minute). */
export const DEMO_WAIT_MS = 15 * 60_000;

export async function createTestEnv(kind: DatabaseKind, opts: TestEnvOptions = {}) {
  let database: Database;
  let dispose: () => Promise<void>;
  let config = testConfig(opts.config);
  let demoLog: string[] = [];
  if (opts.demo) {
    const snapshot = await demoSnapshot(kind, DEMO_WAIT_MS);
    const copy = await openDemoCopy(snapshot);
    ({ database, dispose } = copy);
    // the people were encrypted with the snapshot's key; its uploaded files were copied
    config = { ...config, masterKey: copy.config.masterKey, files: copy.config.files! };
    demoLog = [...snapshot.log];
  } else {
    // a copy of the run's database migrated for these modules, when there is one
    ({ database, dispose } = await openMigratedDatabase(kind, opts.modules ?? []));
  }
  const modules = opts.modules ?? [];
  await migrate(database, modules);
  const clock = new ManualClock(new Date(TEST_START));
  const built = await buildApp({ config, database, modules, clock });
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
    demoLog,
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

/**
 * Runs the suite once per backend with a fresh, migrated database and app (with
 * `demo: true`, a copy of the demo data).
 */
export function describeEachDb(name: string, body: (env: () => TestEnv) => void, opts: TestEnvOptions = {}) {
  for (const kind of TEST_BACKENDS) {
    describe(`${name} [${kind}]`, () => {
      let env: TestEnv | undefined;
      let close: (() => Promise<void>) | undefined;
      beforeAll(
        async () => {
          const r = await createTestEnv(kind, opts);
          env = r.env;
          close = r.close;
        },
        opts.demo ? DEMO_WAIT_MS + 60_000 : undefined,
      );
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
