import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp, migrate } from '../../../app.ts';
import {
  createPgDatabase,
  describeEachDb,
  TEST_BACKENDS,
  type TestEnv,
  testConfig,
} from '../../../test/harness.ts';
import { type Clock, ManualClock } from '../../clock.ts';
import { openDatabase } from '../../db/database.ts';
import type { PlatformServices } from '../../module/app-types.ts';
import type { ModuleManifest, ScheduleDef } from '../../module/manifest.ts';
import { claimSlot, findRun } from '../schedule.repo.ts';
import { sdb } from '../schedule.table.ts';
import { type ScheduleEntry, Scheduler } from '../scheduler.ts';

/**
 * Scheduled work runs once per cluster: each slot is claimed in `schedule_runs`, on a real
 * database; a failed run is recorded and retried after its lease, a dead process's run taken over.
 */

/** Runs seen, per database (each test database has its own list). */
const seen = new WeakMap<object, string[]>();
const record = (s: PlatformServices, line: string) => {
  const list = seen.get(s.db) ?? [];
  list.push(line);
  seen.set(s.db, list);
};
const runsOf = (env: TestEnv, prefix = '') =>
  (seen.get(env.services.db) ?? []).filter((l) => l.startsWith(prefix));

const daily: ScheduleDef = {
  key: 'schedtest.daily',
  name: { zh: '测试：每日', en: 'Test: daily' },
  when: { dailyAt: '00:05' },
  runAtStart: true,
  async run(s, { slot }) {
    // long enough for two schedulers' claims to meet
    await sql`select pg_sleep(0.02)`.execute(s.db);
    record(s, `daily ${slot}`);
    return { summary: `ran ${slot}` };
  },
};

const schedtestModule: ModuleManifest = {
  id: 'schedtest',
  name: { zh: '调度测试', en: 'Scheduling test' },
  programme: false,
  schedules: [daily],
};

const entry = (def: ScheduleDef): ScheduleEntry => ({ moduleId: 'schedtest', def });
const LEASE = 60_000;

describeEachDb(
  'scheduled work: once per slot across servers, failures retried after the lease',
  (env) => {
    const clock = () => env().clock;
    const runRow = (key: string, slot: string) => findRun(env().services.db, key, slot);

    it('catches up the current slot at start-up and lists the schedules for the system administrator', async () => {
      // built at 2026-03-02 09:00 in Shanghai: the slot of 2 March ran when the app became ready
      expect(runsOf(env(), 'daily')).toEqual(['daily 2026-03-02']);
      expect(await runRow('schedtest.daily', '2026-03-02')).toMatchObject({
        status: 'succeeded',
        attempts: 1,
        owner: env().schedules.owner,
        summary: 'ran 2026-03-02',
        error: null,
      });
      const admin = await env().userWith('sysadmin');
      const res = await env().app.inject({ url: '/api/system/schedules', headers: { cookie: admin } });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<Record<string, unknown>>;
      expect(items.map((i) => i.key)).toEqual(['files.purge-unattached', 'schedtest.daily']);
      expect(items[1]).toMatchObject({
        moduleId: 'schedtest',
        name: '测试：每日',
        when: '每天 00:05（北京时间）',
        runAtStart: true,
        nextAt: '2026-03-02T16:05:00.000Z',
        lastRun: {
          slot: '2026-03-02',
          status: 'succeeded',
          statusName: '成功',
          attempts: 1,
          summary: 'ran 2026-03-02',
        },
      });
      expect(items[0]).toMatchObject({ moduleId: 'platform', lastRun: { status: 'succeeded' } });
      const staff = await env().userWith('staff');
      expect(
        (await env().app.inject({ url: '/api/system/schedules', headers: { cookie: staff } })).statusCode,
      ).toBe(403);
    });

    it('runs a slot once however often it is triggered, and not again for another scheduler on the database', async () => {
      const s = env().schedules;
      await Promise.all([s.tick(), s.tick(), s.tick()]);
      await s.tick();
      // another server process starting now: the slot is claimed, nothing runs
      const other = new Scheduler(env().services, s.entries);
      await other.start();
      await Promise.all([s.tick(), other.tick()]);
      expect(runsOf(env(), 'daily')).toEqual(['daily 2026-03-02']);
      await other.stop();
    });

    it('runs the next day’s slot once the clock passes 00:05 in Shanghai, on one of two schedulers', async () => {
      const a = env().schedules;
      const b = new Scheduler(env().services, a.entries);
      await b.start();
      clock().set(new Date('2026-03-02T16:04:59Z')); // 00:04:59 on 3 March
      await Promise.all([a.tick(), b.tick()]);
      expect(runsOf(env(), 'daily')).toHaveLength(1);
      clock().set(new Date('2026-03-02T16:05:00Z'));
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      expect(runsOf(env(), 'daily')).toEqual(['daily 2026-03-02', 'daily 2026-03-03']);
      const row = (await runRow('schedtest.daily', '2026-03-03'))!;
      expect(row).toMatchObject({ status: 'succeeded', attempts: 1 });
      expect([a.owner, b.owner]).toContain(row.owner);
      expect(new Date(row.started_at).toISOString()).toBe('2026-03-02T16:05:00.000Z');
      await b.stop();
    });

    it('records a failed run and retries it after the lease, on whichever server looks first', async () => {
      clock().set(new Date('2026-03-03T01:00:00Z'));
      let calls = 0;
      const flaky: ScheduleDef = {
        key: 'schedtest.flaky',
        name: { zh: '测试：偶发失败', en: 'Test: flaky' },
        when: { dailyAt: '03:00' },
        runAtStart: true,
        async run(s, { slot }) {
          calls++;
          if (calls === 1) throw new Error('the first run fails');
          record(s, `flaky ${slot}`);
          return { summary: 'second time lucky' };
        },
      };
      const a = new Scheduler(env().services, [entry(flaky)], { leaseMs: LEASE });
      const b = new Scheduler(env().services, [entry(flaky)], { leaseMs: LEASE });
      await a.start();
      const failed = (await runRow('schedtest.flaky', '2026-03-03'))!;
      expect(failed).toMatchObject({
        status: 'failed',
        attempts: 1,
        owner: a.owner,
        error: 'the first run fails',
      });
      expect(new Date(failed.lease_until).getTime()).toBe(clock().now().getTime() + LEASE);
      // within the lease nobody tries again
      await b.start();
      clock().advance(LEASE - 1000);
      await Promise.all([a.tick(), b.tick()]);
      expect(calls).toBe(1);
      // after it, exactly one of them does
      clock().advance(1001);
      await Promise.all([b.tick(), a.tick()]);
      expect(calls).toBe(2);
      expect(runsOf(env(), 'flaky')).toEqual(['flaky 2026-03-03']);
      expect(await runRow('schedtest.flaky', '2026-03-03')).toMatchObject({
        status: 'succeeded',
        attempts: 2,
        summary: 'second time lucky',
        error: null,
      });
      await Promise.all([a.tick(), b.tick()]);
      expect(calls).toBe(2);
      await Promise.all([a.stop(), b.stop()]);
    });

    it('gives a slot up after its last attempt, and runs the next slot', async () => {
      clock().set(new Date('2026-03-03T01:00:00Z'));
      let calls = 0;
      const broken: ScheduleDef = {
        key: 'schedtest.broken',
        name: { zh: '测试：总是失败', en: 'Test: broken' },
        when: { dailyAt: '03:00' },
        runAtStart: true,
        async run() {
          calls++;
          throw new Error(`failure ${calls}`);
        },
      };
      const s = new Scheduler(env().services, [entry(broken)], { leaseMs: LEASE, maxAttempts: 2 });
      await s.start();
      clock().advance(LEASE + 1);
      await s.tick();
      clock().advance(LEASE + 1);
      await s.tick();
      expect(calls).toBe(2);
      expect(await runRow('schedtest.broken', '2026-03-03')).toMatchObject({
        status: 'failed',
        attempts: 2,
        error: 'failure 2',
      });
      // a server starting later does not try it again either
      const late = new Scheduler(env().services, [entry(broken)], { leaseMs: LEASE, maxAttempts: 2 });
      await late.start();
      expect(calls).toBe(2);
      clock().set(new Date('2026-03-03T19:00:00Z')); // 03:00 on 4 March
      await Promise.all([s.tick(), late.tick()]);
      expect(calls).toBe(3);
      expect(await runRow('schedtest.broken', '2026-03-04')).toMatchObject({ status: 'failed', attempts: 1 });
      await Promise.all([s.stop(), late.stop()]);
    });

    it('takes over a run whose process died, once its lease has passed', async () => {
      clock().set(new Date('2026-03-05T01:00:00Z'));
      const now = clock().now();
      const lone: ScheduleDef = {
        key: 'schedtest.lone',
        name: { zh: '测试：接管', en: 'Test: take-over' },
        when: { everyMinutes: 60 },
        async run(s, { slot }) {
          record(s, `lone ${slot}`);
          return {};
        },
      };
      // a process claimed the 09:00 window and died
      await claimSlot(env().services.db, {
        key: 'schedtest.lone',
        slot: '2026-03-05 09:00',
        owner: 'gone-host:4242:dead00',
        now,
        leaseUntil: new Date(now.getTime() + LEASE),
      });
      const s = new Scheduler(env().services, [entry({ ...lone, runAtStart: true })], { leaseMs: LEASE });
      await s.start();
      expect(runsOf(env(), 'lone')).toEqual([]);
      clock().advance(LEASE + 1);
      await s.tick();
      expect(runsOf(env(), 'lone')).toEqual(['lone 2026-03-05 09:00']);
      expect(await runRow('schedtest.lone', '2026-03-05 09:00')).toMatchObject({
        status: 'succeeded',
        attempts: 2,
        owner: s.owner,
      });
      await s.stop();
    });

    it('without catch-up, leaves the slot current at start-up for the next one', async () => {
      clock().set(new Date('2026-03-05T01:00:00Z'));
      const later: ScheduleDef = {
        key: 'schedtest.later',
        name: { zh: '测试：不补跑', en: 'Test: no catch-up' },
        when: { everyMinutes: 30 },
        async run(s, { slot }) {
          record(s, `later ${slot}`);
          return {};
        },
      };
      const s = new Scheduler(env().services, [entry(later)]);
      await s.start();
      await s.tick();
      expect(runsOf(env(), 'later')).toEqual([]);
      clock().advance(30 * 60_000);
      await s.tick();
      expect(runsOf(env(), 'later')).toEqual(['later 2026-03-05 09:30']);
      await s.stop();
    });

    it('fires its unref’d timer when a slot begins, and clears it on stop', async () => {
      // a clock 150 ms before a window begins, running in real time
      const every = { everyMinutes: 1 };
      const offset = Math.ceil(Date.now() / 60_000) * 60_000 + 7 * 60_000 - 150 - Date.now();
      const running: Clock = { now: () => new Date(Date.now() + offset) };
      const timed: ScheduleDef = {
        key: 'schedtest.timed',
        name: { zh: '测试：定时', en: 'Test: timed' },
        when: every,
        async run(s, { slot }) {
          record(s, `timed ${slot}`);
          return {};
        },
      };
      const s = new Scheduler({ ...env().services, clock: running }, [entry(timed)]);
      await s.start();
      expect(s.timerSet).toBe(false);
      s.arm();
      expect(s.timerSet).toBe(true);
      await expect.poll(() => runsOf(env(), 'timed').length, { timeout: 5000, interval: 25 }).toBe(1);
      await s.idle();
      expect(s.timerSet).toBe(true);
      await s.stop();
      expect(s.timerSet).toBe(false);
      await s.tick(); // stopped: nothing
      expect(runsOf(env(), 'timed')).toHaveLength(1);
    });
  },
  { modules: [schedtestModule] },
);

/** What two servers' schedules ran, with which server. */
const clusterRuns: Array<{ slot: string; server: string }> = [];
const servers = new WeakMap<object, string>();

const clusterModule: ModuleManifest = {
  id: 'clustertest',
  name: { zh: '集群测试', en: 'Cluster test' },
  programme: false,
  schedules: [
    {
      key: 'clustertest.daily',
      name: { zh: '测试：集群每日', en: 'Test: cluster daily' },
      when: { dailyAt: '00:05' },
      runAtStart: true,
      async run(s, { slot }) {
        await sql`select pg_sleep(0.05)`.execute(s.db);
        clusterRuns.push({ slot, server: servers.get(s.db) ?? '?' });
        console.log('RUN', slot, servers.get(s.db));
        return { summary: slot };
      },
    },
  ],
};

describe.runIf(TEST_BACKENDS.includes('postgres'))('scheduled work on two servers [postgres]', () => {
  it('two app instances, each with its own pool on one database, run each daily slot exactly once', async () => {
    const { url, drop } = await createPgDatabase();
    const databases = [await openDatabase({ databaseUrl: url }), await openDatabase({ databaseUrl: url })];
    const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
    const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
    try {
      await migrate(databases[0]!, [clusterModule]);
      for (const [i, database] of databases.entries()) {
        servers.set(database.db, `server ${i + 1}`);
        apps.push(await buildApp({ config: testConfig(), database, modules: [clusterModule], clock }));
      }
      // both start together: the catch-up of 2 March runs on one of them
      await Promise.all(apps.map((a) => a.app.ready()));
      expect(clusterRuns.map((r) => r.slot)).toEqual(['2026-03-02']);
      // ten more midnights, both servers waking at the same moment
      for (let day = 3; day <= 12; day++) {
        clock.set(new Date(Date.UTC(2026, 2, day - 1, 16, 5)));
        await Promise.all(apps.map((a) => a.schedules.tick()));
        await Promise.all(apps.map((a) => a.schedules.tick()));
      }
      const slots = clusterRuns.map((r) => r.slot);
      expect(slots).toHaveLength(11);
      expect(new Set(slots).size).toBe(11);
      const rows = await sdb(databases[1]!.db)
        .selectFrom('schedule_runs')
        .select(['slot', 'status', 'attempts', 'owner'])
        .where('schedule_key', '=', 'clustertest.daily')
        .orderBy('slot')
        .execute();
      expect(rows.map((r) => r.slot)).toEqual(slots.slice().sort());
      expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true);
      const owners = new Set(apps.map((a) => a.schedules.owner));
      expect(rows.every((r) => owners.has(r.owner))).toBe(true);
    } finally {
      for (const a of apps) await a.app.close();
      for (const d of databases) await d.close();
      await drop();
    }
  });
});
