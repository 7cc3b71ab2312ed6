import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import {
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

type ExceptionList = {
  items: Array<{ date: string; kind: string; kindName: string; working: boolean; reason: string }>;
  plannedFinish: string;
};
type Schedule = { projectFinish: string; tasks: Array<{ id: string; earlyFinish: string }> };
type Calendar = {
  calendar: string;
  officialHolidaysApply: boolean;
  days: Array<{ date: string; events: Array<{ kind: string; title: string }> }>;
  nonWorkingDays: string[];
};

describeEachDb(
  'renewal calendar exceptions, rain days from daily reports, the project calendar and task forces',
  (env) => {
    let w: World;
    let pid = '';
    let tid = '';
    const url = (p: string) => `/api/renewal/projects/${p}/exceptions`;
    const auditOf = (entityId: string) =>
      env()
        .services.db.selectFrom('audit_log')
        .select(['action', 'after'])
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute();
    const finishOf = async (projectId: string, taskId: string) => {
      const s = await expectStatus<Schedule>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${projectId}/schedule`),
        200,
      );
      return s.tasks.find((t) => t.id === taskId)!.earlyFinish;
    };

    it('adds a rain day: the schedule shifts by one working day, audited; removing it shifts back', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'x');
      pid = (await createProject(env(), w.anji, w, { name: '安吉例外项目', startDate: '2026-03-02' })).id;
      tid = await addTask(env(), w.anji, pid, '基础施工', 10);
      expect(await finishOf(pid, tid)).toBe('2026-03-11');

      const added = await expectStatus<ExceptionList>(
        call(env(), w.anji, 'POST', url(pid), { date: '2026-03-05', kind: 'rain' }),
        201,
      );
      expect(added.items).toEqual([
        expect.objectContaining({ date: '2026-03-05', kind: 'rain', kindName: '雨天停工', working: false }),
      ]);
      expect(added.items[0]!.reason).toBe('雨天停工');
      expect(added.plannedFinish).toBe('2026-03-12');
      expect(await finishOf(pid, tid)).toBe('2026-03-12');
      const project = await expectStatus<{ exceptions: Array<{ date: string; kind: string }> }>(
        call(env(), w.leader, 'GET', `/api/renewal/projects/${pid}`),
        200,
      );
      expect(project.exceptions).toEqual([
        { date: '2026-03-05', working: false, reason: '雨天停工', kind: 'rain' },
      ]);

      const again = await call(env(), w.anji, 'POST', url(pid), { date: '2026-03-05', kind: 'stoppage' });
      expect([again.statusCode, again.json().field, again.json().code]).toEqual([
        409,
        'date',
        'RENEWAL_EXCEPTION_EXISTS',
      ]);

      const removed = await expectStatus<ExceptionList>(
        call(env(), w.anji, 'DELETE', `${url(pid)}/2026-03-05`),
        200,
      );
      expect(removed).toMatchObject({ items: [], plannedFinish: '2026-03-11' });
      expect(await finishOf(pid, tid)).toBe('2026-03-11');
      const gone = await call(env(), w.anji, 'DELETE', `${url(pid)}/2026-03-05`);
      expect(gone.statusCode).toBe(404);

      const audit = (await auditOf(pid)).filter((a) => a.action.startsWith('renewal.exception'));
      expect(audit.map((a) => a.action)).toEqual(['renewal.exception.add', 'renewal.exception.remove']);
      expect(audit[0]!.after).toMatchObject({
        date: '2026-03-05',
        kind: 'rain',
        plannedFinish: '2026-03-12',
      });
    });

    it('refuses bad input naming the field, and changes nothing', async () => {
      const bad = await call(env(), w.anji, 'POST', url(pid), { date: '2026-02-30', kind: 'rain' });
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'date']);
      const shape = await call(env(), w.anji, 'POST', url(pid), { date: '5 March', kind: 'rain' });
      expect(shape.statusCode).toBe(400);
      expect(shape.body).toContain('date');
      const kind = await call(env(), w.anji, 'POST', url(pid), { date: '2026-03-07', kind: 'holiday' });
      expect(kind.statusCode).toBe(400);
      // every day works on a calendar-days project: an extra workday makes no sense there
      const extra = await call(env(), w.anji, 'POST', url(pid), {
        date: '2026-03-07',
        kind: 'extra_workday',
      });
      expect([extra.statusCode, extra.json().field]).toEqual([400, 'kind']);
      const badDelete = await call(env(), w.anji, 'DELETE', `${url(pid)}/2026-13-01`);
      expect([badDelete.statusCode, badDelete.json().field]).toEqual([400, 'date']);
      const list = await expectStatus<ExceptionList>(call(env(), w.partner, 'GET', url(pid)), 200);
      expect(list.items).toEqual([]);
    });

    it('lets only staff in the region change exceptions', async () => {
      const body = { date: '2026-03-09', kind: 'stoppage', reason: '停工令' };
      expect((await call(env(), w.tiantai, 'POST', url(pid), body)).statusCode).toBe(404);
      expect((await call(env(), w.tiantai, 'GET', url(pid))).statusCode).toBe(404);
      expect((await call(env(), w.leader, 'POST', url(pid), body)).statusCode).toBe(403);
      expect((await call(env(), w.partner, 'POST', url(pid), body)).statusCode).toBe(403);
      expect((await call(env(), w.otherPartner, 'GET', url(pid))).statusCode).toBe(404);
    });

    it('counts a rainy report day as a rain day once, and re-plans', async () => {
      const report = (body: Record<string, unknown>) =>
        call(env(), w.partner, 'POST', `/api/renewal/projects/${pid}/reports`, {
          workersOnSite: 0,
          ...body,
        });
      const sunny = await report({ weather: 'sunny', rainDay: true });
      expect([sunny.statusCode, sunny.json().field]).toEqual([400, 'rainDay']);

      const filed = await expectStatus<{ id: string; rainDay: boolean }>(
        report({ weather: 'heavy_rain', rainDay: true }),
        201,
      );
      expect(filed.rainDay).toBe(true);
      const list = await expectStatus<ExceptionList>(call(env(), w.anji, 'GET', url(pid)), 200);
      expect(list.items.map((e) => [e.date, e.kind])).toEqual([['2026-03-02', 'rain']]);
      expect(list.plannedFinish).toBe('2026-03-12');
      expect(await finishOf(pid, tid)).toBe('2026-03-12');
      const audit = await auditOf(filed.id);
      expect(audit[0]!.after).toMatchObject({ rainDayAdded: '2026-03-02' });

      // amending the same day with the box still ticked adds nothing twice
      const amended = await expectStatus<{ rainDay: boolean }>(
        call(env(), w.partner, 'PUT', `/api/renewal/reports/${filed.id}`, {
          weather: 'rain',
          workersOnSite: 3,
          rainDay: true,
        }),
        200,
      );
      expect(amended.rainDay).toBe(true);
      const after = await expectStatus<ExceptionList>(call(env(), w.anji, 'GET', url(pid)), 200);
      expect(after.items).toHaveLength(1);
    });

    it('shows holidays, 调休, exceptions, start and deadline on the project calendar', async () => {
      setToday(env(), '2026-02-02');
      const wd = (
        await createProject(env(), w.anji, w, {
          name: '安吉工作日项目',
          startDate: '2026-02-02',
          deadline: '2026-02-27',
          calendar: 'workdays',
        })
      ).id;
      await expectStatus(
        call(env(), w.anji, 'POST', url(wd), { date: '2026-02-14', kind: 'extra_workday' }),
        201,
      );
      await expectStatus(
        call(env(), w.anji, 'POST', url(wd), { date: '2026-02-03', kind: 'stoppage', reason: '停电' }),
        201,
      );
      const cal = await expectStatus<Calendar>(
        call(env(), w.partner, 'GET', `/api/renewal/projects/${wd}/calendar?from=2026-02-01&to=2026-02-28`),
        200,
      );
      expect(cal).toMatchObject({ calendar: 'workdays', officialHolidaysApply: true });
      const kinds = (d: string) => cal.days.find((x) => x.date === d)?.events.map((e) => e.kind) ?? [];
      expect(kinds('2026-02-02')).toEqual(['start']);
      expect(kinds('2026-02-03')).toEqual(['stoppage']);
      expect(cal.days.find((x) => x.date === '2026-02-03')!.events[0]!.title).toBe('停电');
      expect(kinds('2026-02-17')).toEqual(['holiday']); // 春节 2026
      expect(kinds('2026-02-27')).toEqual(['deadline']);
      expect(kinds('2026-02-14')).toEqual(expect.arrayContaining(['extra_workday']));
      const adjusted = cal.days.filter((d) => d.events.some((e) => e.kind === 'adjusted_workday'));
      expect(adjusted.length).toBeGreaterThan(0);
      expect(cal.nonWorkingDays).toContain('2026-02-03');
      expect(cal.nonWorkingDays).toContain('2026-02-17');
      expect(cal.nonWorkingDays).toContain('2026-02-08'); // a Sunday
      expect(cal.nonWorkingDays).not.toContain('2026-02-14');
      for (const d of adjusted) expect(cal.nonWorkingDays).not.toContain(d.date);

      // a calendar-days project shows the holidays for information; they stay working days
      const info = await expectStatus<Calendar>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${pid}/calendar?from=2026-02-01&to=2026-02-28`),
        200,
      );
      expect(info.officialHolidaysApply).toBe(false);
      expect(info.days.some((d) => d.events.some((e) => e.kind === 'holiday'))).toBe(true);
      expect(info.nonWorkingDays).toEqual([]);
    });

    it('edits task forces per stage and their members through the project, audited', async () => {
      const users = await env().services.db.selectFrom('users').select(['id', 'username']).execute();
      const anjiUser = users.find((u) => u.username === 'anji.x')!.id;
      const patch = (cookie: string, taskForces: unknown) =>
        call(env(), cookie, 'PATCH', `/api/renewal/projects/${pid}`, { taskForces });
      const forces = [
        {
          stage: 'construction',
          name: '主体施工专班',
          members: [{ userId: anjiUser, role: 'leader', duty: '统筹' }],
        },
        { stage: 'acceptance', name: '验收专班', members: [] },
      ];
      const v = await expectStatus<{
        taskForces: Array<{
          name: string;
          stage: string;
          members: Array<{ userId: string; roleName: string }>;
        }>;
      }>(patch(w.anji, forces), 200);
      expect(v.taskForces.map((f) => [f.stage, f.name, f.members.length])).toEqual([
        ['construction', '主体施工专班', 1],
        ['acceptance', '验收专班', 0],
      ]);
      expect(v.taskForces[0]!.members[0]).toMatchObject({ userId: anjiUser, roleName: '组长' });

      const renamed = await expectStatus<{ taskForces: Array<{ name: string }> }>(
        patch(w.anji, [{ ...forces[0], name: '主体结构专班', members: [] }]),
        200,
      );
      expect(renamed.taskForces.map((f) => f.name)).toEqual(['主体结构专班']);

      const both = await patch(w.anji, [
        { stage: 'design', name: '设计专班', members: [{ role: 'member' }] },
      ]);
      expect([both.statusCode, both.json().field]).toEqual([400, 'taskForces.0.members.0']);
      expect((await patch(w.leader, forces)).statusCode).toBe(403);
      const audit = (await auditOf(pid)).filter((a) => a.action === 'renewal.project.update');
      expect(audit.at(-1)!.after).toMatchObject({ taskForces: [{ name: '主体结构专班' }] });
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
