import { officialCalendar } from '@gongfu/domain/cn/holidays/index';
import { createCalendar } from '@gongfu/domain/renewal/calendar';
import { planProject } from '@gongfu/domain/renewal/schedule';
import { expect, it } from 'vitest';
import { buildApp } from '../../../../app.ts';
import { actAs } from '../../../../platform/kit/index.ts';
import { ManualClock } from '../../../../platform/kit/testing.ts';
import { describeEachDb, testConfig } from '../../../../test/harness.ts';
import {
  addLink,
  addTask,
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { rdb } from '../../shared/renewal.tables.ts';
import { replanAllProjects } from '../replan.job.ts';
import { importTasks } from '../task-import.service.ts';

type SchedTask = {
  id: string;
  name: string;
  summary: boolean;
  status: string;
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  actualStart: string | null;
  actualFinish: string | null;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  lateStartPassed: boolean;
  daysToLateStart: number | null;
  late: boolean;
  percent: number;
};
type Schedule = {
  statusDate: string;
  projectFinish: string;
  feasible: boolean;
  daysLate: number;
  criticalPath: string[];
  tasks: SchedTask[];
  links: unknown[];
};

describeEachDb(
  'renewal schedule: tasks, links, reverse scheduling and daily re-planning',
  (env) => {
    let w: World;
    const getSchedule = (cookie: string, id: string) =>
      expectStatus<Schedule>(call(env(), cookie, 'GET', `/api/renewal/projects/${id}/schedule`), 200);

    it('schedules the network exactly as planProject does on the project calendar', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 's');
      const p = await createProject(env(), w.anji, w, { startDate: '2026-03-02', deadline: '2026-03-20' });
      const t = {
        a: await addTask(env(), w.anji, p.id, '基础', 5, { wbsCode: '1' }),
        b: await addTask(env(), w.anji, p.id, '主体', 4, { wbsCode: '2' }),
        c: await addTask(env(), w.anji, p.id, '机电预埋', 3, { wbsCode: '3' }),
        d: await addTask(env(), w.anji, p.id, '封顶', 2, { wbsCode: '4' }),
      };
      await addLink(env(), w.anji, p.id, t.a, t.b);
      await addLink(env(), w.anji, p.id, t.a, t.c, 'SS', 2);
      await addLink(env(), w.anji, p.id, t.b, t.d);
      await addLink(env(), w.anji, p.id, t.c, t.d, 'FF', 1);
      const s = await getSchedule(w.anji, p.id);
      const expected = planProject({
        tasks: [
          { id: t.a, duration: 5 },
          { id: t.b, duration: 4 },
          { id: t.c, duration: 3 },
          { id: t.d, duration: 2 },
        ],
        links: [
          { from: t.a, to: t.b },
          { from: t.a, to: t.c, type: 'SS', lag: 2 },
          { from: t.b, to: t.d },
          { from: t.c, to: t.d, type: 'FF', lag: 1 },
        ],
        start: '2026-03-02',
        deadline: '2026-03-20',
        statusDate: '2026-03-02',
      });
      expect(s).toMatchObject({
        statusDate: '2026-03-02',
        projectFinish: expected.projectFinish,
        feasible: expected.feasible,
        daysLate: expected.daysLate,
        criticalPath: expected.criticalPath,
      });
      expect(s.links).toHaveLength(4);
      for (const task of s.tasks) {
        const e = expected.tasks[task.id]!;
        expect(task).toMatchObject({
          earlyStart: e.earlyStart,
          earlyFinish: e.earlyFinish,
          lateStart: e.lateStart,
          lateFinish: e.lateFinish,
          totalFloat: e.totalFloat,
          freeFloat: e.freeFloat,
          critical: e.critical,
          lateStartPassed: false,
        });
      }
      // A→B→D: 5 + 4 + 2 days from 2 March: finish 12 March, 8 days of float to the 20th
      expect(s.projectFinish).toBe('2026-03-12');
      const d = s.tasks.find((x) => x.id === t.d)!;
      expect(d).toMatchObject({ lateFinish: '2026-03-20', totalFloat: 8, daysToLateStart: 17 });
      // eight days to spare on the longest chain: nothing is critical, no critical path
      expect(s.tasks.filter((x) => x.critical)).toEqual([]);
      expect(s.criticalPath).toEqual([]);
      // moved to the planned finish, the deadline makes the chain A → B → D critical
      await expectStatus(
        call(env(), w.anji, 'PATCH', `/api/renewal/projects/${p.id}`, { deadline: '2026-03-12' }),
        200,
      );
      const tight = await getSchedule(w.anji, p.id);
      expect(tight.criticalPath).toEqual([t.a, t.b, t.d]);
      expect(tight.tasks.filter((x) => x.critical).map((x) => x.id)).toEqual([t.a, t.b, t.d]);
      const dash = await expectStatus<Record<string, unknown>>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${p.id}/dashboard`),
        200,
      );
      expect(dash).toMatchObject({ criticalTaskCount: 3, calendar: 'calendar-days', taskCount: 4 });
    });

    it('refuses a link cycle naming its tasks (400 links), self links and duplicates', async () => {
      const p = await createProject(env(), w.anji, w, { name: '循环测试' });
      const a = await addTask(env(), w.anji, p.id, '挖土', 2, { wbsCode: 'A' });
      const b = await addTask(env(), w.anji, p.id, '垫层', 2, { wbsCode: 'B' });
      const c = await addTask(env(), w.anji, p.id, '底板', 2, { wbsCode: 'C' });
      await addLink(env(), w.anji, p.id, a, b);
      await addLink(env(), w.anji, p.id, b, c);
      const cycle = await call(env(), w.anji, 'POST', `/api/renewal/projects/${p.id}/links`, {
        from: c,
        to: a,
      });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json()).toMatchObject({ code: 'RENEWAL_LINK_CYCLE', field: 'links' });
      expect(cycle.json().message).toContain('A 挖土 → B 垫层 → C 底板 → A 挖土');
      const en = await call(
        env(),
        w.anji,
        'POST',
        `/api/renewal/projects/${p.id}/links`,
        { from: c, to: a },
        'en',
      );
      expect(en.json().message).toContain('The task links form a cycle: A 挖土 → B 垫层 → C 底板 → A 挖土');
      const self = await call(env(), w.anji, 'POST', `/api/renewal/projects/${p.id}/links`, {
        from: a,
        to: a,
      });
      expect(self.json()).toMatchObject({ field: 'to' });
      const dup = await call(env(), w.anji, 'POST', `/api/renewal/projects/${p.id}/links`, {
        from: a,
        to: b,
        type: 'SS',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().field).toBe('to');
      const links = await expectStatus<unknown[]>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${p.id}/links`),
        200,
      );
      expect(links).toHaveLength(2);
      // An empty change is answered with the link as it stands (it once reached the database as an empty SET).
      const [first] = links as { id: string; type: string; lag: number }[];
      const same = await call(env(), w.anji, 'PATCH', `/api/renewal/projects/${p.id}/links/${first!.id}`, {});
      expect(same.statusCode).toBe(200);
      expect(same.json()).toMatchObject({ id: first!.id, type: first!.type, lag: first!.lag });
      const wbs = await call(env(), w.anji, 'POST', `/api/renewal/projects/${p.id}/tasks`, {
        name: '重复',
        duration: 1,
        wbsCode: 'A',
      });
      expect(wbs.statusCode).toBe(409);
      expect(wbs.json().field).toBe('wbsCode');
    });

    it('rolls summary tasks up from their sub-tasks and keeps summaries out of links', async () => {
      const p = await createProject(env(), w.anji, w, {
        name: '汇总测试',
        startDate: '2026-03-02',
        deadline: '2026-03-31',
      });
      const group = await addTask(env(), w.anji, p.id, '1#楼', 1, { wbsCode: '1' });
      const f = await addTask(env(), w.anji, p.id, '1#楼 基础', 4, { wbsCode: '1.1', parentId: group });
      const s1 = await addTask(env(), w.anji, p.id, '1#楼 主体', 6, { wbsCode: '1.2', parentId: group });
      await addLink(env(), w.anji, p.id, f, s1);
      const toGroup = await call(env(), w.anji, 'POST', `/api/renewal/projects/${p.id}/links`, {
        from: f,
        to: group,
      });
      expect(toGroup.json()).toMatchObject({ field: 'to' });
      const underLinked = await call(env(), w.anji, 'PATCH', `/api/renewal/projects/${p.id}/tasks/${s1}`, {
        parentId: f,
      });
      expect(underLinked.json()).toMatchObject({ field: 'parentId' });
      const underSelf = await call(env(), w.anji, 'PATCH', `/api/renewal/projects/${p.id}/tasks/${group}`, {
        parentId: s1,
      });
      expect(underSelf.json().field).toBe('parentId');
      const s = await getSchedule(w.anji, p.id);
      expect(s.tasks.find((x) => x.id === group)).toMatchObject({
        summary: true,
        earlyStart: '2026-03-02',
        earlyFinish: '2026-03-11',
        status: 'not-started',
      });
      const list = await expectStatus<Array<{ id: string; summary: boolean }>>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${p.id}/tasks`),
        200,
      );
      expect(list.filter((x) => x.summary).map((x) => x.id)).toEqual([group]);
      const busy = await call(env(), w.anji, 'DELETE', `/api/renewal/projects/${p.id}/tasks/${group}`);
      expect(busy.statusCode).toBe(409);
      await expectStatus(call(env(), w.anji, 'DELETE', `/api/renewal/projects/${p.id}/tasks/${s1}`), 204);
      expect(
        await expectStatus<unknown[]>(call(env(), w.anji, 'GET', `/api/renewal/projects/${p.id}/links`), 200),
      ).toEqual([]);
    });

    it('uses the workday calendar with official holidays, and project exceptions', async () => {
      const p = await createProject(env(), w.anji, w, {
        name: '工作日历测试',
        calendar: 'workdays',
        startDate: '2026-04-30',
        deadline: '2026-06-30',
      });
      await addTask(env(), w.anji, p.id, '跨五一', 5);
      const cal = createCalendar({ kind: 'workdays', ...officialCalendar() });
      const s = await getSchedule(w.anji, p.id);
      expect(s.tasks[0]!.earlyFinish).toBe(cal.addWorkingDays('2026-04-30', 4));
      expect(s.tasks[0]!.earlyFinish > '2026-05-05').toBe(true);
      const q = await createProject(env(), w.anji, w, {
        name: '雨天测试',
        startDate: '2026-03-02',
        deadline: '2026-03-31',
        exceptions: [{ date: '2026-03-03', working: false, reason: '暴雨' }],
      });
      await addTask(env(), w.anji, q.id, '土方', 3);
      expect((await getSchedule(w.anji, q.id)).tasks[0]!.earlyFinish).toBe('2026-03-05');
    });

    it('re-plans from the daily reports: a task finished late makes the project late', async () => {
      setToday(env(), '2026-03-02');
      const p = await createProject(env(), w.anji, w, {
        name: '进度测试',
        startDate: '2026-03-02',
        deadline: '2026-03-11',
      });
      const x = await addTask(env(), w.anji, p.id, '桩基', 5);
      const y = await addTask(env(), w.anji, p.id, '承台', 5);
      await addLink(env(), w.anji, p.id, x, y);
      let s = await getSchedule(w.anji, p.id);
      expect(s).toMatchObject({ projectFinish: '2026-03-11', daysLate: 0, feasible: true });
      await expectStatus(
        call(env(), w.partner, 'POST', `/api/renewal/projects/${p.id}/reports`, {
          weather: 'sunny',
          workersOnSite: 40,
          progress: [{ taskId: x, startedOn: '2026-03-02', percent: 20 }],
        }),
        201,
      );
      setToday(env(), '2026-03-08');
      await expectStatus(
        call(env(), w.partner, 'POST', `/api/renewal/projects/${p.id}/reports`, {
          weather: 'rain',
          workersOnSite: 35,
          progress: [{ taskId: x, finishedOn: '2026-03-08' }],
        }),
        201,
      );
      s = await getSchedule(w.anji, p.id);
      expect(s).toMatchObject({
        statusDate: '2026-03-08',
        projectFinish: '2026-03-13',
        daysLate: 2,
        feasible: false,
      });
      expect(s.tasks.find((t) => t.id === x)).toMatchObject({
        status: 'done',
        actualStart: '2026-03-02',
        actualFinish: '2026-03-08',
        percent: 100,
      });
      expect(s.tasks.find((t) => t.id === y)).toMatchObject({
        status: 'not-started',
        earlyStart: '2026-03-09',
        totalFloat: -2,
        critical: true,
        late: true,
      });
      const dash = await expectStatus<Record<string, unknown>>(
        call(env(), w.leader, 'GET', `/api/renewal/projects/${p.id}/dashboard`),
        200,
      );
      expect(dash).toMatchObject({
        statusDate: '2026-03-08',
        plannedFinish: '2026-03-13',
        daysLate: 2,
        daysToDeadline: 3,
        lateTaskCount: 1,
        todayReportFiled: true,
        lastReportDate: '2026-03-08',
        progressPercent: 50,
        taskCount: 2,
        doneTaskCount: 1,
      });
      const list = await expectStatus<{ items: Array<Record<string, unknown>> }>(
        call(env(), w.anji, 'GET', '/api/renewal/projects?atRisk=true&q=进度测试'),
        200,
      );
      expect(list.items[0]).toMatchObject({ daysLate: 2, atRisk: true, plannedFinish: '2026-03-13' });
    });

    it('flags a task whose latest start has passed, with a negative countdown', async () => {
      setToday(env(), '2026-03-02');
      const p = await createProject(env(), w.anji, w, {
        name: '倒计时测试',
        startDate: '2026-03-02',
        deadline: '2026-03-06',
      });
      const z = await addTask(env(), w.anji, p.id, '拆除', 3);
      expect((await getSchedule(w.anji, p.id)).tasks[0]).toMatchObject({
        lateStart: '2026-03-04',
        daysToLateStart: 2,
      });
      setToday(env(), '2026-03-05');
      const t = (await getSchedule(w.anji, p.id)).tasks.find((x) => x.id === z)!;
      expect(t).toMatchObject({
        lateStartPassed: true,
        daysToLateStart: -1,
        late: true,
        earlyStart: '2026-03-05',
      });
    });

    it('imports a task list with parents and predecessors in one audited transaction, or nothing', async () => {
      setToday(env(), '2026-03-02');
      const p = await createProject(env(), w.anji, w, {
        name: '导入测试',
        startDate: '2026-03-02',
        deadline: '2026-04-30',
      });
      const s = env().services;
      const ctx = await actAs(s, 'anji.s', 'test:import');
      const bad = await importTasks(s, ctx, p.id, [
        { wbsCode: '1', name: '土方', duration: 5 },
        { wbsCode: '2', name: '垫层', duration: 2, predecessors: '9' },
      ]).catch((e: unknown) => e);
      expect(bad).toMatchObject({ status: 400, field: 'rows.1.predecessors' });
      const r = await importTasks(s, ctx, p.id, [
        { wbsCode: 'A', name: '基础', duration: 1 },
        { wbsCode: 'A.1', name: '土方', duration: 5, parentWbsCode: 'A' },
        { wbsCode: 'A.2', name: '垫层', duration: 2, parentWbsCode: 'A', predecessors: 'A.1' },
        { wbsCode: 'B', name: '主体', duration: 10, predecessors: 'A.2FS+1, A.1SS+2' },
      ]);
      expect(r).toEqual({ created: 4, links: 3 });
      const sched = await getSchedule(w.anji, p.id);
      const byName = (n: string) => sched.tasks.find((t) => t.name === n)!;
      expect(byName('垫层')).toMatchObject({ earlyStart: '2026-03-07', earlyFinish: '2026-03-08' });
      expect(byName('主体').earlyStart).toBe('2026-03-10');
      expect(byName('基础')).toMatchObject({
        summary: true,
        earlyStart: '2026-03-02',
        earlyFinish: '2026-03-08',
      });
      const cycle = await importTasks(s, ctx, p.id, [
        { wbsCode: 'C', name: '回填', duration: 1, predecessors: 'B' },
      ]).then(() =>
        importTasks(s, ctx, p.id, [{ wbsCode: 'D', name: '复测', duration: 1, predecessors: 'C' }]),
      );
      expect(cycle.created).toBe(1);
      const loop = await call(env(), w.anji, 'POST', `/api/renewal/projects/${p.id}/links`, {
        from: byName('主体').id,
        to: byName('土方').id,
      });
      expect(loop.json().message).toMatch(/A\.1 土方 → (A\.2 垫层 → )?B 主体 → A\.1 土方/);
      const audit = await env()
        .services.db.selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'renewal.task.import')
        .where('entity_id', '=', p.id)
        .orderBy('seq')
        .execute();
      expect(audit).toHaveLength(3);
      expect(audit[0]!.after).toMatchObject({ tasks: 4, links: 3 });
    });

    it('re-plans every open project once per day (idempotent), keeping the trend', async () => {
      const s = env().services;
      const db = s.db;
      const count = async (date: string) =>
        Number(
          (
            await db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'renewal.replan')
              .where('entity_id', '=', date)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const first = await replanAllProjects(s, '2026-03-09');
      expect(first.planned).toBeGreaterThan(0);
      expect(first.failed).toEqual([]);
      const again = await replanAllProjects(s, '2026-03-09');
      expect(again.planned).toBe(0);
      expect(await count('2026-03-09')).toBe(1);
      // a server starting on a new day re-plans that day before it serves requests
      const { app } = await buildApp({
        config: testConfig(),
        database: env().database,
        modules: [renewalModule],
        clock: new ManualClock(new Date('2026-03-10T01:00:00Z')),
      });
      await app.ready();
      await app.close();
      const open = await rdb(db)
        .selectFrom('renewal_projects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const planned = await rdb(db)
        .selectFrom('renewal_schedule_snapshots')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('snapshot_date', '=', '2026-03-10')
        .executeTakeFirstOrThrow();
      expect(Number(planned.n)).toBe(Number(open.n));
      // a past day is planned from the reports filed up to it: on 5 March the late finish was not known yet
      await replanAllProjects(s, '2026-03-05');
      setToday(env(), '2026-03-09');
      const list = await expectStatus<{ items: Array<{ id: string }> }>(
        call(env(), w.anji, 'GET', '/api/renewal/projects?q=进度测试'),
        200,
      );
      const dash = await expectStatus<{ trend: Array<{ date: string; daysLate: number }> }>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${list.items[0]!.id}/dashboard`),
        200,
      );
      expect(dash.trend.map((p) => [p.date, p.daysLate])).toEqual([
        ['2026-03-02', 0],
        ['2026-03-05', 0],
        ['2026-03-08', 2],
        ['2026-03-09', 2],
      ]);
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
