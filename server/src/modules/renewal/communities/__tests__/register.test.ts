import { expect, it } from 'vitest';
import {
  sheetsOf,
  shownSheetsOf,
  typedSheetsOf,
  workbookOf,
  XLSX_TYPE,
  xlsxOf,
} from '../../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { communityTotals, listOwnersWithHoldings, listUnitsWithOwners } from '../community.repo.ts';
import { auditActions, type Community, createCommunity, get, post, type Unit } from './community-helpers.ts';

interface Job {
  id: string;
  status: string;
  result: {
    total: number;
    imported: number;
    skipped: number;
    failed: number;
    hasErrorReport: boolean;
  } | null;
  error: { code: string; message: string } | null;
}

describeEachDb(
  'renewal communities: the register (buildings, units, areas, owners), import and export',
  (env) => {
    let w: World;
    let lantian: Community;
    let project: string;

    it('staff register a community linked to a project in their scope (audited)', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'cr');
      project = (
        await createProject(env(), w.anji, w, { name: '蓝天花园老旧小区改造工程', type: 'old_community' })
      ).id;
      lantian = await createCommunity(env(), w.anji, {
        name: '蓝天花园',
        address: '递铺街道天目路',
        yearBuilt: 1998,
        batch: '2023年',
        status: 'construction',
        projectId: project,
      });
      expect(lantian).toMatchObject({
        name: '蓝天花园',
        regionName: '递铺街道',
        status: 'construction',
        statusName: '施工中',
        project: { id: project, name: '蓝天花园老旧小区改造工程' },
        unitCount: 0,
        can: { update: true, decide: true },
      });
      expect(await auditActions(env(), lantian.id)).toEqual(['renewal.community.create']);
    });

    it('refuses bad input naming the field, and changes nothing', async () => {
      const bad = async (body: Record<string, unknown>, field: string, status = 400) => {
        const r = await call(env(), w.anji, 'POST', '/api/renewal/communities', {
          name: '坏小区',
          regionCode: '330523001',
          ...body,
        });
        expect(r.statusCode, r.body).toBe(status);
        expect(r.json().field).toBe(field);
      };
      await bad({ name: '  ' }, 'name');
      await bad({ regionCode: '330523999' }, 'regionCode');
      await bad({ yearBuilt: 2030 }, 'yearBuilt');
      await bad({ projectId: '00000000-0000-4000-8000-000000000000' }, 'projectId');
      await bad({ status: 'accepted' }, 'status');
      await bad({ name: '蓝天花园' }, 'name', 409);
      // a Tiantai project is outside Anji staff's scope
      const road = (
        await createProject(env(), w.tiantai, w, {
          name: '天台项目',
          regionCode: '331023003',
          contractorId: w.otherContractor,
          agentBuilderId: null,
        })
      ).id;
      await bad({ projectId: road }, 'projectId');
      // and a community in Tiantai is outside their region
      const r = await call(env(), w.anji, 'POST', '/api/renewal/communities', {
        name: '外地',
        regionCode: '331023003',
      });
      expect(r.statusCode).toBe(403);
      const list = await get<{ total: number }>(env(), w.anji, '/api/renewal/communities');
      expect(list.total).toBe(1);
    });

    it('keeps buildings, units with exclusive areas and owners; totals come from SQL', async () => {
      const base = `/api/renewal/communities/${lantian.id}`;
      const b1 = await post<{ id: string }>(env(), w.anji, `${base}/buildings`, { name: '1幢' }, 201);
      const b2 = await post<{ id: string }>(env(), w.anji, `${base}/buildings`, { name: '2幢' }, 201);
      const add = (body: Record<string, unknown>, status = 201) =>
        expectStatus<Unit>(call(env(), w.anji, 'POST', `${base}/units`, body), status);
      const u1 = await add({
        buildingId: b1.id,
        entrance: '1单元',
        room: '101室',
        areaCenti: 8937,
        ownerName: '张伟',
      });
      expect(u1).toMatchObject({
        label: '1幢1单元101室',
        areaCenti: 8937,
        owner: { name: '张伟', kind: 'person' },
      });
      await add({ buildingId: b1.id, entrance: '1', room: '102', areaCenti: 9012, ownerName: '李娜' });
      // the developer's unsold units: one owner however many units
      for (const room of ['201', '202', '203'])
        await add({
          buildingId: b2.id,
          room,
          areaCenti: 10000,
          ownerName: '安吉蓝天房地产开发有限公司',
          ownerKind: 'organisation',
        });
      // the same room again is refused naming it
      const dup = await call(env(), w.anji, 'POST', `${base}/units`, {
        buildingId: b1.id,
        entrance: '1',
        room: '101',
        areaCenti: 100,
        ownerName: '王五',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().field).toBe('room');
      expect(dup.json().message).toContain('1幢1单元101室');

      const c = await get<Community>(env(), w.anji, base);
      expect([c.buildingCount, c.unitCount, c.ownerCount, c.areaCenti]).toEqual([
        2,
        5,
        3,
        8937 + 9012 + 30000,
      ]);
      expect(await communityTotals(env().services.db, lantian.id)).toEqual({
        buildings: 2,
        units: 5,
        owners: 3,
        areaCenti: 47949,
      });
      const owners = await listOwnersWithHoldings(env().services.db, lantian.id);
      expect(owners.map((o) => [o.name, Number(o.unit_count), Number(o.area_centi)])).toEqual([
        ['安吉蓝天房地产开发有限公司', 3, 30000],
        ['张伟', 1, 8937],
        ['李娜', 1, 9012],
      ]);
      const units = await listUnitsWithOwners(env().services.db, lantian.id);
      expect(units.map((u) => `${u.building_name}${u.entrance}-${u.room}`)).toEqual([
        '1幢1-101',
        '1幢1-102',
        '2幢-201',
        '2幢-202',
        '2幢-203',
      ]);
      // a unit changing hands: the old owner without units disappears
      await expectStatus(
        call(env(), w.anji, 'PATCH', `${base}/units/${u1.id}`, { ownerName: '张伟', areaCenti: 8940 }),
        200,
      );
      const moved = await expectStatus<Unit>(
        call(env(), w.anji, 'PATCH', `${base}/units/${u1.id}`, { ownerName: '赵敏' }),
        200,
      );
      expect(moved.owner.name).toBe('赵敏');
      expect((await listOwnersWithHoldings(env().services.db, lantian.id)).map((o) => o.name)).not.toContain(
        '张伟',
      );
      expect(await auditActions(env(), u1.id)).toEqual([
        'renewal.community.unit.create',
        'renewal.community.unit.update',
        'renewal.community.unit.update',
      ]);
      // a building with units cannot be removed
      const del = await call(env(), w.anji, 'DELETE', `${base}/buildings/${b1.id}`);
      expect(del.statusCode).toBe(409);
    });

    it('masks owners’ names for leaders, hides the community from other regions', async () => {
      const base = `/api/renewal/communities/${lantian.id}`;
      const leaderView = await get<{ items: Unit[] }>(env(), w.leader, `${base}/units`);
      expect(leaderView.items.map((u) => u.owner.name)).toEqual([
        '赵*',
        '李*',
        '安吉蓝天房地产开发有限公司',
        '安吉蓝天房地产开发有限公司',
        '安吉蓝天房地产开发有限公司',
      ]);
      expect((await get<Community & { can: { update: boolean } }>(env(), w.leader, base)).can.update).toBe(
        false,
      );
      // leaders read but do not write
      expect((await call(env(), w.leader, 'PATCH', base, { batch: 'x' })).statusCode).toBe(403);
      // Tiantai staff see nothing of Anji's community
      expect((await call(env(), w.tiantai, 'GET', base)).statusCode).toBe(404);
      expect((await call(env(), w.tiantai, 'PATCH', base, { batch: 'x' })).statusCode).toBe(404);
      expect((await get<{ total: number }>(env(), w.tiantai, '/api/renewal/communities')).total).toBe(0);
      // partners hold no community permission
      expect((await call(env(), w.partner, 'GET', '/api/renewal/communities')).statusCode).toBe(403);
    });

    it('imports households from an .xlsx (all or nothing) and exports them in the same columns', async () => {
      const c = await createCommunity(env(), w.anji, { name: '山水华庭', batch: '2023年' });
      const upload = (file: Buffer) =>
        env().app.inject({
          method: 'POST',
          url: `/api/renewal/communities/${c.id}/units/import`,
          headers: {
            cookie: w.anji,
            'content-type': XLSX_TYPE,
            'x-file-name': encodeURIComponent('住户.xlsx'),
          },
          payload: file,
        });
      const importFile = async (file: Buffer) => {
        const res = await upload(file);
        expect(res.statusCode, res.body).toBe(202);
        await env().jobs.idle();
        return expectStatus<Job>(call(env(), w.anji, 'GET', `/api/jobs/${res.json().job.id}`), 200);
      };
      const head = ['楼栋', '单元', '室', '专有部分面积(㎡)', '业主', '业主类型(个人/单位)'];
      // a bad area and a duplicate room: nothing imported
      const bad = await importFile(
        await xlsxOf([
          head,
          ['1幢', '1', '101', '89.37', '陈静', '个人'],
          ['1幢', '1', '102', '89.375', '周杰', '个人'],
          ['1幢', '1', '101', '70', '吴芳', ''],
        ]),
      );
      expect(bad.result).toMatchObject({ imported: 0, hasErrorReport: true });
      expect((await get<Community>(env(), w.anji, `/api/renewal/communities/${c.id}`)).unitCount).toBe(0);

      const good = await importFile(
        await xlsxOf([
          head,
          ['1幢', '1', '101', '89.37', '陈静', '个人'],
          ['1幢', '1', '102', 90.5, '周杰', ''],
          ['2幢', '', '301', '120', '安吉山水置业有限公司', '单位'],
          ['2幢', '', '302', '120.00', '安吉山水置业有限公司', '单位'],
        ]),
      );
      expect(good.result).toMatchObject({ total: 4, imported: 4, failed: 0 });
      const after = await get<Community>(env(), w.anji, `/api/renewal/communities/${c.id}`);
      expect([after.buildingCount, after.unitCount, after.ownerCount, after.areaCenti]).toEqual([
        2,
        4,
        3,
        8937 + 9050 + 24000,
      ]);
      const audit = await env()
        .services.db.selectFrom('audit_log')
        .select(['action', 'after'])
        .where('entity_id', '=', c.id)
        .where('action', '=', 'renewal.community.import')
        .execute();
      expect(audit.map((a) => (a.after as { units?: number }).units)).toContain(4);

      const res = await call(env(), w.leader, 'GET', `/api/renewal/communities/${c.id}/units/export.xlsx`);
      expect(res.statusCode, res.body).toBe(200);
      const rows = (await sheetsOf(res.rawPayload)).get('住户清册') ?? [];
      expect(rows[0]).toEqual(head);
      expect(rows.slice(1)).toEqual([
        ['1幢', '1', '101', '89.37', '陈*', '个人'],
        ['1幢', '1', '102', '90.5', '周*', '个人'],
        ['2幢', '', '301', '120', '安吉山水置业有限公司', '单位'],
        ['2幢', '', '302', '120', '安吉山水置业有限公司', '单位'],
      ]);
      const list = await call(
        env(),
        w.anji,
        'GET',
        '/api/renewal/communities/export.xlsx?batch=2023%E5%B9%B4',
      );
      const sheet = (await sheetsOf(list.rawPayload)).get('老旧小区改造台账') ?? [];
      expect(
        sheet
          .slice(1)
          .map((r) => [r[0], r[8], r[9]])
          .sort(),
      ).toEqual(
        [
          ['山水华庭', '4', '3'],
          ['蓝天花园', '5', '3'],
        ].sort(),
      );
    });

    it('imports its own export again: registered rooms are skipped and counted, never a conflict', async () => {
      const c = await createCommunity(env(), w.anji, { name: '翠竹苑', batch: '2024年' });
      const importFile = async (file: Buffer) => {
        const res = await env().app.inject({
          method: 'POST',
          url: `/api/renewal/communities/${c.id}/units/import`,
          headers: { cookie: w.anji, 'content-type': XLSX_TYPE },
          payload: file,
        });
        expect(res.statusCode, res.body).toBe(202);
        await env().jobs.idle();
        return expectStatus<Job>(call(env(), w.anji, 'GET', `/api/jobs/${res.json().job.id}`), 200);
      };
      const head = ['楼栋', '单元', '室', '专有部分面积(㎡)', '业主', '业主类型(个人/单位)'];
      const first = await importFile(
        await xlsxOf([
          head,
          ['5幢', '2', '0302', '89.37', '钱进', '个人'],
          ['5幢', '2', '0401', '76', '孙丽', ''],
        ]),
      );
      expect(first).toMatchObject({
        status: 'succeeded',
        result: { total: 2, imported: 2, skipped: 0, failed: 0 },
      });

      const exported = await call(env(), w.anji, 'GET', `/api/renewal/communities/${c.id}/units/export.xlsx`);
      // areas are number cells with two decimals; rooms text cells keeping their leading zero
      const typed = (await typedSheetsOf(exported.rawPayload)).get('住户清册') ?? [];
      expect(typed[1]?.[2]).toMatchObject({ type: 'text', shown: '0302' });
      expect(typed[1]?.[3]).toMatchObject({ type: 'number', shown: '89.37', numFmt: '0.00' });
      const again = await importFile(exported.rawPayload);
      expect(again).toMatchObject({
        status: 'succeeded',
        error: null,
        result: { total: 2, imported: 0, skipped: 2, failed: 0 },
      });
      const mixed = await importFile(
        await xlsxOf([
          head,
          ['5幢', '2', '0302室', '89.37', '钱进', ''],
          ['5幢', '2', '0502', '90', '李四', ''],
        ]),
      );
      expect(mixed).toMatchObject({ status: 'succeeded', result: { total: 2, imported: 1, skipped: 1 } });
      expect((await get<Community>(env(), w.anji, `/api/renewal/communities/${c.id}`)).unitCount).toBe(3);
    });

    it('refuses what the spreadsheet made of a cell: a room stored as a number or turned into a date, an area turned into a date', async () => {
      const c = await createCommunity(env(), w.anji, { name: '枫林苑', batch: '2024年' });
      const res = await env().app.inject({
        method: 'POST',
        url: `/api/renewal/communities/${c.id}/units/import`,
        headers: { cookie: w.anji, 'content-type': XLSX_TYPE },
        payload: await workbookOf([
          { name: '说明 Instructions', rows: [['每行一户']] },
          {
            name: '住户清册',
            rows: [
              ['楼栋', '单元', '室', '专有部分面积(㎡)', '业主', '业主类型(个人/单位)'],
              ['3幢', '1', { number: 302, numFmt: '0' }, '89', '甲', ''],
              ['3幢', '1', { date: '2026-03-01', numFmt: 'YYYY/M/D' }, '80', '乙', ''],
              ['3幢', '1', '303', { date: '2024-03-05', numFmt: 'yyyy/m/d' }, '丙', ''],
              ['3幢', 1, '304', 60, '丁', ''],
            ],
          },
        ]),
      });
      expect(res.statusCode, res.body).toBe(202);
      await env().jobs.idle();
      const job = await expectStatus<Job>(call(env(), w.anji, 'GET', `/api/jobs/${res.json().job.id}`), 200);
      expect(job).toMatchObject({ status: 'failed', result: { total: 4, imported: 0, failed: 4 } });
      const report = await call(env(), w.anji, 'GET', `/api/jobs/${job.id}/errors.xlsx`);
      const problems = ((await shownSheetsOf(report.rawPayload)).get('住户清册') ?? [])
        .slice(1)
        .map((r) => r[6]);
      expect(problems[0]).toContain('室：单元格 C2 被存成了数字（302）');
      expect(problems[1]).toContain('室：电子表格把单元格 C3 的内容变成了日期（2026-03-01）');
      expect(problems[2]).toContain(
        '专有部分面积(㎡)：电子表格把单元格 D4 的内容变成了日期（2024-03-05），这里应填数字',
      );
      expect(problems[3]).toContain('单元：单元格 B5 被存成了数字（1）');
      expect((await get<Community>(env(), w.anji, `/api/renewal/communities/${c.id}`)).unitCount).toBe(0);
    });

    it('lists the communities in the caller’s scope: exact total, filters, sorts, the batches in use', async () => {
      interface Line {
        id: string;
        name: string;
        unitCount: number;
        status: string;
      }
      const page = (cookie: string, query = '') =>
        get<{ items: Line[]; total: number; page: number; pageSize: number }>(
          env(),
          cookie,
          `/api/renewal/communities${query}`,
        );
      // a Tiantai community: never in Anji's list (nor its export), and Tiantai sees only its own
      const tt = await createCommunity(env(), w.tiantai, {
        name: '天台测试小区',
        regionCode: '331023003',
        batch: '2023年',
      });
      const first = await page(w.anji, '?pageSize=2');
      expect([first.total, first.items.length, first.page, first.pageSize]).toEqual([4, 2, 1, 2]);
      expect((await page(w.anji, '?pageSize=2&page=2')).items.map((c) => c.id)).not.toContain(
        first.items[0]!.id,
      );
      expect((await page(w.anji, '?pageSize=100')).items.map((c) => c.name)).not.toContain('天台测试小区');
      expect((await page(w.tiantai)).items.map((c) => c.id)).toEqual([tt.id]);
      expect((await page(w.anji, '?regionCode=331023')).total).toBe(0);
      expect((await page(w.anji, '?regionCode=330523')).total).toBe(4);
      // filters
      const batch = await page(w.anji, `?batch=${encodeURIComponent('2023年')}`);
      expect(batch.items.map((c) => c.name).sort()).toEqual(['山水华庭', '蓝天花园'].sort());
      expect(batch.total).toBe(2);
      expect((await page(w.anji, '?status=construction')).items.map((c) => c.name)).toEqual(['蓝天花园']);
      expect((await page(w.anji, `?q=${encodeURIComponent('翠竹')}`)).items.map((c) => c.name)).toEqual([
        '翠竹苑',
      ]);
      // sorts: by the units they hold, most first; an unknown sort is refused
      const byUnits = await page(w.anji, '?sort=-units');
      expect(byUnits.items.map((c) => [c.name, c.unitCount])).toEqual([
        ['蓝天花园', 5],
        ['山水华庭', 4],
        ['翠竹苑', 3],
        ['枫林苑', 0],
      ]);
      expect((await page(w.anji, '?sort=units')).items.map((c) => c.unitCount)).toEqual([0, 3, 4, 5]);
      expect((await call(env(), w.anji, 'GET', '/api/renewal/communities?sort=owner')).statusCode).toBe(400);
      // the export: the same scope and filters
      const xlsx = await call(env(), w.anji, 'GET', '/api/renewal/communities/export.xlsx?sort=-units');
      const sheet = (await sheetsOf(xlsx.rawPayload)).get('老旧小区改造台账') ?? [];
      expect(sheet.slice(1).map((r) => r[0])).toEqual(['蓝天花园', '山水华庭', '翠竹苑', '枫林苑']);
      // the filter's options: the batches in use within the scope
      const options = await get<{ batches: string[]; statuses: Array<{ code: string; name: string }> }>(
        env(),
        w.anji,
        '/api/renewal/community-options',
      );
      expect(options.batches).toEqual(['2023年', '2024年']);
      expect(options.statuses.find((x) => x.code === 'construction')?.name).toBe('施工中');
      expect(
        (await get<{ batches: string[] }>(env(), w.tiantai, '/api/renewal/community-options')).batches,
      ).toEqual(['2023年']);
    });

    it('lists a community’s units: exact total, filters, sorts; another county’s community is 404', async () => {
      const base = `/api/renewal/communities/${lantian.id}`;
      interface UnitLine {
        id: string;
        label: string;
        areaCenti: number;
        owner: { name: string };
      }
      const units = (cookie: string, query = '') =>
        get<{ items: UnitLine[]; total: number }>(env(), cookie, `${base}/units${query}`);
      const firstTwo = await units(w.anji, '?pageSize=2');
      expect([firstTwo.total, firstTwo.items.map((u) => u.label)]).toEqual([
        5,
        ['1幢1单元101室', '1幢1单元102室'],
      ]);
      const [b1] = await get<Array<{ id: string; name: string }>>(env(), w.anji, `${base}/buildings`);
      const inB1 = await units(w.anji, `?buildingId=${b1!.id}`);
      expect([inB1.total, inB1.items.map((u) => u.owner.name)]).toEqual([2, ['赵敏', '李娜']]);
      expect((await units(w.anji, '?sort=-area')).items.map((u) => u.areaCenti)).toEqual([
        10000, 10000, 10000, 9012, 8940,
      ]);
      // staff search owners' names; leaders, who see them masked, only rooms
      const named = await units(w.anji, `?q=${encodeURIComponent('李娜')}`);
      expect(named.items.map((u) => u.label)).toEqual(['1幢1单元102室']);
      expect((await units(w.leader, `?q=${encodeURIComponent('李娜')}`)).total).toBe(0);
      const room = await units(w.leader, '?q=102');
      expect(room.items.map((u) => [u.label, u.owner.name])).toEqual([['1幢1单元102室', '李*']]);
      // the export of the same filters, masked alike for leaders
      const xlsx = await call(env(), w.leader, 'GET', `${base}/units/export.xlsx?buildingId=${b1!.id}`);
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      const rows = (await sheetsOf(xlsx.rawPayload)).get('住户清册') ?? [];
      expect(rows.slice(1).map((r) => r[4])).toEqual(['赵*', '李*']);
      // another county's community: 404, as its page answers, for the list and its export
      for (const path of ['units', 'units/export.xlsx']) {
        const res = await call(env(), w.tiantai, 'GET', `${base}/${path}`);
        expect(res.statusCode, path).toBe(404);
        expect(res.json().code).toBe('RENEWAL_COMMUNITY_NOT_FOUND');
      }
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
