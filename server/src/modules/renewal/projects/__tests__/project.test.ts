import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  addTask,
  call,
  createProject,
  expectStatus,
  makeWorld,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { rdb } from '../../shared/renewal.tables.ts';

type Page = { items: Array<Record<string, unknown> & { id: string; name: string }>; total: number };

describeEachDb(
  'renewal projects: register, validation, roles and data scope',
  (env) => {
    let w: World;
    const ids: Record<string, string> = {};

    it('staff register a project with its parties, calendar exceptions and task forces (audited)', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'p');
      const users = await env().services.db.selectFrom('users').select(['id', 'username']).execute();
      const anjiUser = users.find((u) => u.username === 'anji.p')!.id;
      const created = await createProject(env(), w.anji, w, {
        name: '新财政局地块住有宜居项目',
        budgetFen: 36_200_000_000,
        exceptions: [{ date: '2026-03-10', working: false, reason: '暴雨停工' }],
        taskForces: [
          {
            stage: 'construction',
            name: '主体施工专班',
            members: [{ userId: anjiUser, role: 'leader', duty: '统筹' }],
          },
          { stage: 'design', name: '设计专班', members: [] },
        ],
      });
      ids.anji = created.id;
      expect(created).toMatchObject({
        name: '新财政局地块住有宜居项目',
        typeName: '住有宜居',
        regionCode: '330523001',
        regionName: '递铺街道',
        deliveryModeName: '全代建',
        budgetFen: 36_200_000_000,
        stage: 'construction',
        stageName: '施工',
        calendar: 'calendar-days',
        contractor: { id: w.contractor },
        exceptions: [{ date: '2026-03-10', working: false, reason: '暴雨停工' }],
      });
      const forces = created.taskForces as Array<{ name: string; members: Array<Record<string, unknown>> }>;
      expect(forces.map((f) => f.name)).toEqual(['主体施工专班', '设计专班']);
      expect(forces[0]!.members[0]).toMatchObject({
        kind: 'user',
        userId: anjiUser,
        name: 'anji.p',
        roleName: '组长',
      });
      const audit = await env()
        .services.db.selectFrom('audit_log')
        .select(['action', 'actor_name'])
        .where('entity_id', '=', created.id)
        .execute();
      expect(audit).toEqual([{ action: 'renewal.project.create', actor_name: 'anji.p' }]);
      ids.tiantai = (
        await createProject(env(), w.tiantai, w, {
          name: '104国道天台福溪段改建工程',
          type: 'road',
          regionCode: '331023003',
          deliveryMode: 'epc',
          agentBuilderId: null,
          contractorId: w.otherContractor,
          calendar: 'workdays',
        })
      ).id;
    });

    it('refuses bad input naming the field, in the caller’s language', async () => {
      const bad = async (patch: Record<string, unknown>, field: string, lang?: string) => {
        const r = await call(
          env(),
          w.anji,
          'POST',
          '/api/renewal/projects',
          {
            name: '坏数据',
            type: 'housing',
            regionCode: '330523',
            ownerOrganisationId: w.anjiDept,
            deliveryMode: 'agency',
            budgetFen: 100,
            startDate: '2026-03-02',
            deadline: '2026-04-01',
            ...patch,
          },
          lang,
        );
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().field).toBe(field);
        return r.json().message as string;
      };
      expect(await bad({ deadline: '2026-03-01' }, 'deadline')).toContain('不能早于开工日期');
      expect(await bad({ deadline: '2026-03-01' }, 'deadline', 'en')).toContain(
        'cannot be before the start date',
      );
      await bad({ startDate: '2026-02-30' }, 'startDate');
      await bad({ budgetFen: 12.5 }, 'budgetFen');
      await bad({ budgetFen: -1 }, 'budgetFen');
      await bad({ type: 'castle' }, 'type');
      await bad({ ownerOrganisationId: w.contractor }, 'ownerOrganisationId');
      await bad({ contractorId: '00000000-0000-4000-8000-000000000000' }, 'contractorId');
      await bad({ regionCode: '330523999' }, 'regionCode');
      await bad(
        {
          exceptions: [
            { date: '2026-03-05', working: false },
            { date: '2026-03-05', working: true },
          ],
        },
        'exceptions.1.date',
      );
      await bad(
        { taskForces: [{ stage: 'design', name: '专班', members: [{ role: 'member' }] }] },
        'taskForces.0.members.0',
      );
    });

    it('lists with filters and shows each project only within scope', async () => {
      const list = (cookie: string, q = '') =>
        expectStatus<Page>(call(env(), cookie, 'GET', `/api/renewal/projects${q}`), 200);
      expect((await list(w.anji)).items.map((p) => p.name)).toEqual(['新财政局地块住有宜居项目']);
      expect((await list(w.tiantai)).items.map((p) => p.name)).toEqual(['104国道天台福溪段改建工程']);
      expect((await list(w.leader)).total).toBe(2);
      expect((await list(w.leader, '?type=road')).items.map((p) => p.id)).toEqual([ids.tiantai]);
      expect((await list(w.leader, '?regionCode=330523')).items.map((p) => p.id)).toEqual([ids.anji]);
      expect((await list(w.leader, '?q=国道')).items.map((p) => p.id)).toEqual([ids.tiantai]);
      expect((await list(w.leader, '?stage=design')).total).toBe(0);
      const item = (await list(w.leader, '?regionCode=330523')).items[0]!;
      expect(item).toMatchObject({ daysLate: 0, atRisk: false, scheduled: false, regionName: '递铺街道' });
      // Anji staff cannot see the Tiantai project, nor change it
      expect((await call(env(), w.anji, 'GET', `/api/renewal/projects/${ids.tiantai}`)).statusCode).toBe(404);
      expect(
        (await call(env(), w.anji, 'PATCH', `/api/renewal/projects/${ids.tiantai}`, { name: '改个名字' }))
          .statusCode,
      ).toBe(404);
      // and cannot register one outside their county
      const outside = await call(env(), w.anji, 'POST', '/api/renewal/projects', {
        name: '越界项目',
        type: 'road',
        regionCode: '331023003',
        ownerOrganisationId: w.tiantaiDept,
        deliveryMode: 'epc',
        budgetFen: 1,
        startDate: '2026-03-02',
        deadline: '2026-04-01',
      });
      expect(outside.statusCode).toBe(403);
    });

    it('gives leaders read-only access', async () => {
      await expectStatus(call(env(), w.leader, 'GET', `/api/renewal/projects/${ids.anji}`), 200);
      expect(
        (await call(env(), w.leader, 'PATCH', `/api/renewal/projects/${ids.anji}`, { name: '改名' }))
          .statusCode,
      ).toBe(403);
      const create = await call(env(), w.leader, 'POST', '/api/renewal/projects', {});
      expect(create.statusCode).toBe(403);
    });

    it('shows partners only the projects their organisation takes part in, read-only', async () => {
      const page = await expectStatus<Page>(call(env(), w.partner, 'GET', '/api/renewal/projects'), 200);
      expect(page.items.map((p) => p.id)).toEqual([ids.anji]);
      const other = await expectStatus<Page>(
        call(env(), w.otherPartner, 'GET', '/api/renewal/projects'),
        200,
      );
      expect(other.items.map((p) => p.id)).toEqual([ids.tiantai]);
      expect((await call(env(), w.partner, 'GET', `/api/renewal/projects/${ids.tiantai}`)).statusCode).toBe(
        404,
      );
      expect(
        (await call(env(), w.partner, 'PATCH', `/api/renewal/projects/${ids.anji}`, { name: 'x' }))
          .statusCode,
      ).toBe(403);
      // a partner grant without an organisation sees nothing (not everything); accounts cannot
      // be created so any more, so an old grant is stripped of its organisation here
      const orphan = await env().userWith('partner', { organisationId: w.contractor }, 'partner.orphan');
      await env()
        .services.db.updateTable('user_grants')
        .set({ organisation_id: null })
        .where('user_id', 'in', (eb) =>
          eb.selectFrom('users').select('id').where('username', '=', 'partner.orphan'),
        )
        .execute();
      expect((await expectStatus<Page>(call(env(), orphan, 'GET', '/api/renewal/projects'), 200)).total).toBe(
        0,
      );
      // staff of another programme and administrators have no access at all
      const zhuji = await env().userWith(
        'staff',
        { regionCode: '330523', programmes: ['employment'] },
        'zhuji.p',
      );
      expect((await call(env(), zhuji, 'GET', '/api/renewal/projects')).statusCode).toBe(403);
      expect((await call(env(), w.admin, 'GET', '/api/renewal/projects')).statusCode).toBe(403);
    });

    it('updates fields, replaces exceptions and task forces, and audits before and after', async () => {
      const r = await expectStatus<Record<string, unknown>>(
        call(env(), w.anji, 'PATCH', `/api/renewal/projects/${ids.anji}`, {
          stage: 'acceptance',
          budgetFen: 40_000_000_000,
          exceptions: [],
          taskForces: [],
          deadline: '2026-07-31',
        }),
        200,
      );
      expect(r).toMatchObject({
        stage: 'acceptance',
        budgetFen: 40_000_000_000,
        exceptions: [],
        taskForces: [],
        deadline: '2026-07-31',
      });
      const bad = await call(env(), w.anji, 'PATCH', `/api/renewal/projects/${ids.anji}`, {
        deadline: '2026-01-01',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('deadline');
      const audit = await env()
        .services.db.selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('entity_id', '=', ids.anji!)
        .where('action', '=', 'renewal.project.update')
        .executeTakeFirstOrThrow();
      expect(audit.before).toMatchObject({ stage: 'construction', budgetFen: 36_200_000_000 });
      expect(audit.after).toMatchObject({ stage: 'acceptance', budgetFen: 40_000_000_000 });
    });

    it('offers the codes with labels', async () => {
      const meta = await expectStatus<{ projectTypes: Array<{ code: string; name: string }> }>(
        call(env(), w.partner, 'GET', '/api/renewal/meta', undefined, 'en'),
        200,
      );
      expect(meta.projectTypes.find((t) => t.code === 'road')?.name).toBe('Road rebuild');
    });

    it('finds a name already registered, whole and ignoring case, only within the caller’s scope', async () => {
      const named = (cookie: string, name: string) =>
        expectStatus<Page>(
          call(env(), cookie, 'GET', `/api/renewal/projects?name=${encodeURIComponent(name)}`),
          200,
        );
      expect((await named(w.anji, '新财政局地块住有宜居项目')).items.map((p) => p.id)).toEqual([ids.anji]);
      expect((await named(w.anji, '  新财政局地块住有宜居项目 ')).total).toBe(1);
      // part of a name is not the name; a name outside the caller's scope is not found
      expect((await named(w.anji, '新财政局地块')).total).toBe(0);
      expect((await named(w.anji, '104国道天台福溪段改建工程')).total).toBe(0);
      expect((await named(w.leader, '104国道天台福溪段改建工程')).items.map((p) => p.id)).toEqual([
        ids.tiantai,
      ]);
      // Latin letters match whatever their case
      const latin = await createProject(env(), w.anji, w, { name: 'EPC Pilot 一期', contractorId: null });
      expect((await named(w.anji, 'epc pilot 一期')).items.map((p) => p.id)).toEqual([latin.id]);
    });

    it('says a project without tasks is not scheduled yet, in the list and on its dashboard', async () => {
      const item = async () =>
        (
          await expectStatus<Page>(
            call(env(), w.anji, 'GET', '/api/renewal/projects?q=新财政局地块住有宜居项目'),
            200,
          )
        ).items[0]!;
      expect(await item()).toMatchObject({ scheduled: false });
      const dash = (id: string) =>
        expectStatus<Record<string, unknown>>(
          call(env(), w.anji, 'GET', `/api/renewal/projects/${id}/dashboard`),
          200,
        );
      expect(await dash(ids.anji!)).toMatchObject({ taskCount: 0, calendar: 'calendar-days' });
      const outOfScope = await call(env(), w.anji, 'GET', `/api/renewal/projects/${ids.tiantai}/dashboard`);
      expect(outOfScope.statusCode).toBe(404);
      await addTask(env(), w.anji, ids.anji!, '场地平整', 3);
      expect(await item()).toMatchObject({ scheduled: true });
      expect(await dash(ids.anji!)).toMatchObject({ taskCount: 1 });
      const tiantai = await expectStatus<Record<string, unknown>>(
        call(env(), w.leader, 'GET', `/api/renewal/projects/${ids.tiantai}/dashboard`),
        200,
      );
      expect(tiantai).toMatchObject({ taskCount: 0, calendar: 'workdays' });
    });

    it('sends only what the register’s table shows, sorts by deadline, and keeps a county to its own projects', async () => {
      const list = (cookie: string, q = '') =>
        expectStatus<Page>(call(env(), cookie, 'GET', `/api/renewal/projects${q}`), 200);
      const early = await createProject(env(), w.anji, w, { name: '排序测试甲', deadline: '2026-05-01' });
      const late = await createProject(env(), w.anji, w, { name: '排序测试乙', deadline: '2026-12-31' });
      // Tiantai's is due first of all: Anji's sorted list must still not show it
      const tiantai = await createProject(env(), w.tiantai, w, {
        name: '排序测试丙',
        type: 'road',
        regionCode: '331023003',
        deliveryMode: 'epc',
        agentBuilderId: null,
        contractorId: w.otherContractor,
        deadline: '2026-04-01',
      });

      const item = (await list(w.anji, '?name=排序测试甲')).items[0]!;
      expect(Object.keys(item).sort()).toEqual(
        [
          'id',
          'name',
          'typeName',
          'regionName',
          'contractorName',
          'stage',
          'stageName',
          'deadline',
          'calendar',
          'scheduled',
          'plannedFinish',
          'daysLate',
          'progressPercent',
          'atRisk',
          'lastReportDate',
          'can',
        ].sort(),
      );
      expect(item).toEqual({
        id: early.id,
        name: '排序测试甲',
        typeName: '住有宜居',
        regionName: '递铺街道',
        contractorName: '湖州测试建工p有限公司',
        stage: 'construction',
        stageName: '施工',
        deadline: '2026-05-01',
        calendar: 'calendar-days',
        scheduled: false,
        plannedFinish: expect.any(String),
        daysLate: 0,
        progressPercent: 0,
        atRisk: false,
        lastReportDate: null,
        can: { update: true },
      });
      expect((await list(w.leader, '?name=排序测试甲')).items[0]!.can).toEqual({ update: false });

      // the county's exact total, none of another county's projects on any page or in any order
      const anjiProjects = await rdb(env().services.db)
        .selectFrom('renewal_projects')
        .select('id')
        .where('region_code', '>=', '330523')
        .where('region_code', '<', '330524')
        .execute();
      expect(anjiProjects).toHaveLength(4);
      const byDeadline = await list(w.anji, '?sort=deadline');
      expect(byDeadline.total).toBe(4);
      expect(byDeadline.items.map((p) => p.id).sort()).toEqual(anjiProjects.map((p) => p.id).sort());
      expect(byDeadline.items.map((p) => p.deadline)).toEqual([
        '2026-05-01',
        '2026-06-30',
        '2026-07-31',
        '2026-12-31',
      ]);
      expect(byDeadline.items[0]!.id).toBe(early.id);
      expect(byDeadline.items.at(-1)!.id).toBe(late.id);
      const reversed = await list(w.anji, '?sort=-deadline');
      expect(reversed.items.map((p) => p.id)).toEqual(byDeadline.items.map((p) => p.id).reverse());
      const second = await list(w.anji, '?sort=deadline&page=2&pageSize=2');
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(second.items.map((p) => p.id)).toEqual(byDeadline.items.slice(2).map((p) => p.id));
      for (const q of ['', '?sort=-deadline', '?q=排序测试', '?regionCode=331023', '?type=road']) {
        expect((await list(w.anji, q)).items.map((p) => p.id)).not.toContain(tiantai.id);
      }
      expect((await list(w.anji, '?q=排序测试')).total).toBe(2);
      expect((await list(w.anji, '?regionCode=331023')).total).toBe(0);
      // the province sees both counties, Tiantai's first by deadline
      const province = await list(w.leader, '?sort=deadline&q=排序测试');
      expect(province.items.map((p) => p.id)).toEqual([tiantai.id, early.id, late.id]);
      expect((await list(w.leader)).total).toBe(6);
      // names sort either way; an unknown sort is refused
      const names = (await list(w.leader, '?sort=name')).items.map((p) => p.id);
      expect((await list(w.leader, '?sort=-name')).items.map((p) => p.id)).toEqual([...names].reverse());
      expect((await call(env(), w.anji, 'GET', '/api/renewal/projects?sort=budget')).statusCode).toBe(400);
      // at risk or not: each project is in exactly one of the two lists
      const [risky, onTrack] = await Promise.all([
        list(w.leader, '?atRisk=true'),
        list(w.leader, '?atRisk=false'),
      ]);
      expect(risky.total + onTrack.total).toBe(6);
      expect(onTrack.items.every((p) => p.atRisk === false)).toBe(true);
    });
  },
  { modules: [renewalModule] },
);
