import { expect, it } from 'vitest';
import { shownSheetsOf, XLSX_TYPE } from '../../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  LONG_SESSIONS,
  makeWorld,
  org,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { get, oversightTestModule, partnerOf, post } from './oversight-module.ts';

/**
 * The oversight lists (meetings, action items, inspections, findings, night work) as each kind
 * of caller reads them: county staff only their county's records, partners only the projects
 * they take part in (as contractor, agent builder, supervisor or inspector), with the exact
 * total, their filters and sorts, and an Excel export of the same rows.
 */

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
type Meeting = {
  id: string;
  title: string;
  projects: Array<{ id: string; name: string }>;
  actionItemCount: number;
  openActionItemCount: number;
  overdueActionItemCount: number;
};
type Item = { id: string; text: string; dueOn: string; projectId: string; can: { close: boolean } };
type Visit = {
  id: string;
  projectName: string;
  findingCount: number;
  unclosedCount: number;
  overdueCount: number;
};
type Finding = {
  id: string;
  description: string;
  deadline: string;
  foundOn: string;
  overdue: boolean;
  daysOverdue: number;
  can: { reply: boolean; inspect: boolean };
};
type Night = { id: string; reason: string; firstNight: string; projectName: string };

describeEachDb(
  'renewal oversight lists: scope, totals, filters, sorts and exports',
  (env) => {
    let w: World;
    /** 安吉: 甲 (contractor w.contractor), 乙 (contractor w.otherContractor); 天台: 丙 (w.otherContractor). */
    const p = { a: '', b: '', t: '' };
    let city = '';
    let supervisor = '';
    let inspector = '';
    let tiantaiFirm = '';
    const m = { anji: '', tiantai: '', joint: '' };

    const page = <T>(cookie: string, url: string) => get<Page<T>>(env(), cookie, url);
    const sheet = async (cookie: string, url: string, name: string) => {
      const res = await call(env(), cookie, 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      return (await shownSheetsOf(res.rawPayload)).get(name) ?? [];
    };

    it('records meetings, visits and night work in two counties', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'ls');
      tiantaiFirm = await org(env(), '台州测试安全咨询ls', 'inspector', '3310');
      p.a = (await createProject(env(), w.anji, w, { name: '甲项目' })).id;
      p.b = (
        await createProject(env(), w.anji, w, {
          name: '乙项目',
          regionCode: '330523002',
          contractorId: w.otherContractor,
        })
      ).id;
      p.t = (
        await createProject(env(), w.tiantai, w, {
          name: '丙项目',
          type: 'road',
          regionCode: '331023003',
          contractorId: w.otherContractor,
          agentBuilderId: null,
          inspectorId: tiantaiFirm,
        })
      ).id;
      city = await env().userWith('staff', { regionCode: '33', programmes: ['renewal'] }, 'city.ls');
      supervisor = await partnerOf(env(), w.supervisor, 'supervisor.ls');
      inspector = await partnerOf(env(), w.inspector, 'inspector.ls');
      const item = (text: string, dueOn: string, projectId?: string) => ({
        text,
        ownerPerson: '周立新',
        dueOn,
        ...(projectId ? { projectId } : {}),
      });
      const meeting = async (
        cookie: string,
        projectIds: string[],
        title: string,
        heldOn: string,
        items: unknown[],
      ) =>
        (
          await post<{ id: string }>(
            env(),
            cookie,
            '/api/renewal/meetings',
            { projectIds, title, heldOn, attendees: [], actionItems: items },
            201,
          )
        ).id;
      m.anji = await meeting(w.anji, [p.a], '安吉例会', '2026-03-02', [
        item('甲-浇筑方案报审', '2026-03-05'),
        item('甲-雨季排水预案', '2026-03-20'),
      ]);
      m.tiantai = await meeting(w.tiantai, [p.t], '天台例会', '2026-02-28', [
        item('丙-路基压实', '2026-03-04'),
      ]);
      m.joint = await meeting(city, [p.a, p.t], '市级联合督查', '2026-03-01', [
        item('甲-塔吊检查', '2026-03-03', p.a),
        item('丙-交通疏导', '2026-03-03', p.t),
      ]);

      const finding = (severity: string, description: string) => ({
        category: 'site_order',
        severity,
        location: '现场',
        description,
      });
      await post(
        env(),
        inspector,
        '/api/renewal/inspections',
        {
          projectId: p.a,
          inspectedOn: '2026-03-02',
          inspectorNames: ['陆晓峰'],
          findings: [finding('critical', '甲-临边防护缺失'), finding('minor', '甲-材料混堆')],
        },
        201,
      );
      await post(
        env(),
        w.anji,
        '/api/renewal/inspections',
        {
          projectId: p.b,
          inspectedOn: '2026-03-01',
          inspectorNames: ['钱海涛'],
          findings: [finding('major', '乙-配电箱未接地')],
        },
        201,
      );
      await post(
        env(),
        w.tiantai,
        '/api/renewal/inspections',
        {
          projectId: p.t,
          inspectedOn: '2026-03-02',
          inspectorNames: ['王强'],
          findings: [finding('minor', '丙-围挡破损')],
        },
        201,
      );

      const night = (projectId: string, firstNight: string, reason: string) => ({
        projectId,
        firstNight,
        lastNight: firstNight,
        startTime: '22:00',
        endTime: '04:00',
        reason,
        noiseMeasures: '低噪声设备',
      });
      await post(env(), w.partner, '/api/renewal/night-work', night(p.a, '2026-03-04', '甲-屋面浇筑'), 201);
      await post(env(), w.anji, '/api/renewal/night-work', night(p.b, '2026-03-06', '乙-管线迁改'), 201);
      await post(
        env(),
        w.otherPartner,
        '/api/renewal/night-work',
        night(p.t, '2026-03-05', '丙-桥面铺装'),
        201,
      );
      setToday(env(), '2026-03-06');
    });

    it('lists meetings covering a project the caller sees, with only those projects and their items', async () => {
      const anji = await page<Meeting>(w.anji, '/api/renewal/meetings');
      // latest first; the joint meeting shows the Anji project and its one item only
      expect(anji.total).toBe(2);
      expect(anji.items.map((x) => [x.title, x.projects.map((q) => q.name), x.actionItemCount])).toEqual([
        ['安吉例会', ['甲项目'], 2],
        ['市级联合督查', ['甲项目'], 1],
      ]);
      const tiantai = await page<Meeting>(w.tiantai, '/api/renewal/meetings');
      expect(tiantai.items.map((x) => [x.title, x.projects.map((q) => q.name), x.actionItemCount])).toEqual([
        ['市级联合督查', ['丙项目'], 1],
        ['天台例会', ['丙项目'], 1],
      ]);
      const joint = (await page<Meeting>(city, '/api/renewal/meetings')).items.find((x) => x.id === m.joint)!;
      expect(joint.projects.map((q) => q.name)).toEqual(['丙项目', '甲项目']);
      expect([joint.actionItemCount, joint.openActionItemCount, joint.overdueActionItemCount]).toEqual([
        2, 2, 2,
      ]);
      // partners: the contractor of 甲 only its meetings; the supervisor of all three projects all
      expect((await page<Meeting>(w.partner, '/api/renewal/meetings')).items.map((x) => x.id)).toEqual([
        m.anji,
        m.joint,
      ]);
      expect((await page<Meeting>(w.otherPartner, '/api/renewal/meetings')).total).toBe(2);
      expect((await page<Meeting>(supervisor, '/api/renewal/meetings')).total).toBe(3);
      // exact total across pages; a sort; filters (a project the caller does not see selects none)
      const first = await page<Meeting>(w.anji, '/api/renewal/meetings?pageSize=1');
      expect([first.items.length, first.total]).toEqual([1, 2]);
      expect(
        (await page<Meeting>(w.anji, '/api/renewal/meetings?sort=heldOn')).items.map((x) => x.title),
      ).toEqual(['市级联合督查', '安吉例会']);
      expect((await page<Meeting>(w.anji, `/api/renewal/meetings?projectId=${p.a}`)).total).toBe(2);
      expect((await page<Meeting>(w.anji, `/api/renewal/meetings?projectId=${p.t}`)).total).toBe(0);
      expect(
        (await page<Meeting>(city, `/api/renewal/meetings?projectId=${p.t}`)).items.map((x) => x.title),
      ).toEqual(['市级联合督查', '天台例会']);
      expect((await page<Meeting>(w.anji, '/api/renewal/meetings?from=2026-03-02')).items).toHaveLength(1);
      const bad = await call(env(), w.anji, 'GET', '/api/renewal/meetings?from=2026-02-30');
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'from']);

      const rows = await sheet(w.anji, '/api/renewal/meetings/export.xlsx?to=2026-03-01', '督查例会');
      expect(rows[0]).toEqual([
        '例会日期',
        '例会名称',
        '地点',
        '涉及项目',
        '参会人数',
        '督办事项',
        '未完成',
        '逾期',
      ]);
      expect(rows.slice(1)).toEqual([['2026-03-01', '市级联合督查', '', '甲项目', '0', '1', '1', '1']]);
    });

    it('lists action items on the projects the caller sees, closable by staff in the region', async () => {
      const anji = await page<Item>(w.anji, '/api/renewal/action-items');
      expect(anji.total).toBe(3);
      expect(anji.items.every((i) => i.projectId === p.a && i.can.close)).toBe(true);
      expect(
        (await page<Item>(w.tiantai, '/api/renewal/action-items')).items.map((i) => i.text).sort(),
      ).toEqual(['丙-交通疏导', '丙-路基压实']);
      expect((await page<Item>(w.partner, '/api/renewal/action-items')).total).toBe(3);
      expect((await page<Item>(w.otherPartner, '/api/renewal/action-items')).total).toBe(2);
      const leader = await page<Item>(w.leader, '/api/renewal/action-items');
      expect([leader.total, leader.items.some((i) => i.can.close)]).toEqual([5, false]);
      // the joint meeting's items: the caller's county only
      expect(
        (await page<Item>(w.anji, `/api/renewal/action-items?meetingId=${m.joint}`)).items.map((i) => i.text),
      ).toEqual(['甲-塔吊检查']);
      const byDue = (sort: string) =>
        page<Item>(w.anji, `/api/renewal/action-items?sort=${sort}`).then((r) => r.items.map((i) => i.dueOn));
      expect(await byDue('dueOn')).toEqual(['2026-03-03', '2026-03-05', '2026-03-20']);
      expect(await byDue('-dueOn')).toEqual(['2026-03-20', '2026-03-05', '2026-03-03']);
      const rows = await sheet(
        w.tiantai,
        `/api/renewal/action-items/export.xlsx?meetingId=${m.joint}`,
        '督办事项',
      );
      expect(rows.slice(1).map((r) => [r[0], r[5], r[10], r[11]])).toEqual([
        ['市级联合督查', '丙-交通疏导', '是', '3'],
      ]);
    });

    it('lists inspection visits with their findings as of today, filtered, sorted and exported', async () => {
      const anji = await page<Visit>(w.anji, '/api/renewal/inspections');
      expect(anji.items.map((v) => [v.projectName, v.findingCount, v.unclosedCount, v.overdueCount])).toEqual(
        [
          ['甲项目', 2, 2, 1],
          ['乙项目', 1, 1, 1],
        ],
      );
      expect(anji.total).toBe(2);
      expect(
        (await page<Visit>(w.tiantai, '/api/renewal/inspections')).items.map((v) => v.projectName),
      ).toEqual(['丙项目']);
      // partners: the contractor of 甲; the contractor of 乙 and 丙 (two counties); the firm of 甲 and 乙
      const names = async (cookie: string) =>
        (await page<Visit>(cookie, '/api/renewal/inspections')).items.map((v) => v.projectName);
      expect(await names(w.partner)).toEqual(['甲项目']);
      expect((await names(w.otherPartner)).sort()).toEqual(['丙项目', '乙项目']);
      expect(await names(inspector)).toEqual(['甲项目', '乙项目']);
      expect(
        (await page<Visit>(w.anji, '/api/renewal/inspections?sort=inspectedOn')).items.map(
          (v) => v.projectName,
        ),
      ).toEqual(['乙项目', '甲项目']);
      expect(
        (
          await page<Visit>(w.leader, `/api/renewal/inspections?inspectorOrganisationId=${tiantaiFirm}`)
        ).items.map((v) => v.projectName),
      ).toEqual(['丙项目']);
      expect((await page<Visit>(w.anji, '/api/renewal/inspections?to=2026-03-01')).total).toBe(1);
      const first = await page<Visit>(w.leader, '/api/renewal/inspections?pageSize=2&page=2');
      expect([first.items.length, first.total]).toEqual([1, 3]);

      const rows = await sheet(
        w.anji,
        `/api/renewal/inspections/export.xlsx?projectId=${p.a}`,
        '安全巡查记录',
      );
      expect(rows[0]).toEqual([
        '巡查日期',
        '项目名称',
        '巡查单位',
        '巡查人员',
        '隐患数',
        '未销号',
        '逾期未整改',
        '总体评价',
      ]);
      expect(rows.slice(1)).toEqual([
        ['2026-03-02', '甲项目', '浙江测试安全咨询ls', '陆晓峰', '2', '2', '1'],
      ]);
      expect(
        await sheet(w.tiantai, `/api/renewal/inspections/export.xlsx?projectId=${p.a}`, '安全巡查记录'),
      ).toHaveLength(1);
    });

    it('lists findings by deadline with who may act on each, filtered, sorted and exported', async () => {
      const anji = await page<Finding>(w.anji, '/api/renewal/findings');
      expect(anji.items.map((f) => [f.description, f.deadline, f.daysOverdue])).toEqual([
        ['甲-临边防护缺失', '2026-03-03', 3],
        ['乙-配电箱未接地', '2026-03-04', 2],
        ['甲-材料混堆', '2026-03-09', 0],
      ]);
      expect(anji.items.every((f) => f.can.reply && f.can.inspect)).toBe(true);
      expect(
        (await page<Finding>(w.tiantai, '/api/renewal/findings')).items.map((f) => f.description),
      ).toEqual(['丙-围挡破损']);
      const contractor = await page<Finding>(w.partner, '/api/renewal/findings');
      expect(contractor.items.map((f) => [f.description, f.can])).toEqual([
        ['甲-临边防护缺失', { reply: true, inspect: false }],
        ['甲-材料混堆', { reply: true, inspect: false }],
      ]);
      const firm = await page<Finding>(inspector, '/api/renewal/findings');
      expect(firm.total).toBe(3);
      expect(firm.items.every((f) => !f.can.reply && f.can.inspect)).toBe(true);
      expect((await page<Finding>(w.otherPartner, '/api/renewal/findings')).total).toBe(2);
      const leader = await page<Finding>(w.leader, '/api/renewal/findings');
      expect([leader.total, leader.items.some((f) => f.can.reply || f.can.inspect)]).toEqual([4, false]);
      expect(
        (await page<Finding>(w.anji, '/api/renewal/findings?overdue=true')).items.map((f) => f.description),
      ).toEqual(['甲-临边防护缺失', '乙-配电箱未接地']);
      expect(
        (await page<Finding>(w.anji, `/api/renewal/findings?contractorId=${w.otherContractor}`)).items.map(
          (f) => f.description,
        ),
      ).toEqual(['乙-配电箱未接地']);
      expect(
        (await page<Finding>(w.anji, '/api/renewal/findings?sort=-deadline')).items.map((f) => f.deadline),
      ).toEqual(['2026-03-09', '2026-03-04', '2026-03-03']);
      expect(
        (await page<Finding>(w.anji, '/api/renewal/findings?sort=foundOn')).items.map((f) => f.foundOn),
      ).toEqual(['2026-03-01', '2026-03-02', '2026-03-02']);

      const rows = await sheet(w.anji, '/api/renewal/findings/export.xlsx?overdue=true', '安全巡查隐患');
      expect(rows.slice(1).map((r) => [r[0], r[8], r[13], r[14]])).toEqual([
        ['甲项目', '甲-临边防护缺失', '是', '3'],
        ['乙项目', '乙-配电箱未接地', '是', '2'],
      ]);
    });

    it('lists night work latest nights first, filtered, sorted and exported', async () => {
      const reasons = async (cookie: string, query = '') =>
        (await page<Night>(cookie, `/api/renewal/night-work${query}`)).items.map((n) => n.reason);
      expect(await reasons(w.anji)).toEqual(['乙-管线迁改', '甲-屋面浇筑']);
      expect(await reasons(w.tiantai)).toEqual(['丙-桥面铺装']);
      expect(await reasons(w.partner)).toEqual(['甲-屋面浇筑']);
      expect(await reasons(w.otherPartner)).toEqual(['乙-管线迁改', '丙-桥面铺装']);
      expect(await reasons(w.leader, '?sort=firstNight')).toEqual([
        '甲-屋面浇筑',
        '丙-桥面铺装',
        '乙-管线迁改',
      ]);
      expect(await reasons(w.anji, `?projectId=${p.b}`)).toEqual(['乙-管线迁改']);
      expect(await reasons(w.anji, '?status=approved')).toEqual([]);
      const total = await page<Night>(w.leader, '/api/renewal/night-work?pageSize=1&status=pending');
      expect([total.items.length, total.total]).toEqual([1, 3]);
      const rows = await sheet(
        w.otherPartner,
        `/api/renewal/night-work/export.xlsx?projectId=${p.t}`,
        '夜间施工申请',
      );
      expect(rows.slice(1).map((r) => [r[0], r[6]])).toEqual([['丙项目', '丙-桥面铺装']]);
      expect(
        await sheet(w.partner, `/api/renewal/night-work/export.xlsx?projectId=${p.t}`, '夜间施工申请'),
      ).toHaveLength(1);
    });
  },
  { modules: [oversightTestModule], config: LONG_SESSIONS },
);
