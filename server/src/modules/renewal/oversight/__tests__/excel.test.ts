import { expect, it } from 'vitest';
import { actAs, type ExcelListDef } from '../../../../platform/kit/index.ts';
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
import { renewalModule } from '../../manifest.ts';
import { actionItemList } from '../action-item.list.ts';
import { findingList } from '../finding.list.ts';
import { nightWorkList } from '../night-work.list.ts';
import { partnerOf, post } from './oversight-module.ts';

describeEachDb(
  'renewal oversight Excel: findings, night work and action items exported within scope',
  (env) => {
    let w: World;
    let anji: string;
    let tiantai: string;

    const sheet = async (cookie: string, url: string, name: string, lang?: 'en') => {
      const res = await call(env(), cookie, 'GET', url, undefined, lang);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      return (await shownSheetsOf(res.rawPayload)).get(name) ?? [];
    };

    it('exports inspection findings the caller may see, with labels and deadlines, audited', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'ox');
      const tiantaiInspector = await org(env(), '台州测试安全咨询ox', 'inspector', '3310');
      anji = (await createProject(env(), w.anji, w, { name: '新财政局地块住有宜居' })).id;
      tiantai = (
        await createProject(env(), w.tiantai, w, {
          name: '104国道天台福溪段改造',
          type: 'road',
          regionCode: '331023003',
          contractorId: w.otherContractor,
          agentBuilderId: null,
          inspectorId: tiantaiInspector,
        })
      ).id;
      const inspector = await partnerOf(env(), w.inspector, 'inspector.ox');
      await post(
        env(),
        inspector,
        '/api/renewal/inspections',
        {
          projectId: anji,
          inspectedOn: '2026-03-02',
          inspectorNames: ['陆晓峰'],
          findings: [
            {
              category: 'fall_from_height',
              severity: 'critical',
              location: '5号楼12层临边',
              description: '防护栏杆缺失',
              photos: ['临边全景'],
            },
            {
              category: 'site_order',
              severity: 'minor',
              location: '材料堆场',
              description: '-材料混堆',
            },
          ],
        },
        201,
      );
      await post(
        env(),
        w.tiantai,
        '/api/renewal/inspections',
        {
          projectId: tiantai,
          inspectedOn: '2026-03-02',
          inspectorNames: ['钱海涛'],
          findings: [
            {
              category: 'temporary_electricity',
              severity: 'major',
              location: '福溪桥头配电箱',
              description: '未做重复接地',
            },
          ],
        },
        201,
      );
      setToday(env(), '2026-03-05');

      const rows = await sheet(w.anji, '/api/renewal/findings/export.xlsx', '安全巡查隐患');
      expect(rows[0]).toEqual([
        '项目名称',
        '施工单位',
        '巡查单位',
        '巡查日期',
        '序号',
        '隐患类别',
        '隐患等级',
        '部位',
        '隐患描述',
        '整改期限',
        '停工整改',
        '整改轮次',
        '状态',
        '是否逾期',
        '逾期天数',
        '销号日期',
        '照片数',
      ]);
      // Anji's two findings by deadline, not Tiantai's; text starting with "-" stays text
      expect(rows.slice(1)).toEqual([
        [
          '新财政局地块住有宜居',
          '湖州测试建工ox有限公司',
          '浙江测试安全咨询ox',
          '2026-03-02',
          '1',
          '高处坠落',
          '重大',
          '5号楼12层临边',
          '防护栏杆缺失',
          '2026-03-03',
          '是',
          '1',
          '待整改',
          '是',
          '2',
          '',
          '1',
        ],
        [
          '新财政局地块住有宜居',
          '湖州测试建工ox有限公司',
          '浙江测试安全咨询ox',
          '2026-03-02',
          '2',
          '文明施工',
          '一般',
          '材料堆场',
          '-材料混堆',
          '2026-03-09',
          '否',
          '1',
          '待整改',
          '否',
          '0',
          '',
          '0',
        ],
      ]);
      // the list's filters; leaders see both counties; each third party only its own projects
      const critical = await sheet(
        w.anji,
        '/api/renewal/findings/export.xlsx?severity=critical',
        '安全巡查隐患',
      );
      expect(critical.slice(1).map((r) => r[7])).toEqual(['5号楼12层临边']);
      const all = await sheet(w.leader, '/api/renewal/findings/export.xlsx', '安全巡查隐患');
      expect(all.slice(1).map((r) => r[7])).toEqual(['5号楼12层临边', '福溪桥头配电箱', '材料堆场']);
      const other = await sheet(w.otherPartner, '/api/renewal/findings/export.xlsx', '安全巡查隐患');
      expect(other.slice(1).map((r) => r[0])).toEqual(['104国道天台福溪段改造']);
      const en = await sheet(w.tiantai, '/api/renewal/findings/export.xlsx', 'Inspection findings', 'en');
      expect(en[0]?.slice(0, 3)).toEqual(['Project', 'Contractor', 'Inspector']);
      expect(en[1]?.slice(5, 7)).toEqual(['Temporary electricity', 'Major']);

      const audits = await env()
        .services.db.selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'renewal.finding.export')
        .orderBy('id')
        .execute();
      // the filters as applied, with the list's sort (its default when none was asked for)
      expect(audits[0]?.after).toEqual({ filters: { sort: 'deadline' }, rows: 2, format: 'xlsx' });
      expect(audits[1]?.after).toEqual({
        filters: { severity: 'critical', sort: 'deadline' },
        rows: 1,
        format: 'xlsx',
      });
    });

    it('exports night-work requests with the neighbours’ feedback, their names masked', async () => {
      setToday(env(), '2026-03-02');
      const request = await post<{ id: string }>(
        env(),
        w.partner,
        '/api/renewal/night-work',
        {
          projectId: anji,
          firstNight: '2026-03-04',
          lastNight: '2026-03-05',
          startTime: '22:00',
          endTime: '06:00',
          reason: '1号楼、4号楼屋面混凝土连续浇筑',
          noiseMeasures: '低噪声振捣设备，泵车加设隔声屏',
        },
        201,
      );
      const url = `/api/renewal/night-work/${request.id}`;
      await post(env(), w.partner, `${url}/notices`, {
        text: '告周边居民书',
        publishedOn: '2026-03-02',
        channel: 'notice_board',
      });
      await post(env(), w.partner, `${url}/feedback`, { name: '王芳', text: '支持', attitude: 'support' });
      await post(env(), w.anji, `${url}/feedback`, { text: '注意泵车停放', attitude: 'neutral' });
      await post(env(), w.partner, `${url}/feedback`, {
        name: '李明',
        text: '孩子要高考，希望控制噪声',
        attitude: 'object',
      });
      await post(env(), w.anji, `${url}/decision`, { decision: 'approve', note: '浇筑须于05:30前结束' });

      const rows = await sheet(w.anji, '/api/renewal/night-work/export.xlsx', '夜间施工申请');
      expect(rows[0]?.at(-1)).toBe('居民意见（姓名已脱敏）');
      expect(rows).toHaveLength(2);
      const row = rows[1]!;
      expect(row.slice(0, 9)).toEqual([
        '新财政局地块住有宜居',
        '湖州测试建工ox有限公司',
        '2026-03-04',
        '2026-03-05',
        '2',
        '22:00–06:00',
        '1号楼、4号楼屋面混凝土连续浇筑',
        '低噪声振捣设备，泵车加设隔声屏',
        '已批准',
      ]);
      expect(row.slice(12, 16)).toEqual(['1', '1', '1', '1']);
      expect(row[16]).toBe(
        '王*（支持，2026-03-02）：支持；匿名（中立，2026-03-02）：注意泵车停放；李*（反对，2026-03-02）：孩子要高考，希望控制噪声',
      );
      const everything = rows.flat().join('\n');
      expect(everything).not.toContain('王芳');
      expect(everything).not.toContain('李明');
      expect(await sheet(w.tiantai, '/api/renewal/night-work/export.xlsx', '夜间施工申请')).toHaveLength(1);
      const en = await sheet(w.leader, '/api/renewal/night-work/export.xlsx', 'Night-work requests', 'en');
      expect(en[1]?.at(-1)).toContain('Anonymous (Neutral, 2026-03-02): 注意泵车停放');
    });

    it('exports action items of supervision meetings, open first, in scope', async () => {
      await post(
        env(),
        w.anji,
        '/api/renewal/meetings',
        {
          projectIds: [anji],
          title: '第1次督查例会',
          heldOn: '2026-03-02',
          minutes: '要求每天倒排工期。',
          attendees: [],
          actionItems: [
            { text: '雨季排水预案', ownerPerson: '周立新', dueOn: '2026-03-20' },
            { text: '1号楼屋面浇筑方案报审', ownerOrganisationId: w.contractor, dueOn: '2026-03-05' },
          ],
        },
        201,
      );
      const rows = await sheet(w.anji, '/api/renewal/action-items/export.xlsx', '督办事项');
      expect(rows[0]?.slice(0, 6)).toEqual([
        '督查例会',
        '例会日期',
        '序号',
        '项目名称',
        '关联任务',
        '督办事项',
      ]);
      expect(rows.slice(1).map((r) => [r[5], r[6], r[7], r[8], r[9]])).toEqual([
        ['1号楼屋面浇筑方案报审', '湖州测试建工ox有限公司', '', '2026-03-05', '未完成'],
        ['雨季排水预案', '', '周立新', '2026-03-20', '未完成'],
      ]);
      expect(await sheet(w.tiantai, '/api/renewal/action-items/export.xlsx', '督办事项')).toHaveLength(1);
    });

    it('pages every export without gaps or repeats (pages of 1 row)', async () => {
      const s = env().services;
      const ctx = await actAs(s, 'leader.ox', 'test:export');
      const ids = async (list: { excel: ExcelListDef<{ id: string }> }, pageSize: number) => {
        const found = await list.excel.export.open(s, ctx, {}, pageSize, {});
        const out: string[] = [];
        for await (const page of found.pages) out.push(...page.map((r) => r.id));
        return { total: found.total, ids: out };
      };
      const findings = await ids(findingList, 1);
      expect(findings.total).toBe(3);
      expect(findings.ids).toEqual((await ids(findingList, 1000)).ids);
      const items = await ids(actionItemList, 1);
      expect(items.total).toBe(2);
      expect(items.ids).toEqual((await ids(actionItemList, 1000)).ids);
      await post(
        env(),
        w.partner,
        '/api/renewal/night-work',
        {
          projectId: anji,
          firstNight: '2026-03-04',
          lastNight: '2026-03-04',
          startTime: '23:00',
          endTime: '04:00',
          reason: '塔吊拆除',
          noiseMeasures: '夜间禁止鸣笛',
        },
        201,
      );
      const nights = await ids(nightWorkList, 1);
      expect(nights.total).toBe(2);
      expect(nights.ids).toEqual((await ids(nightWorkList, 1000)).ids);
      expect(new Set(nights.ids).size).toBe(2);
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
