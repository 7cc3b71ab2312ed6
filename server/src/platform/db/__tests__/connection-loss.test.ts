import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, TEST_BACKENDS, TEST_PASSWORD } from '../../../test/harness.ts';

/**
 * Lost PostgreSQL connections (a backend killed, a server restart) must not end the
 * process: requests on a dead connection get a 503 saying so, later ones get new
 * connections. The server runs in a child process, so "it did not exit" is observed,
 * not inferred; its backends are killed with pg_terminate_backend from an admin connection.
 */
const CHILD = fileURLToPath(new URL('../../../test/serve-child.ts', import.meta.url));
const ADMIN_URL = process.env.GONGFU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LOST = /数据库连接中断|database connection was lost/;

interface Reply {
  status: number;
  body: { code?: string; message?: string };
}

describe.runIf(TEST_BACKENDS.includes('postgres'))('database connection loss [postgres]', () => {
  let drop: (() => Promise<void>) | undefined;
  let dbName = '';
  let dbUrl = '';
  let child: ChildProcess | undefined;
  let exit: { code: number | null; signal: string | null } | null = null;
  let output = '';
  let base = '';
  let cookie = '';
  let admin: pg.Client | undefined;

  const alive = () => exit === null;
  const call = async (path = '/api/auth/me', lang = 'zh-CN'): Promise<Reply> => {
    // a hang is a failure too: no request may wait on a dead connection for long
    try {
      const res = await fetch(`${base}${path}`, {
        headers: { cookie, 'accept-language': lang },
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : {} };
    } catch (err) {
      // no answer at all: the server is gone (or hung); status 0 fails every assertion below
      return { status: 0, body: { message: `${String(err)}; server ${alive() ? 'alive' : 'exited'}` } };
    }
  };
  const terminate = async (): Promise<number> => {
    const r = await admin!.query<{ killed: boolean }>(
      'select pg_terminate_backend(pid) as killed from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
    return r.rows.filter((x) => x.killed).length;
  };
  /** Requests until `n` in a row succeed; bounded. */
  const recovers = async (n = 5, attempts = 100) => {
    let row = 0;
    for (let i = 0; i < attempts && row < n; i++) {
      const r = await call();
      expect([200, 503], JSON.stringify(r)).toContain(r.status);
      row = r.status === 200 ? row + 1 : 0;
      if (row === 0) await new Promise((ok) => setTimeout(ok, 100));
    }
    return row >= n;
  };
  const expectLost = (r: Reply) => {
    expect(r.status, JSON.stringify(r.body)).toBe(503);
    expect(r.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(r.body.message).toMatch(LOST);
  };

  beforeAll(async () => {
    const made = await createPgDatabase();
    drop = made.drop;
    dbUrl = made.url;
    dbName = new URL(made.url).pathname.slice(1);
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, DATABASE_URL: made.url, GONGFU_TEST_USER: 'staff1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const port = await new Promise<number>((resolve, reject) => {
      proc.stdout!.setEncoding('utf8');
      proc.stderr!.setEncoding('utf8');
      proc.stdout!.on('data', (d: string) => {
        output += d;
        const m = /GONGFU_TEST_LISTENING (\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
      });
      proc.stderr!.on('data', (d: string) => {
        output += d;
      });
      proc.once('exit', (code, signal) => {
        exit = { code, signal };
        reject(new Error(`server exited before listening (${code ?? signal}):\n${output}`));
      });
    });
    base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'staff1', password: TEST_PASSWORD }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const sid = login.headers.getSetCookie().find((c) => c.includes('gongfu_sid'));
    cookie = sid!.split(';')[0]!;
    expect((await call()).status).toBe(200);
  });

  afterAll(async () => {
    if (child && alive()) {
      const gone = new Promise((ok) => child!.once('exit', ok));
      child.kill('SIGTERM');
      await gone;
    }
    await admin?.query(`alter database ${dbName} allow_connections true`).catch(() => {});
    await admin?.end();
    await drop?.();
  });

  it('a request whose connection is killed mid-query gets a 503 naming the database; the next one works', async () => {
    // Hold the sessions table so the request's first query waits, then kill exactly that backend.
    const locker = new pg.Client({ connectionString: dbUrl });
    await locker.connect();
    try {
      const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      await locker.query('begin');
      await locker.query('lock table sessions in access exclusive mode');
      const pending = call('/api/auth/me', 'en');
      let waiting: number | undefined;
      for (let i = 0; i < 200 && waiting === undefined; i++) {
        const r = await admin!.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and pid <> $2",
          [dbName, lockerPid],
        );
        waiting = r.rows[0]?.pid;
        if (waiting === undefined) await new Promise((ok) => setTimeout(ok, 50));
      }
      expect(waiting, 'the request never reached the database').toBeDefined();
      await admin!.query('select pg_terminate_backend($1)', [waiting]);
      const r = await pending;
      expectLost(r);
      expect(r.body.message).toBe('The database connection was lost; please try again');
    } finally {
      await locker.end();
    }
    expect(alive(), output).toBe(true);
    // the killed client must not go back to the pool: the very next request gets a sound one
    const mark = Math.max(0, output.length - 3000);
    const after = await call();
    expect(after.status, `${JSON.stringify(after.body)}\n${output.slice(mark)}`).toBe(200);
  });

  it('survives connections killed under load (4 at a time, 200 requests) and serves again', async () => {
    const total = 200;
    const statuses: Reply[] = [];
    let next = 0;
    let finished = 0;
    let killed = 0;
    let settled: () => void = () => {};
    const worker = async () => {
      while (next < total) {
        next++;
        statuses.push(await call());
        finished++;
        settled();
      }
    };
    const killer = async () => {
      // one kill per completed request or so, while the load lasts
      while (finished < total && alive()) {
        killed += await terminate();
        const seen = finished;
        await new Promise<void>((ok) => {
          settled = () => {
            if (finished > seen) ok();
          };
          if (finished > seen || finished >= total) ok();
        });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker(), killer()]);
    expect(alive(), output).toBe(true);
    expect(killed).toBeGreaterThan(0);
    expect(statuses).toHaveLength(total);
    const failed = statuses.filter((r) => r.status !== 200);
    for (const r of failed) expectLost(r);
    console.info(`killed ${killed} backends; ${failed.length} of ${total} requests got 503`);
    expect(await recovers()).toBe(true);
    expect(alive(), output).toBe(true);
  });

  it('survives a PostgreSQL restart: 503 while the database is away, served again once it is back', async () => {
    // fill the pool with idle clients, then take the database away and kill every backend
    await Promise.all(Array.from({ length: 8 }, () => call()));
    await admin!.query(`alter database ${dbName} allow_connections false`);
    try {
      expect(await terminate()).toBeGreaterThan(0);
      for (let i = 0; i < 12; i++) expectLost(await call());
      expect(alive(), output).toBe(true);
    } finally {
      await admin!.query(`alter database ${dbName} allow_connections true`);
    }
    expect(await recovers()).toBe(true);
    expect(alive(), output).toBe(true);
  });
});
