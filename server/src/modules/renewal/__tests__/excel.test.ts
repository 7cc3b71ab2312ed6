import { expect, it } from 'vitest';
import { actAs } from '../../../platform/kit/index.ts';
import { countStaged, sheetsOf, shownSheetsOf, XLSX_TYPE, xlsxOf } from '../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../test/harness.ts';
import { renewalModule } from '../manifest.ts';
import { projectList } from '../projects/project.list.ts';
import { taskExcel } from '../projects/task.excel.ts';
import { importTasks } from '../projects/task-import.service.ts';
import { dailyReportExcel } from '../reports/daily-report.list.ts';
import { issueList } from '../reports/project-issue.list.ts';
import {
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from './renewal-factory.ts';

const TEMPLATE_HEADER = ['WBS编码*', '任务名称*', '工期（天）*', '前置任务', '责任单位', '上级WBS编码'];
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")项目';

interface Job {
  id: string;
  target: string;
  status: string;
  params: Record<string, string> | null;
  result: { total: number; imported: number; failed: number; hasErrorReport: boolean } | null;
  error: { code: string; message: string } | null;
}

describeEachDb(
  'renewal Excel: exports of the lists, task-list import as a background job',
  (env) => {
    let w: World;
    const p: Record<'housing' | 'formula' | 'road', string> = { housing: '', formula: '', road: '' };

    const download = async (cookie: string, url: string, lang?: 'en') => {
      const res = await call(env(), cookie, 'GET', url, undefined, lang);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      return { res, sheets: await shownSheetsOf(res.rawPayload) };
    };
    const sheet = async (cookie: string, url: string, name: string, lang?: 'en') =>
      (await download(cookie, url, lang)).sheets.get(name) ?? [];
    const auditsOf = (action: string) =>
      env()
        .services.db.selectFrom('audit_log')
        .select(['entity_id', 'after'])
        .where('action', '=', action)
        .orderBy('id')
        .execute();
    const upload = (cookie: string, projectId: string, file: Buffer, query = '') =>
      env().app.inject({
        method: 'POST',
        url: `/api/renewal/projects/${projectId}/tasks/import${query}`,
        headers: { cookie, 'content-type': XLSX_TYPE, 'x-file-name': encodeURIComponent('任务清单.xlsx') },
        payload: file,
      });
    /** Uploads a task list, waits for its job and returns the job as its owner sees it. */
    const importFile = async (cookie: string, projectId: string, file: Buffer): Promise<Job> => {
      const res = await upload(cookie, projectId, file);
      expect(res.statusCode, res.body).toBe(202);
      const queued = res.json().job as Job;
      expect(queued).toMatchObject({ target: 'renewal-tasks', params: { id: projectId } });
      await env().jobs.idle();
      return expectStatus<Job>(call(env(), cookie, 'GET', `/api/jobs/${queued.id}`), 200);
    };
    const tasksOf = (id: string) =>
      expectStatus<Array<{ id: string; wbsCode: string; name: string; responsibleOrganisation: unknown }>>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${id}/tasks`),
        200,
      );
    const linksOf = (id: string) =>
      expectStatus<Array<{ from: string; to: string; type: string; lag: number }>>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${id}/links`),
        200,
      );

    it('exports the project register in the caller’s scope, Chinese headers, formula-safe, audited', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'xl');
      p.housing = (await createProject(env(), w.anji, w, { name: '新财政局地块住有宜居项目' })).id;
      p.formula = (await createProject(env(), w.anji, w, { name: FORMULA_NAME, type: 'landmark' })).id;
      p.road = (
        await createProject(env(), w.tiantai, w, {
          name: '104国道天台福溪段改造',
          type: 'road',
          regionCode: '331023003',
          contractorId: w.otherContractor,
          agentBuilderId: null,
        })
      ).id;

      const { res, sheets } = await download(w.anji, '/api/renewal/projects/export.xlsx');
      expect(res.headers['content-disposition']).toContain(
        encodeURIComponent('城市更新项目台账_20260302.xlsx'),
      );
      const rows = sheets.get('城市更新项目台账') ?? [];
      expect(rows[0]?.slice(0, 12)).toEqual([
        '项目名称',
        '项目类型',
        '所在地区',
        '区划代码',
        '业主单位',
        '建设模式',
        '代建单位',
        '施工单位',
        '监理单位',
        '第三方巡查单位',
        '总投资（元）',
        '项目阶段',
      ]);
      // Anji's two projects by name, not Tiantai's; the formula-like name is a text cell, shown as typed
      expect(rows.slice(1).map((r) => r[0])).toEqual([FORMULA_NAME, '新财政局地块住有宜居项目']);
      expect(rows[2]?.slice(1, 12)).toEqual([
        '住有宜居',
        '递铺街道',
        '330523001',
        '安吉县住建局xl',
        '全代建',
        '安吉测试城投xl有限公司',
        '湖州测试建工xl有限公司',
        '浙江测试监理xl有限公司',
        '浙江测试安全咨询xl',
        '123456789',
        '施工',
      ]);
      expect(rows[1]?.[1]).toBe('地标建筑');
      expect(await auditsOf('renewal.project.export')).toEqual([
        // the list's order is recorded with its filters (by name, the default)
        { entity_id: null, after: { filters: { sort: 'name' }, rows: 2, format: 'xlsx' } },
      ]);

      // leaders of the province see every project; a contractor only those it builds
      expect(await sheet(w.leader, '/api/renewal/projects/export.xlsx', '城市更新项目台账')).toHaveLength(4);
      const partner = await sheet(w.otherPartner, '/api/renewal/projects/export.xlsx', '城市更新项目台账');
      expect(partner.slice(1).map((r) => r[0])).toEqual(['104国道天台福溪段改造']);
      // the list's filters, and English on request
      const en = await sheet(
        w.leader,
        '/api/renewal/projects/export.xlsx?type=road',
        'Renewal projects',
        'en',
      );
      expect(en[0]?.slice(0, 2)).toEqual(['Project', 'Type']);
      expect(en.slice(1).map((r) => [r[0], r[1]])).toEqual([['104国道天台福溪段改造', 'Road rebuild']]);
      // administrators hold no renewal permission
      expect((await call(env(), w.admin, 'GET', '/api/renewal/projects/export.xlsx')).statusCode).toBe(403);
    });

    it('exports daily reports of one project, or of every project in scope, within a date range', async () => {
      const file = (cookie: string, id: string, date: string, extra: Record<string, unknown> = {}) =>
        expectStatus(
          call(env(), cookie, 'POST', `/api/renewal/projects/${id}/reports`, {
            date,
            weather: 'sunny',
            workersOnSite: 120,
            ...extra,
          }),
          201,
        );
      setToday(env(), '2026-03-04');
      await file(w.anji, p.housing, '2026-03-02');
      await file(w.partner, p.housing, '2026-03-03', {
        weather: 'rain',
        machinery: [
          { type: '塔吊', count: 2 },
          { type: '泵车', count: 1 },
        ],
        problems: [
          { text: '东侧围挡破损', severity: 'minor' },
          { text: '=1+1 配电箱未上锁', severity: 'critical' },
        ],
      });
      await file(w.anji, p.housing, '2026-03-04');
      await file(w.anji, p.formula, '2026-03-03');
      await file(w.tiantai, p.road, '2026-03-03');

      const one = await sheet(
        w.anji,
        `/api/renewal/reports/export.xlsx?projectId=${p.housing}&from=2026-03-03`,
        '工程日报',
      );
      expect(one[0]?.slice(0, 6)).toEqual([
        '日报日期',
        '项目名称',
        '所在地区',
        '施工单位',
        '天气',
        '现场作业人数',
      ]);
      expect(one.slice(1).map((r) => r[0])).toEqual(['2026-03-04', '2026-03-03']);
      const rainy = one[2]!;
      expect(rainy.slice(0, 11)).toEqual([
        '2026-03-03',
        '新财政局地块住有宜居项目',
        '递铺街道',
        '湖州测试建工xl有限公司',
        '雨',
        '120',
        '3',
        '塔吊×2；泵车×1',
        '0',
        '2',
        '1. [一般] 东侧围挡破损；2. [严重] =1+1 配电箱未上锁',
      ]);
      expect(rainy[13]).toBe('partner.xl');

      // every project in scope within the range, newest day first, by project name within a day
      const all = await sheet(
        w.anji,
        '/api/renewal/reports/export.xlsx?from=2026-03-03&to=2026-03-03',
        '工程日报',
      );
      expect(all.slice(1).map((r) => r[1])).toEqual([FORMULA_NAME, '新财政局地块住有宜居项目']);
      const leader = await sheet(w.leader, '/api/renewal/reports/export.xlsx', '工程日报');
      expect(leader.slice(1).map((r) => r[0])).toEqual([
        '2026-03-04',
        '2026-03-03',
        '2026-03-03',
        '2026-03-03',
        '2026-03-02',
      ]);
      const tiantai = await sheet(w.tiantai, '/api/renewal/reports/export.xlsx', '工程日报');
      expect(tiantai.slice(1).map((r) => r[1])).toEqual(['104国道天台福溪段改造']);

      const backwards = await call(
        env(),
        w.anji,
        'GET',
        '/api/renewal/reports/export.xlsx?from=2026-03-04&to=2026-03-01',
      );
      expect([backwards.statusCode, backwards.json().field]).toEqual([400, 'to']);
      const hidden = await call(env(), w.anji, 'GET', `/api/renewal/reports/export.xlsx?projectId=${p.road}`);
      expect(hidden.statusCode).toBe(404);
      expect((await auditsOf('renewal.report.export')).at(0)?.after).toEqual({
        filters: { projectId: p.housing, from: '2026-03-03', sort: 'date' },
        rows: 2,
        format: 'xlsx',
      });
    });

    it('exports the tracked issues in scope', async () => {
      const reports = await expectStatus<{ items: Array<{ id: string; date: string }> }>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${p.housing}/reports`),
        200,
      );
      const report = reports.items.find((r) => r.date === '2026-03-03')!;
      await expectStatus(
        call(env(), w.anji, 'POST', `/api/renewal/reports/${report.id}/problems/2/issue`, {}),
        201,
      );
      const rows = await sheet(w.anji, '/api/renewal/issues/export.xlsx', '问题跟踪');
      expect(rows[0]).toEqual([
        '项目名称',
        '问题',
        '严重程度',
        '责任单位',
        '来源日报日期',
        '问题序号',
        '整改期限',
        '状态',
        '是否逾期',
        '处理结果',
        '解决时间',
        '登记时间',
      ]);
      expect(rows.slice(1).map((r) => r.slice(0, 9))).toEqual([
        [
          '新财政局地块住有宜居项目',
          '=1+1 配电箱未上锁',
          '严重',
          '湖州测试建工xl有限公司',
          '2026-03-03',
          '2',
          '2026-03-05',
          '待解决',
          '否',
        ],
      ]);
      expect(await sheet(w.tiantai, '/api/renewal/issues/export.xlsx', '问题跟踪')).toHaveLength(1);
    });

    it('pages every export by keyset without gaps or repeats (pages of 1 and 2 rows)', async () => {
      const s = env().services;
      const ctx = await actAs(s, 'leader.xl', 'test:export');
      const ids = async <T extends { id: string }>(pages: AsyncIterable<T[]>) => {
        const out: string[] = [];
        for await (const page of pages) out.push(...page.map((r) => r.id));
        return out;
      };
      for (const size of [1, 2]) {
        const reports = await dailyReportExcel.export.open(s, ctx, {}, size, {});
        const whole = await dailyReportExcel.export.open(s, ctx, {}, 1000, {});
        expect(reports.total).toBe(5);
        expect(await ids(reports.pages)).toEqual(await ids(whole.pages));
        const projectPages = (n: number) => projectList.excel.export.open(s, ctx, {}, n, {});
        const projects = await projectPages(size);
        const paged = await ids(projects.pages);
        expect(paged).toHaveLength(projects.total);
        expect(paged).toEqual(await ids((await projectPages(1000)).pages));
        const issues = await issueList.excel.export.open(s, ctx, {}, size, {});
        expect(await ids(issues.pages)).toHaveLength(issues.total);
      }
    });

    const taskFile = (rows: unknown[][]) => xlsxOf([TEMPLATE_HEADER, ...rows], { sheet: '任务清单' });

    it('hands out the task-list template to staff who may change the project', async () => {
      const url = `/api/renewal/projects/${p.housing}/tasks/import-template.xlsx`;
      const { res, sheets } = await download(w.anji, url);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('任务清单导入模板.xlsx'));
      expect([...sheets.keys()]).toEqual(['任务清单', '说明 Instructions']);
      expect(sheets.get('任务清单')).toEqual([TEMPLATE_HEADER]);
      expect(sheets.get('说明 Instructions')?.[4]?.slice(0, 2)).toEqual(['前置任务', '否']);
      expect((await call(env(), w.leader, 'GET', url)).statusCode).toBe(403);
      expect((await call(env(), w.tiantai, 'GET', url)).statusCode).toBe(404);
    });

    it('imports a task list: predecessors become links and the schedule follows (one audited job)', async () => {
      setToday(env(), '2026-03-02');
      const project = (
        await createProject(env(), w.anji, w, { name: '文化艺术中心', startDate: '2026-03-02' })
      ).id;
      const job = await importFile(
        w.anji,
        project,
        await taskFile([
          ['1', '基础工程', 1, '', '', ''],
          ['1.1', '土方开挖', 5, '', '湖州测试建工xl有限公司', '1'],
          ['1.2', '垫层', 2, '1.1', '', '1'],
          ['2', '主体结构', 10, '1.2FS+1, 1.1SS+2', '', ''],
          ['3', '竣工验收', 3, '2', '', ''],
        ]),
      );
      expect(job).toMatchObject({
        status: 'succeeded',
        params: { id: project },
        result: { total: 5, imported: 5, failed: 0, hasErrorReport: false },
        error: null,
      });
      const tasks = await tasksOf(project);
      const id = Object.fromEntries(tasks.map((t) => [t.wbsCode, t.id]));
      expect(tasks.map((t) => [t.wbsCode, t.name])).toEqual([
        ['1', '基础工程'],
        ['1.1', '土方开挖'],
        ['1.2', '垫层'],
        ['2', '主体结构'],
        ['3', '竣工验收'],
      ]);
      expect(tasks[1]?.responsibleOrganisation).toEqual({ id: w.contractor, name: '湖州测试建工xl有限公司' });
      const links = (await linksOf(project)).map((l) => [l.from, l.to, l.type, l.lag]);
      expect(links).toHaveLength(4);
      expect(links).toEqual(
        expect.arrayContaining([
          [id['1.1'], id['1.2'], 'FS', 0],
          [id['1.2'], id['2'], 'FS', 1],
          [id['1.1'], id['2'], 'SS', 2],
          [id['2'], id['3'], 'FS', 0],
        ]),
      );
      const schedule = await expectStatus<{
        projectFinish: string;
        tasks: Array<{ id: string; summary: boolean; earlyStart: string; earlyFinish: string }>;
      }>(call(env(), w.anji, 'GET', `/api/renewal/projects/${project}/schedule`), 200);
      const at = (wbs: string) => schedule.tasks.find((t) => t.id === id[wbs])!;
      expect(at('1')).toMatchObject({ summary: true, earlyStart: '2026-03-02', earlyFinish: '2026-03-08' });
      expect(at('1.2')).toMatchObject({ earlyStart: '2026-03-07', earlyFinish: '2026-03-08' });
      expect(at('2')).toMatchObject({ earlyStart: '2026-03-10', earlyFinish: '2026-03-19' });
      expect(schedule.projectFinish).toBe('2026-03-22');

      const [audit] = (await auditsOf('renewal.task.import')).filter((a) => a.entity_id === project);
      expect(audit?.after).toMatchObject({
        jobId: job.id,
        params: { id: project },
        fileName: '任务清单.xlsx',
        mode: 'all',
        total: 5,
        imported: 5,
        failed: 0,
        tasks: 5,
        links: 4,
        wbsCodes: ['1', '1.1', '1.2', '2', '3'],
      });
      // the rows refer to each other: "valid rows only" is not offered
      const valid = await upload(
        w.anji,
        project,
        await taskFile([['9', '收尾', 1, '', '', '']]),
        '?mode=valid',
      );
      expect([valid.statusCode, valid.json().field]).toEqual([400, 'mode']);
      // nobody uploads into a project they cannot change: refused before the file is stored
      const file = await taskFile([['9', '收尾', 1, '', '', '']]);
      expect((await upload(w.tiantai, project, file)).statusCode).toBe(404);
      expect((await upload(w.partner, project, file)).statusCode).toBe(403);
    });

    it('exports a project’s task list in the template’s columns, which imports into another project', async () => {
      const source = (await call(env(), w.anji, 'GET', '/api/renewal/projects?q=文化艺术中心')).json()
        .items[0].id as string;
      const { sheets } = await download(w.anji, `/api/renewal/projects/${source}/tasks/export.xlsx`);
      const rows = sheets.get('任务清单') ?? [];
      // (empty cells at the end of a row are not written)
      expect(rows).toEqual([
        ['WBS编码', '任务名称', '工期（天）', '前置任务', '责任单位', '上级WBS编码'],
        ['1', '基础工程', '1'],
        ['1.1', '土方开挖', '5', '', '湖州测试建工xl有限公司', '1'],
        ['1.2', '垫层', '2', '1.1', '', '1'],
        ['2', '主体结构', '10', '1.1SS+2, 1.2FS+1'],
        ['3', '竣工验收', '3', '2'],
      ]);
      // paged by keyset (pages of 2 here), predecessors looked up page by page
      const s = env().services;
      const paged = await taskExcel.export.open(s, await actAs(s, 'anji.xl', 'test'), {}, 2, { id: source });
      const names: string[] = [];
      for await (const page of paged.pages) names.push(...page.map((t) => `${t.wbsCode} ${t.predecessors}`));
      expect(names).toEqual(['1 ', '1.1 ', '1.2 1.1', '2 1.1SS+2, 1.2FS+1', '3 2']);
      const leaderView = await sheet(
        w.leader,
        `/api/renewal/projects/${source}/tasks/export.xlsx`,
        '任务清单',
      );
      expect(leaderView).toHaveLength(6);
      expect(
        (await call(env(), w.tiantai, 'GET', `/api/renewal/projects/${source}/tasks/export.xlsx`)).statusCode,
      ).toBe(404);
      const copy = (await createProject(env(), w.anji, w, { name: '文化艺术中心二期' })).id;
      const { res } = await download(w.anji, `/api/renewal/projects/${source}/tasks/export.xlsx`);
      const job = await importFile(w.anji, copy, res.rawPayload);
      expect(job).toMatchObject({ status: 'succeeded', result: { imported: 5 } });
      expect(await linksOf(copy)).toHaveLength(4);
    });

    it('writes nothing when a row names an unknown predecessor or the links form a cycle; the report names the rows', async () => {
      const project = (await createProject(env(), w.anji, w, { name: '循环测试项目' })).id;
      const job = await importFile(
        w.anji,
        project,
        await taskFile([
          ['A', '放线', 1, 'C', '', ''],
          ['B', '打桩', 3, 'A', '', ''],
          ['C', '承台', 2, 'B', '', ''],
          ['D', '回填', 2, '9.9', '', ''],
          ['E', '绿化', 2, '', '不存在的单位', ''],
          ['F', '清场', 1, '', '', ''],
        ]),
      );
      expect(job).toMatchObject({
        status: 'failed',
        result: { total: 6, imported: 0, failed: 5, hasErrorReport: true },
        error: { code: 'IMPORT_ROWS_INVALID' },
      });
      expect(await tasksOf(project)).toEqual([]);
      expect(await linksOf(project)).toEqual([]);
      expect(await countStaged(env().services.db, job.id)).toBe(0);
      expect((await auditsOf('renewal.task.import')).filter((a) => a.entity_id === project)).toEqual([]);

      const report = await call(env(), w.anji, 'GET', `/api/jobs/${job.id}/errors.xlsx`);
      expect(report.statusCode, report.body).toBe(200);
      const rows = (await sheetsOf(report.rawPayload)).get('任务清单') ?? [];
      expect(rows[0]).toEqual([...TEMPLATE_HEADER, '错误 Problems']);
      const problems = rows.slice(1).map((r) => [r[0], r[6]]);
      expect(problems.map((x) => x[0])).toEqual(['A', 'B', 'C', 'D', 'E']);
      for (const [, text] of problems.slice(0, 3)) {
        expect(text).toMatch(/^第 [234] 行：前置任务：任务关联形成了循环：/);
        for (const name of ['A 放线', 'B 打桩', 'C 承台']) expect(text).toContain(name);
      }
      expect(problems[3]?.[1]).toMatch(/^第 5 行：前置任务：前置任务「9\.9」无法识别/);
      expect(problems[4]?.[1]).toMatch(/^第 6 行：责任单位：单位「不存在的单位」不存在或已撤销/);
    });

    it('the API import refuses a cycle naming its tasks, with the link-cycle code', async () => {
      const project = (await createProject(env(), w.anji, w, { name: '接口循环测试' })).id;
      const s = env().services;
      const ctx = await actAs(s, 'anji.xl', 'test:import');
      const err = await importTasks(s, ctx, project, [
        { wbsCode: 'A', name: '放线', duration: 1, predecessors: 'B' },
        { wbsCode: 'B', name: '打桩', duration: 1, predecessors: 'A' },
      ]).catch((e: unknown) => e);
      expect(err).toMatchObject({ status: 400, code: 'RENEWAL_LINK_CYCLE', field: 'rows.0.predecessors' });
      expect((err as { text: { zh: string } }).text.zh).toMatch(
        /^第 1 行：任务关联形成了循环：(A 放线|B 打桩) → /,
      );
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
