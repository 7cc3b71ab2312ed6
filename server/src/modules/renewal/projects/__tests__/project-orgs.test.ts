import { expect, it } from 'vitest';
import { systemContext } from '../../../../platform/kit/index.ts';
import { updateOrganisation } from '../../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  expectStatus,
  makeWorld,
  org,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';

/**
 * Issue 10: the organisations a project names. The owner must be one the caller may pick (what
 * the organisation picker lists: the register within their regions); one outside was accepted
 * and its name shown back. The parties may come from beyond the county (the demo's Anji
 * projects are built by a Huzhou contractor), but no message names an organisation the caller
 * may not see.
 */
describeEachDb(
  'renewal projects: owner and parties within what the caller may pick',
  (env) => {
    let w: World;
    let cityDept: string;
    let provStaff: string;

    const project = (owner: string) => ({
      name: '越界业主测试',
      type: 'housing',
      regionCode: '330523001',
      ownerOrganisationId: owner,
      deliveryMode: 'agency',
      budgetFen: 100,
      startDate: '2026-03-02',
      deadline: '2026-04-01',
    });

    it('refuses an owner outside the caller’s scope, naming the field but not the organisation', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'po');
      for (const lang of [undefined, 'en']) {
        const res = await call(env(), w.anji, 'POST', '/api/renewal/projects', project(w.tiantaiDept), lang);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ownerOrganisationId' });
        expect(res.body).not.toContain('天台县交通运输局');
        // the same answer as for an organisation that does not exist
        const ghost = await call(
          env(),
          w.anji,
          'POST',
          '/api/renewal/projects',
          project('00000000-0000-4000-8000-000000000000'),
          lang,
        );
        expect(ghost.json()).toEqual(res.json());
      }
      // an owner the caller may pick is fine
      await expectStatus(call(env(), w.anji, 'POST', '/api/renewal/projects', project(w.anjiDept)), 201);
    });

    it('refuses changing the owner to one outside the scope, but keeps an owner already there', async () => {
      const mine = await createProject(env(), w.anji, w, { name: '安吉业主项目' });
      const moved = await call(env(), w.anji, 'PATCH', `/api/renewal/projects/${mine.id}`, {
        ownerOrganisationId: w.tiantaiDept,
      });
      expect(moved.statusCode).toBe(400);
      expect(moved.json().field).toBe('ownerOrganisationId');
      expect(moved.body).not.toContain('天台县交通运输局');

      // provincial staff register an Anji project owned by a city department …
      cityDept = await org(env(), '湖州市住房和城乡建设局po', 'department', '3305');
      provStaff = await env().userWith('staff', { regionCode: '33', programmes: ['renewal'] }, 'prov.po');
      const cityOwned = await createProject(env(), provStaff, w, {
        name: '市级业主项目',
        ownerOrganisationId: cityDept,
      });
      // … which Anji staff may edit, sending the owner back unchanged (as the form does)
      const edited = await expectStatus<{ name: string; ownerOrganisation: { id: string } }>(
        call(env(), w.anji, 'PATCH', `/api/renewal/projects/${cityOwned.id}`, {
          name: '市级业主项目（改）',
          ownerOrganisationId: cityDept,
        }),
        200,
      );
      expect(edited).toMatchObject({ name: '市级业主项目（改）', ownerOrganisation: { id: cityDept } });
      // but cannot pick it for a project of their own
      const picked = await call(env(), w.anji, 'POST', '/api/renewal/projects', project(cityDept));
      expect(picked.statusCode).toBe(400);
      expect(picked.body).not.toContain('湖州市住房和城乡建设局');
    });

    it('accepts parties from beyond the county, and names none outside the scope in an error', async () => {
      // the contractor is a Huzhou city company, as in the demo data
      const created = await createProject(env(), w.anji, w, { name: '市级施工单位项目' });
      expect(created).toMatchObject({ contractor: { id: w.contractor } });
      // a closed organisation outside the scope: refused, without its name
      await updateOrganisation(env().services, systemContext('test'), w.otherContractor, {
        status: 'closed',
      });
      const closed = await call(env(), w.anji, 'POST', '/api/renewal/projects', {
        ...project(w.anjiDept),
        contractorId: w.otherContractor,
      });
      expect(closed.statusCode).toBe(400);
      expect(closed.json().field).toBe('contractorId');
      expect(closed.json().message).toContain('已撤销');
      expect(closed.body).not.toContain('台州测试路桥');
      // provincial staff, who may see it, are told which one
      const named = await call(env(), provStaff, 'POST', '/api/renewal/projects', {
        ...project(w.anjiDept),
        contractorId: w.otherContractor,
      });
      expect(named.json().message).toContain('台州测试路桥');
    });
  },
  { modules: [renewalModule] },
);
