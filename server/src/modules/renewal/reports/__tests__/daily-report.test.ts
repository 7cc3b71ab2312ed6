import { expect, it } from 'vitest';
import { solidPng } from '../../../../platform/kit/index.ts';
import { upload } from '../../../../platform/kit/testing.ts';
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

type Report = {
  id: string;
  photos: Array<{ description: string; file: { id: string; url: string } | null }>;
  date: string;
  problems: Array<{ n: number; text: string; issueId: string | null }>;
  progress: Array<{ taskId: string; taskName: string; percent: number | null }>;
  amendable: boolean;
  filedBy: { name: string | null };
};
type Issue = {
  id: string;
  status: string;
  overdue: boolean;
  dueDate: string;
  ownerOrganisation: { id: string } | null;
};

describeEachDb(
  'renewal daily reports: one a day, amend the same day, missing reports, problems to issues',
  (env) => {
    let w: World;
    const ids: Record<string, string> = {};
    const report = (cookie: string, projectId: string, body: Record<string, unknown>) =>
      call(env(), cookie, 'POST', `/api/renewal/projects/${projectId}/reports`, {
        weather: 'sunny',
        workersOnSite: 120,
        ...body,
      });

    it('files one report per project per day; a second is refused naming the date', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'r');
      ids.a = (await createProject(env(), w.anji, w, { name: '安吉住宅A', startDate: '2026-02-16' })).id;
      ids.b = (
        await createProject(env(), w.anji, w, { name: '安吉道路B', contractorId: w.otherContractor })
      ).id;
      ids.design = (await createProject(env(), w.anji, w, { name: '安吉设计中C', stage: 'design' })).id;
      ids.tt = (
        await createProject(env(), w.tiantai, w, {
          name: '天台国道D',
          regionCode: '331023003',
          contractorId: w.otherContractor,
        })
      ).id;
      ids.task = await addTask(env(), w.anji, ids.a, '1#楼 主体结构', 20);
      const photo = (await upload(env(), w.partner, solidPng(4, 4, [90, 90, 90]), '浇筑.png')).json();
      const first = await expectStatus<Report>(
        report(w.partner, ids.a, {
          machinery: [{ type: '塔吊', count: 2 }],
          progress: [{ taskId: ids.task, startedOn: '2026-02-20', percent: 30 }],
          problems: [
            { text: '钢筋进场延迟半天', severity: 'minor' },
            { text: '塔吊限位器报警，需停机检修', severity: 'major' },
          ],
          photos: [{ fileId: photo.id, description: '1#楼 10层 浇筑' }],
        }),
        201,
      );
      expect(first.photos).toEqual([
        {
          description: '1#楼 10层 浇筑',
          file: expect.objectContaining({ id: photo.id, contentType: 'image/png' }),
        },
      ]);
      ids.report = first.id;
      expect(first).toMatchObject({
        date: '2026-03-02',
        amendable: true,
        filedBy: { name: 'partner.r' },
        progress: [{ taskId: ids.task, taskName: '1#楼 主体结构', percent: 30 }],
        problems: [
          { n: 1, issueId: null },
          { n: 2, issueId: null },
        ],
      });
      const again = await report(w.anji, ids.a, {});
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'RENEWAL_REPORT_EXISTS', field: 'date' });
      const audit = await env()
        .services.db.selectFrom('audit_log')
        .select(['action', 'actor_name'])
        .where('entity_id', '=', first.id)
        .execute();
      expect(audit).toEqual([{ action: 'renewal.report.file', actor_name: 'partner.r' }]);
    });

    it('checks the date and the progress lines, naming the field', async () => {
      const field = async (body: Record<string, unknown>) => {
        const r = await report(w.anji, ids.b!, body);
        expect(r.statusCode, r.body).toBe(400);
        return r.json().field as string;
      };
      expect(await field({ date: '2026-03-03' })).toBe('date');
      expect(await field({ date: '2026-02-01' })).toBe('date');
      expect(await field({ progress: [{ taskId: ids.task, percent: 10 }] })).toBe('progress.0.taskId');
      const t = await addTask(env(), w.anji, ids.b!, '路基', 10);
      expect(await field({ progress: [{ taskId: t, startedOn: '2026-03-05' }] })).toBe(
        'progress.0.startedOn',
      );
      expect(await field({ progress: [{ taskId: t }] })).toBe('progress.0');
      expect(await field({ progress: [{ taskId: t, finishedOn: '2026-03-02', percent: 50 }] })).toBe(
        'progress.0.finishedOn',
      );
      expect(
        await field({
          progress: [
            { taskId: t, percent: 5 },
            { taskId: t, percent: 6 },
          ],
        }),
      ).toBe('progress.1.taskId');
      expect(await field({ workersOnSite: -1 })).toBe('workersOnSite');
      expect(await field({ weather: 'tornado' })).toBe('weather');
    });

    it('lets only the contractor or agent builder among partners, and staff, file reports', async () => {
      expect((await report(w.otherPartner, ids.a!, {})).statusCode).toBe(404);
      expect((await report(w.leader, ids.a!, {})).statusCode).toBe(403);
      // the partner of project B's contractor files B's report; the contractor of A sees B? no
      await expectStatus(report(w.otherPartner, ids.b!, {}), 201);
      expect((await report(w.partner, ids.b!, {})).statusCode).toBe(404);
    });

    it('amends the report on the day it was filed, and no later', async () => {
      const amended = await expectStatus<Report>(
        call(env(), w.anji, 'PUT', `/api/renewal/reports/${ids.report}`, {
          weather: 'rain',
          workersOnSite: 98,
          progress: [{ taskId: ids.task, percent: 35 }],
          problems: [{ text: '钢筋进场延迟半天', severity: 'minor' }],
        }),
        200,
      );
      expect(amended).toMatchObject({ progress: [{ percent: 35 }], problems: [{ n: 1 }] });
      setToday(env(), '2026-03-03');
      const late = await call(env(), w.anji, 'PUT', `/api/renewal/reports/${ids.report}`, {
        weather: 'sunny',
        workersOnSite: 1,
      });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'RENEWAL_REPORT_CLOSED', field: 'date' });
      const read = await expectStatus<Report>(
        call(env(), w.partner, 'GET', `/api/renewal/reports/${ids.report}`),
        200,
      );
      expect(read.amendable).toBe(false);
      expect(
        (await call(env(), w.otherPartner, 'GET', `/api/renewal/reports/${ids.report}`)).statusCode,
      ).toBe(404);
    });

    it('lists projects under construction in scope missing the day’s report', async () => {
      const missing = async (cookie: string, q = '') =>
        (
          await expectStatus<{
            date: string;
            items: Array<{ projectName: string; lastReportDate: string | null }>;
          }>(call(env(), cookie, 'GET', `/api/renewal/reports/missing${q}`), 200)
        ).items
          .map((i) => [i.projectName, i.lastReportDate])
          .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
      expect(await missing(w.anji, '?date=2026-03-02')).toEqual([]);
      expect(await missing(w.anji)).toEqual([
        ['安吉住宅A', '2026-03-02'],
        ['安吉道路B', '2026-03-02'],
      ]);
      expect(await missing(w.tiantai)).toEqual([['天台国道D', null]]);
      expect(await missing(w.otherPartner)).toEqual([
        ['天台国道D', null],
        ['安吉道路B', '2026-03-02'],
      ]);
      expect(await missing(w.leader, '?regionCode=331023')).toEqual([['天台国道D', null]]);
      const list = await expectStatus<{ total: number; items: Array<{ date: string }> }>(
        call(env(), w.leader, 'GET', `/api/renewal/projects/${ids.a}/reports`),
        200,
      );
      expect(list.items.map((r) => r.date)).toEqual(['2026-03-02']);
    });

    it('turns a problem into a tracked issue once, and resolves it with a resolution', async () => {
      const issue = await expectStatus<Issue>(
        call(env(), w.anji, 'POST', `/api/renewal/reports/${ids.report}/problems/1/issue`, {}),
        201,
      );
      expect(issue).toMatchObject({
        status: 'open',
        dueDate: '2026-03-10',
        ownerOrganisation: { id: w.contractor },
      });
      const twice = await call(
        env(),
        w.anji,
        'POST',
        `/api/renewal/reports/${ids.report}/problems/1/issue`,
        {},
      );
      expect(twice.statusCode).toBe(409);
      expect(
        (await call(env(), w.anji, 'POST', `/api/renewal/reports/${ids.report}/problems/7/issue`, {}))
          .statusCode,
      ).toBe(404);
      expect(
        (await call(env(), w.partner, 'POST', `/api/renewal/reports/${ids.report}/problems/1/issue`, {}))
          .statusCode,
      ).toBe(403);
      const read = await expectStatus<Report>(
        call(env(), w.anji, 'GET', `/api/renewal/reports/${ids.report}`),
        200,
      );
      expect(read.problems[0]!.issueId).toBe(issue.id);
      const noResolution = await call(env(), w.anji, 'PATCH', `/api/renewal/issues/${issue.id}`, {
        status: 'resolved',
      });
      expect(noResolution.json()).toMatchObject({ field: 'resolution' });
      setToday(env(), '2026-03-12');
      const overdue = await expectStatus<{ items: Issue[] }>(
        call(env(), w.partner, 'GET', `/api/renewal/issues?overdue=true`),
        200,
      );
      expect(overdue.items.map((i) => i.id)).toEqual([issue.id]);
      expect(overdue.items[0]!.overdue).toBe(true);
      const resolved = await expectStatus<Issue>(
        call(env(), w.anji, 'PATCH', `/api/renewal/issues/${issue.id}`, {
          status: 'resolved',
          resolution: '协调供应商，次日到货',
        }),
        200,
      );
      expect(resolved).toMatchObject({ status: 'resolved', overdue: false });
      const actions = await env()
        .services.db.selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', issue.id)
        .orderBy('id')
        .execute();
      expect(actions.map((a) => a.action)).toEqual(['renewal.issue.raise', 'renewal.issue.resolve']);
      expect(
        (await expectStatus<{ total: number }>(call(env(), w.tiantai, 'GET', `/api/renewal/issues`), 200))
          .total,
      ).toBe(0);
      expect((await call(env(), w.tiantai, 'GET', `/api/renewal/issues/${issue.id}`)).statusCode).toBe(404);
    });

    it('keeps a tracked problem in a report amended the same day', async () => {
      const r = await expectStatus<Report>(
        report(w.anji, ids.a!, {
          problems: [{ text: '夜间浇筑噪声投诉', severity: 'major' }],
        }),
        201,
      );
      await expectStatus(
        call(env(), w.anji, 'POST', `/api/renewal/reports/${r.id}/problems/1/issue`, {}),
        201,
      );
      const drop = await call(env(), w.anji, 'PUT', `/api/renewal/reports/${r.id}`, {
        weather: 'sunny',
        workersOnSite: 1,
        problems: [],
      });
      expect(drop.statusCode).toBe(409);
      expect(drop.json().field).toBe('problems.0');
      await expectStatus(
        call(env(), w.anji, 'PUT', `/api/renewal/reports/${r.id}`, {
          weather: 'sunny',
          workersOnSite: 1,
          problems: [
            { text: '夜间浇筑噪声投诉', severity: 'major' },
            { text: '新问题', severity: 'minor' },
          ],
        }),
        200,
      );
    });

    it('lists reports and issues within the caller’s scope only, with exact totals and filters', async () => {
      type Page<T> = { items: T[]; total: number };
      type IssueItem = Issue & { projectId: string; can: { update: boolean } };
      const issues = async (cookie: string, q = '') =>
        expectStatus<Page<IssueItem>>(call(env(), cookie, 'GET', `/api/renewal/issues${q}`), 200);
      const reports = async (cookie: string, projectId: string, q = '') =>
        expectStatus<Page<{ date: string }>>(
          call(env(), cookie, 'GET', `/api/renewal/projects/${projectId}/reports${q}`),
          200,
        );
      // 天台 tracks a problem of its own project's report (critical: due the next day)
      const tt = await expectStatus<Report>(
        report(w.tiantai, ids.tt!, { problems: [{ text: '路面塌陷，需封闭车道', severity: 'critical' }] }),
        201,
      );
      const ttIssue = await expectStatus<Issue>(
        call(env(), w.tiantai, 'POST', `/api/renewal/reports/${tt.id}/problems/1/issue`, {}),
        201,
      );

      // a county's caller never sees another county's issues, nor the project's reports (404)
      const anji = await issues(w.anji);
      expect(anji.total).toBe(2);
      expect(anji.items.map((i) => i.projectId)).not.toContain(ids.tt);
      expect(anji.items.every((i) => i.can.update)).toBe(true);
      const tiantai = await issues(w.tiantai);
      expect([tiantai.total, tiantai.items.map((i) => i.id)]).toEqual([1, [ttIssue.id]]);
      expect((await issues(w.anji, `?projectId=${ids.tt}`)).total).toBe(0);
      const leader = await issues(w.leader);
      expect(leader.total).toBe(3);
      expect(leader.items.every((i) => !i.can.update)).toBe(true);
      expect((await call(env(), w.anji, 'GET', `/api/renewal/projects/${ids.tt}/reports`)).statusCode).toBe(
        404,
      );
      expect((await reports(w.tiantai, ids.tt!)).total).toBe(1);

      // filters: status (open first, by due date), project, overdue against today
      const open = await issues(w.leader, '?status=open');
      expect([open.total, open.items.map((i) => i.dueDate)]).toEqual([2, ['2026-03-13', '2026-03-15']]);
      expect((await issues(w.anji, '?status=resolved')).total).toBe(1);
      expect((await issues(w.leader, `?projectId=${ids.a}`)).total).toBe(2);
      expect((await issues(w.leader, '?overdue=true')).total).toBe(0);
      setToday(env(), '2026-03-14');
      const overdue = await issues(w.leader, '?overdue=true');
      expect([overdue.total, overdue.items.map((i) => [i.id, i.overdue])]).toEqual([1, [[ttIssue.id, true]]]);
      expect((await issues(w.leader, '?overdue=false')).total).toBe(3);

      // a project's reports, newest first, within a date range (a day that does not exist: 400)
      expect((await reports(w.anji, ids.a!)).items.map((r) => r.date)).toEqual(['2026-03-12', '2026-03-02']);
      const range = async (q: string) => (await reports(w.anji, ids.a!, q)).items.map((r) => r.date);
      expect(await range('?from=2026-03-03')).toEqual(['2026-03-12']);
      expect(await range('?to=2026-03-11')).toEqual(['2026-03-02']);
      expect(await range('?from=2026-03-02&to=2026-03-02&pageSize=1')).toEqual(['2026-03-02']);
      const bad = await call(env(), w.anji, 'GET', `/api/renewal/projects/${ids.a}/reports?from=2026-02-30`);
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'from']);
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
