import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  addTask,
  call,
  createProject,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { auditOf, get, oversightTestModule, partnerOf, post } from './oversight-module.ts';

interface Item {
  id: string;
  status: string;
  overdue: boolean;
  daysOverdue: number;
  text: string;
  projectId: string;
  taskName: string | null;
  ownerOrganisationName: string | null;
}
interface Meeting {
  id: string;
  projects: Array<{ id: string }>;
  attendees: Array<Record<string, unknown>>;
  actionItems: Item[];
  minutes: string;
}

describeEachDb(
  'renewal oversight: supervision meetings and action items',
  (env) => {
    let w: World;
    let anjiProject: string;
    let tiantaiProject: string;
    let pourTask: string;
    let meeting: Meeting;

    it('staff record a meeting with attendees, minutes and action items (audited)', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'mt');
      anjiProject = (await createProject(env(), w.anji, w, { name: '新财政局地块住有宜居' })).id;
      tiantaiProject = (
        await createProject(env(), w.tiantai, w, {
          name: '104国道福溪段',
          type: 'road',
          regionCode: '331023003',
          contractorId: w.otherContractor,
          agentBuilderId: null,
        })
      ).id;
      pourTask = await addTask(env(), w.anji, anjiProject, '1号楼屋面浇筑', 3);
      meeting = await post<Meeting>(
        env(),
        w.anji,
        '/api/renewal/meetings',
        {
          projectIds: [anjiProject],
          title: '第1次督查例会',
          heldOn: '2026-03-02',
          location: '县住建局三楼会议室',
          minutes: '要求每天倒排工期。',
          attendees: [
            { name: '程峰巍', organisationId: w.anjiDept, jobTitle: '党委委员' },
            { name: '吴敏', organisationName: '递铺街道办事处' },
          ],
          actionItems: [
            {
              text: '1号楼屋面浇筑方案报审',
              ownerOrganisationId: w.contractor,
              ownerPerson: '沈国强',
              dueOn: '2026-03-05',
              taskId: pourTask,
            },
            { text: '雨季排水预案', ownerPerson: '周立新', dueOn: '2026-03-20' },
          ],
        },
        201,
      );
      expect(meeting.projects.map((p) => p.id)).toEqual([anjiProject]);
      expect(meeting.attendees).toEqual([
        {
          name: '程峰巍',
          organisationId: w.anjiDept,
          organisationName: '安吉县住建局mt',
          jobTitle: '党委委员',
        },
        { name: '吴敏', organisationId: null, organisationName: '递铺街道办事处', jobTitle: null },
      ]);
      expect(
        meeting.actionItems.map((i) => [i.text, i.status, i.projectId, i.taskName, i.ownerOrganisationName]),
      ).toEqual([
        ['1号楼屋面浇筑方案报审', 'open', anjiProject, '1号楼屋面浇筑', '湖州测试建工mt有限公司'],
        ['雨季排水预案', 'open', anjiProject, null, null],
      ]);
      expect(await auditOf(env(), meeting.id)).toEqual(['renewal.meeting.create']);
      for (const i of meeting.actionItems)
        expect(await auditOf(env(), i.id)).toEqual(['renewal.action_item.create']);
    });

    it('refuses bad input naming the field, in the caller’s language', async () => {
      const base = {
        projectIds: [anjiProject],
        title: '坏例会',
        heldOn: '2026-03-02',
        attendees: [],
      };
      const bad = async (patch: Record<string, unknown>, field: string, lang?: string) => {
        const r = await call(env(), w.anji, 'POST', '/api/renewal/meetings', { ...base, ...patch }, lang);
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().field).toBe(field);
        return r.json().message as string;
      };
      expect(await bad({ attendees: [{ name: '张三' }] }, 'attendees.0.organisationName')).toContain('张三');
      expect(
        await bad(
          { actionItems: [{ text: '事项', ownerPerson: '甲', dueOn: '2026-03-01' }] },
          'actionItems.0.dueOn',
          'en',
        ),
      ).toContain('cannot be before the meeting date');
      await bad({ actionItems: [{ text: '事项', dueOn: '2026-03-03' }] }, 'actionItems.0.ownerPerson');
      await bad(
        { actionItems: [{ text: '   ', ownerPerson: '甲', dueOn: '2026-03-03' }] },
        'actionItems.0.text',
      );
      await bad({ heldOn: '2026-02-30' }, 'heldOn');
      await bad({ projectIds: ['00000000-0000-4000-8000-000000000000'] }, 'projectIds.0');
      // a Tiantai project is not visible to Anji staff: named as a bad field, its existence not disclosed
      expect(await bad({ projectIds: [anjiProject, tiantaiProject] }, 'projectIds.1')).toContain(
        '不存在或您无权查看',
      );
      const otherTask = await addTask(env(), w.tiantai, tiantaiProject, '路基', 5);
      await bad(
        { actionItems: [{ text: '事项', ownerPerson: '甲', dueOn: '2026-03-03', taskId: otherTask }] },
        'actionItems.0.taskId',
      );
      const second = (await createProject(env(), w.anji, w, { name: '两山未来科技城1号楼' })).id;
      await bad(
        {
          projectIds: [anjiProject, second],
          actionItems: [{ text: '事项', ownerPerson: '甲', dueOn: '2026-03-03' }],
        },
        'actionItems.0.projectId',
      );
    });

    it('lets only staff in the region record meetings; others read within scope', async () => {
      const body = { projectIds: [anjiProject], title: '越权', heldOn: '2026-03-02', attendees: [] };
      expect((await call(env(), w.leader, 'POST', '/api/renewal/meetings', body)).statusCode).toBe(403);
      expect((await call(env(), w.partner, 'POST', '/api/renewal/meetings', body)).statusCode).toBe(403);
      await get(env(), w.leader, `/api/renewal/meetings/${meeting.id}`);
      await get(env(), w.partner, `/api/renewal/meetings/${meeting.id}`);
      await get(env(), w.tiantai, `/api/renewal/meetings/${meeting.id}`, 404);
      await get(env(), w.otherPartner, `/api/renewal/meetings/${meeting.id}`, 404);
      expect((await get<{ total: number }>(env(), w.tiantai, '/api/renewal/meetings')).total).toBe(0);
      expect((await get<{ total: number }>(env(), w.partner, '/api/renewal/meetings')).total).toBe(1);
      // a Tiantai staff member may not add items or amend it
      const add = { text: 'x', ownerPerson: '甲', dueOn: '2026-03-09' };
      expect(
        (await call(env(), w.tiantai, 'POST', `/api/renewal/meetings/${meeting.id}/action-items`, add))
          .statusCode,
      ).toBe(404);
      expect(
        (await call(env(), w.tiantai, 'PATCH', `/api/renewal/meetings/${meeting.id}`, { minutes: 'x' }))
          .statusCode,
      ).toBe(404);
      const inspector = await partnerOf(env(), w.inspector, 'inspector.mt');
      expect(
        (await call(env(), inspector, 'PATCH', `/api/renewal/meetings/${meeting.id}`, { minutes: 'x' }))
          .statusCode,
      ).toBe(403);
    });

    it('lists open items past their due date (Asia/Shanghai today) as overdue, within scope', async () => {
      setToday(env(), '2026-03-05');
      expect(await get<Item[]>(env(), w.anji, '/api/renewal/action-items/overdue')).toEqual([]);
      // 2026-03-08 09:00 in Shanghai: the item due on the 5th is 3 days overdue
      setToday(env(), '2026-03-08');
      const overdue = await get<Item[]>(env(), w.anji, '/api/renewal/action-items/overdue');
      expect(overdue.map((i) => [i.text, i.overdue, i.daysOverdue])).toEqual([
        ['1号楼屋面浇筑方案报审', true, 3],
      ]);
      expect((await get<Item[]>(env(), w.partner, '/api/renewal/action-items/overdue')).length).toBe(1);
      expect(await get<Item[]>(env(), w.tiantai, '/api/renewal/action-items/overdue')).toEqual([]);
      expect(
        await get<Item[]>(
          env(),
          w.anji,
          `/api/renewal/action-items/overdue?projectId=${tiantaiProject}`,
          404,
        ),
      ).toMatchObject({ code: 'RENEWAL_PROJECT_NOT_FOUND' });
      // 23:59 on the 4th in Shanghai is still the 4th: nothing overdue yet
      env().clock.set(new Date('2026-03-04T15:59:00Z'));
      expect(await get<Item[]>(env(), w.anji, '/api/renewal/action-items/overdue')).toEqual([]);
      setToday(env(), '2026-03-08');
      const page = await get<{ items: Array<Record<string, number>> }>(
        env(),
        w.anji,
        '/api/renewal/meetings',
      );
      expect(page.items[0]).toMatchObject({
        attendeeCount: 2,
        actionItemCount: 2,
        openActionItemCount: 2,
        overdueActionItemCount: 1,
      });
    });

    it('closes an item with a note and date, once, and audits it', async () => {
      const id = meeting.actionItems[0]!.id;
      const url = `/api/renewal/action-items/${id}/close`;
      const r1 = await call(env(), w.anji, 'POST', url, { note: '   ' });
      expect([r1.statusCode, r1.json().field]).toEqual([400, 'note']);
      const r2 = await call(env(), w.anji, 'POST', url, { note: '已报审', closedOn: '2026-03-09' });
      expect([r2.statusCode, r2.json().field]).toEqual([400, 'closedOn']);
      expect((await call(env(), w.leader, 'POST', url, { note: '已报审' })).statusCode).toBe(403);
      expect((await call(env(), w.tiantai, 'POST', url, { note: '已报审' })).statusCode).toBe(404);
      const done = await post<Item & { closedOn: string; closingNote: string; closedBy: { name: string } }>(
        env(),
        w.anji,
        url,
        { note: '方案已报审通过', closedOn: '2026-03-07' },
      );
      expect(done).toMatchObject({
        status: 'done',
        statusName: '已完成',
        overdue: false,
        daysOverdue: 0,
        closedOn: '2026-03-07',
        closingNote: '方案已报审通过',
        closedBy: { name: 'anji.mt' },
      });
      const again = await call(env(), w.anji, 'POST', url, { note: '再次' });
      expect([again.statusCode, again.json().code]).toEqual([409, 'RENEWAL_ACTION_ITEM_CLOSED']);
      expect(await get<Item[]>(env(), w.anji, '/api/renewal/action-items/overdue')).toEqual([]);
      expect(await auditOf(env(), id)).toEqual(['renewal.action_item.create', 'renewal.action_item.close']);
      const open = await get<{ items: Item[] }>(env(), w.anji, '/api/renewal/action-items?status=open');
      expect(open.items.map((i) => i.text)).toEqual(['雨季排水预案']);
    });

    it('adds items to a recorded meeting and amends it (audited)', async () => {
      const item = await post<Item>(
        env(),
        w.anji,
        `/api/renewal/meetings/${meeting.id}/action-items`,
        { text: '塔吊专项检查', ownerOrganisationId: w.inspector, dueOn: '2026-03-12' },
        201,
      );
      expect(item).toMatchObject({
        projectId: anjiProject,
        ownerOrganisationName: '浙江测试安全咨询mt',
        status: 'open',
      });
      const bad = await call(env(), w.anji, 'PATCH', `/api/renewal/meetings/${meeting.id}`, {
        heldOn: '2026-03-06',
      });
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'heldOn']);
      const r = await call(env(), w.anji, 'PATCH', `/api/renewal/meetings/${meeting.id}`, {
        minutes: '要求每天倒排工期；每周巡查。',
        attendees: [{ name: '程峰巍', organisationId: w.anjiDept }],
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({
        minutes: '要求每天倒排工期；每周巡查。',
        attendees: [{ name: '程峰巍' }],
      });
      expect((r.json() as Meeting).actionItems).toHaveLength(3);
      expect(await auditOf(env(), meeting.id)).toEqual(['renewal.meeting.create', 'renewal.meeting.update']);
    });
  },
  { modules: [oversightTestModule], config: LONG_SESSIONS },
);
