import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../demo/demo-accounts.ts';
import { addDays, todayOf } from '../../../../platform/kit/index.ts';
import { verifyAuditChain } from '../../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import { get, oversightTestModule } from './oversight-module.ts';

describeEachDb(
  'renewal oversight demo data',
  (env) => {
    // a read-only fixture: anji's session (no test changes the demo data)
    let anji = '';
    beforeAll(async () => {
      anji = env().cookieOf(await env().login('anji', DEMO_PASSWORD));
    });

    it('loads after the projects through audited services', async () => {
      expect(env().demoLog).toContain(
        'renewal: 3 supervision meetings, 8 inspection findings, 2 night-work requests',
      );
      expect((await verifyAuditChain(env().services.db)).ok).toBe(true);
    });

    it('has weekly meetings whose action items are mostly closed, one overdue', async () => {
      const meetings = await get<{ items: Array<{ title: string; actionItemCount: number }>; total: number }>(
        env(),
        anji,
        '/api/renewal/meetings',
      );
      expect(meetings.total).toBe(3);
      const items = await get<{ items: Array<{ status: string }> }>(
        env(),
        anji,
        '/api/renewal/action-items?pageSize=50',
      );
      expect(items.items.filter((i) => i.status === 'done')).toHaveLength(3);
      const overdue = await get<Array<{ text: string; daysOverdue: number }>>(
        env(),
        anji,
        '/api/renewal/action-items/overdue',
      );
      expect(overdue.map((i) => [i.text, i.daysOverdue])).toEqual([
        ['北侧材料堆场文明施工问题整改完毕并申请复查', 3],
      ]);
    });

    it('has inspections by 浙江安信 with findings in every state, one overdue', async () => {
      const visits = await get<{
        items: Array<{ inspectorOrganisation: { name: string }; findingCount: number }>;
      }>(env(), anji, '/api/renewal/inspections?pageSize=50');
      expect(new Set(visits.items.map((v) => v.inspectorOrganisation.name))).toEqual(
        new Set(['浙江安信工程安全咨询有限公司']),
      );
      const findings = await get<{ items: Array<{ status: string }>; total: number }>(
        env(),
        anji,
        '/api/renewal/findings?pageSize=50',
      );
      expect(visits.items.reduce((n, v) => n + v.findingCount, 0)).toBe(findings.total);
      const count = (status: string) => findings.items.filter((f) => f.status === status).length;
      expect([count('open'), count('replied'), count('failed'), count('passed'), count('closed')]).toEqual([
        2, 1, 1, 1, 3,
      ]);
      const alerts = await get<Array<{ projectName: string; findings: Array<{ categoryName: string }> }>>(
        env(),
        anji,
        '/api/renewal/findings/overdue',
      );
      expect(alerts.map((g) => [g.projectName, g.findings.map((f) => f.categoryName)])).toEqual([
        ['“两山”未来科技城财富中心项目', ['文明施工']],
      ]);
      const stats = await get<{
        rows: Array<{ total: number; closed: number; avgDaysToClose: number | null }>;
      }>(env(), anji, '/api/renewal/findings/stats/contractors');
      expect(stats.rows.reduce((n, r) => n + r.total, 0)).toBe(8);
    });

    it('has the roof pour of buildings 1 and 4 approved at night, on the calendar', async () => {
      const list = await get<{
        items: Array<{
          id: string;
          status: string;
          projectId: string;
          feedbackTally: Record<string, number>;
        }>;
      }>(env(), anji, '/api/renewal/night-work');
      expect(list.items.map((n) => n.status).sort()).toEqual(['approved', 'pending']);
      const pour = list.items.find((n) => n.status === 'approved')!;
      expect(pour.feedbackTally).toEqual({ support: 1, neutral: 1, object: 1 });
      const today = todayOf(env().services);
      const cal = await get<{ days: Array<{ date: string; events: Array<{ kind: string }> }> }>(
        env(),
        anji,
        `/api/renewal/projects/${pour.projectId}/calendar?from=${today}&to=${addDays(today, 30)}`,
      );
      const nights = cal.days.filter((d) => d.events.some((e) => e.kind === 'night_work'));
      expect(nights.map((d) => d.date)).toEqual([addDays(today, 2), addDays(today, 3)]);
    });
  },
  { modules: [oversightTestModule], demo: true },
);
