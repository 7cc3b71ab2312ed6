import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../demo/demo-accounts.ts';
import { seedDemo } from '../../../../demo/seed-demo.ts';
import { verifyAuditChain } from '../../../../platform/audit/audit-verify.ts';
import { defineModule } from '../../../../platform/module/manifest.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import { seedRenewalDemo } from '../../demo/renewal.demo.ts';
import { renewalModule } from '../../manifest.ts';
import { communitiesPart } from '../index.ts';
import { get } from './community-helpers.ts';

/** The renewal module with only the core's and this part's demo data (the other parts' demos are theirs to test). */
const communitiesDemoModule = defineModule({
  ...renewalModule,
  demo: async (ctx) => {
    await seedRenewalDemo(ctx);
    await communitiesPart.demo(ctx);
  },
});

interface Community {
  id: string;
  name: string;
  regionName: string;
  address: string | null;
  status: string;
  unitCount: number;
  ownerCount: number;
  buildingCount: number;
  acceptance: null | { satisfactionRate: number; surveyId: string };
}

describeEachDb(
  'renewal communities demo data',
  (env) => {
    let anji = '';
    const list = (query: string) =>
      get<{ items: Community[]; total: number }>(
        env(),
        anji,
        `/api/renewal/communities?pageSize=200${query}`,
      );

    it('loads through audited services and reports the renovated count from records', async () => {
      const lines: string[] = [];
      await seedDemo(env().services, env().manifests, (l) => lines.push(l));
      expect(lines).toContain(
        'renewal: 84 communities renovated or under way (竹贤山庄二期 under construction)',
      );
      expect((await verifyAuditChain(env().services.db)).ok).toBe(true);
      anji = env().cookieOf(await env().login('anji', DEMO_PASSWORD));
    });

    it('has 84 communities renovated or under way in Anji (83 finished), 蓝天花园 and 山水华庭 accepted with their satisfaction', async () => {
      const done = [...(await list('&status=completed')).items, ...(await list('&status=accepted')).items];
      expect(done).toHaveLength(83);
      const building = (await list('&status=construction')).items.map((c) => c.name);
      expect(building).toEqual(['竹贤山庄二期']);
      const metric = (key: string) => communitiesPart.metrics?.find((m) => m.key === key);
      const scope = { regionCode: '330523', asOf: '2026-03-02' };
      expect(await metric('renewal.communities.renovated')?.compute(env().services, scope)).toBe(84);
      expect(await metric('renewal.communities.completed')?.compute(env().services, scope)).toBe(83);
      const accepted = (await list('&status=accepted')).items;
      expect(accepted.map((c) => c.name).sort()).toEqual(['山水华庭', '蓝天花园']);
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
      const [zx] = (await list('&q=%E7%AB%B9%E8%B4%A4')).items;
      expect(zx).toMatchObject({ name: '竹贤山庄二期', status: 'construction', buildingCount: 6 });
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
  { modules: [communitiesDemoModule] },
);
