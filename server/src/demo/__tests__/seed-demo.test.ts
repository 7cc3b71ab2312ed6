import { expect, it } from 'vitest';
import { modules } from '../../modules/index.ts';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import { describeEachDb } from '../../test/harness.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts.ts';
import { seedDemo } from '../seed-demo.ts';

describeEachDb(
  'demo data',
  (env) => {
    // The demo was seeded into an empty database by the run's snapshot builder
    // (test/demo-snapshot.ts, which fails unless seedDemo answers created); this suite
    // has a copy of it, and what seeding logged.
    it('loads once into an empty database, through audited services', async () => {
      const lines = env().demoLog;
      expect(lines).toContain(`accounts: ${DEMO_ACCOUNTS.length}`);
      const again = await seedDemo(env().services, env().manifests, () => {});
      expect(again.created).toBe(false);
      const chain = await verifyAuditChain(env().services.db);
      expect(chain.ok).toBe(true);
      const db = env().services.db;
      const persons = await db.selectFrom('persons').select(['region_code', 'citizen_id_enc']).execute();
      expect(lines).toContain(`people: ${persons.length}`);
      expect(persons.length).toBeGreaterThan(200);
      const audited = await db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'person.create')
        .execute();
      expect(audited.length).toBe(persons.length);
    });

    it('lets every demo account sign in, and scopes what the county staff see', async () => {
      for (const a of DEMO_ACCOUNTS) {
        expect((await env().login(a.username, DEMO_PASSWORD)).statusCode, a.username).toBe(200);
      }
      const cookie = env().cookieOf(await env().login('anji', DEMO_PASSWORD));
      const list = await env().app.inject({ url: '/api/people?pageSize=100', headers: { cookie } });
      const anjiCount = await env()
        .services.db.selectFrom('persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('region_code', 'like', '330523%')
        .executeTakeFirstOrThrow();
      expect(list.json().total).toBe(Number(anjiCount.n));
      expect(list.json().items.every((p: { regionCode: string }) => p.regionCode.startsWith('330523'))).toBe(
        true,
      );
      const orgs = await env().app.inject({ url: '/api/orgs?q=上海交通大学', headers: { cookie } });
      expect(orgs.json().total).toBe(0);
      const admin = env().cookieOf(await env().login('admin', DEMO_PASSWORD));
      const all = await env().app.inject({ url: '/api/orgs?q=上海交通大学', headers: { cookie: admin } });
      expect(all.json().items[0]).toMatchObject({ kind: 'university', regionCode: '31' });
    });
  },
  { modules, demo: true },
);
