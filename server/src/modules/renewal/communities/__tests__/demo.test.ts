import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../demo/demo-accounts.ts';
import { verifyAuditChain } from '../../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import { renewalModule } from '../../manifest.ts';
import { get } from './community-helpers.ts';

/** A line of the list: what its table shows. */
interface CommunityLine {
  id: string;
  name: string;
  regionName: string;
  status: string;
  unitCount: number;
  ownerCount: number;
  acceptedOn: string | null;
  satisfactionRate: number | null;
}

/** The whole record (GET /api/renewal/communities/:id). */
interface Community extends CommunityLine {
  address: string | null;
  buildingCount: number;
  acceptance: null | { satisfactionRate: number; surveyId: string; acceptedOn: string };
}

describeEachDb(
  'renewal communities demo data',
  (env) => {
    // a read-only fixture: anji's session (no test changes the demo data)
    let anji = '';
    beforeAll(async () => {
      anji = env().cookieOf(await env().login('anji', DEMO_PASSWORD));
    });
    const one = (id: string) => get<Community>(env(), anji, `/api/renewal/communities/${id}`);
    const list = (query: string) =>
      get<{ items: CommunityLine[]; total: number }>(
        env(),
        anji,
        `/api/renewal/communities?pageSize=200${query}`,
      );

    it('loads through audited services and reports the renovated count from records', async () => {
      expect(env().demoLog).toContain(
        'renewal: 84 communities renovated or under way (竹贤山庄二期 under construction)',
      );
      expect((await verifyAuditChain(env().services.db)).ok).toBe(true);
    });

    it('has 84 communities renovated or under way in Anji (83 finished), 蓝天花园 and 山水华庭 accepted with their satisfaction', async () => {
      const done = [...(await list('&status=completed')).items, ...(await list('&status=accepted')).items];
      expect(done).toHaveLength(83);
      const building = (await list('&status=construction')).items.map((c) => c.name);
      expect(building).toEqual(['竹贤山庄二期']);
      // the same figures as metrics, read through the API within the caller's scope
      const metric = async (key: string) =>
        (await get<{ value: number }>(env(), anji, `/api/metrics/${key}`)).value;
      expect(await metric('renewal.communities.renovated')).toBe(84);
      expect(await metric('renewal.communities.completed')).toBe(83);
      const lines = (await list('&status=accepted')).items;
      expect(lines.map((c) => c.name).sort()).toEqual(['山水华庭', '蓝天花园']);
      const accepted = await Promise.all(lines.map((c) => one(c.id)));
      // the list shows the satisfaction at acceptance, as the record holds it
      expect(lines.map((c) => [c.acceptedOn, c.satisfactionRate])).toEqual(
        accepted.map((c) => [c.acceptance!.acceptedOn, c.acceptance!.satisfactionRate]),
      );
      // the address is the road and number; the street (the region) is not repeated in it
      for (const c of accepted) {
        expect(c.address).toMatch(/路 \d+ 号$/);
        expect(c.address).not.toContain(c.regionName);
      }
      for (const c of accepted) {
        expect(c.acceptance!.satisfactionRate).toBeGreaterThan(80);
        const r = await get<{
          frozen: boolean;
          satisfaction: { rate: number };
          respondents: number;
          online: number;
          paper: number;
        }>(env(), anji, `/api/renewal/surveys/${c.acceptance!.surveyId}/results`);
        expect(r.frozen).toBe(true);
        expect(r.satisfaction.rate).toBe(c.acceptance!.satisfactionRate);
        expect(r.online).toBeGreaterThan(0);
        expect(r.paper).toBeGreaterThan(0);
      }
    });

    it('has 竹贤山庄二期 under construction: 6 buildings, ~200 units, the developer one owner, needs survey published', async () => {
      const [line] = (await list('&q=%E7%AB%B9%E8%B4%A4')).items;
      expect(line).toMatchObject({ name: '竹贤山庄二期', status: 'construction', acceptedOn: null });
      const zx = await one(line!.id);
      expect(zx).toMatchObject({
        buildingCount: 6,
        unitCount: line!.unitCount,
        ownerCount: line!.ownerCount,
      });
      expect(zx!.unitCount).toBeGreaterThanOrEqual(190);
      const owners = await get<Array<{ name: string; kind: string; unitCount: number }>>(
        env(),
        anji,
        `/api/renewal/communities/${zx!.id}/owners`,
      );
      expect(owners.filter((o) => o.kind === 'organisation')).toEqual([
        expect.objectContaining({ name: '安吉竹贤房地产开发有限公司', unitCount: 9 }),
      ]);
      expect(zx!.ownerCount).toBe(owners.length);
      expect(zx!.address).not.toContain(zx!.regionName);
      const surveys = await get<Array<{ id: string; phase: string; status: string; respondents: number }>>(
        env(),
        anji,
        `/api/renewal/communities/${zx!.id}/surveys`,
      );
      expect(surveys.map((s) => [s.phase, s.status])).toEqual([['needs', 'published']]);
      expect(surveys[0]!.respondents).toBeGreaterThan(100);
      // residents wrote the same words more than once: each distinct comment is listed once, with its count
      const { texts } = await get<{ texts: Array<{ questionId: string; text: string; count: number }> }>(
        env(),
        anji,
        `/api/renewal/surveys/${surveys[0]!.id}/results`,
      );
      const distinct = new Set(texts.map((t) => `${t.questionId} ${t.text}`));
      expect(distinct.size).toBe(texts.length);
      expect(texts.some((t) => t.count > 1)).toBe(true);
      const counts = texts.map((t) => t.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });
  },
  // the demo snapshot holds every module's demo data, as `npm start` seeds it
  { modules: [renewalModule], demo: true },
);
