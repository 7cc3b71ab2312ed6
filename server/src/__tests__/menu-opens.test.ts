import { expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { demoCreditCode } from '../demo/demo-people.ts';
import { seededRandom } from '../demo/demo-random.ts';
import { modules } from '../modules/index.ts';
import { createUser, systemContext } from '../platform/accounts/create-user.ts';
import type { Grant } from '../platform/auth/principal.ts';
import { createOrganisation } from '../platform/orgs/organisation.service.ts';
import { describeEachDb } from '../test/harness.ts';

/**
 * The API each menu entry's page loads when it opens (its list), by the entry's path. A section
 * (an entry with children) opens its first page. A new menu entry is not done until its row is
 * here: the menu must show only what opens (issue 10: the auditor's 问计表决 led to no access).
 */
const PAGE_APIS: Record<string, string[]> = {
  '/people': ['/api/people'],
  '/orgs': ['/api/orgs'],
  '/regions': ['/api/regions', '/api/regions/search?q=安吉'],
  '/users': ['/api/users', '/api/roles'],
  '/audit': ['/api/audit', '/api/audit/verify'],
  '/system/health': ['/api/system/health'],
  '/renewal': ['/api/renewal/projects'],
  '/renewal/projects': ['/api/renewal/projects', '/api/renewal/meta'],
  '/renewal/reports/missing': ['/api/renewal/reports/missing'],
  '/renewal/issues': ['/api/renewal/issues'],
  '/renewal/meetings': [
    '/api/renewal/meetings',
    '/api/renewal/action-items',
    '/api/renewal/action-items/overdue',
  ],
  '/renewal/inspections': ['/api/renewal/inspections', '/api/renewal/findings'],
  '/renewal/night-work': ['/api/renewal/night-work'],
  '/renewal/communities': ['/api/renewal/communities', '/api/renewal/community-options'],
  '/renewal/ballots': ['/api/renewal/ballots'],
  '/facilities': ['/api/facilities/sewage/summary', '/api/facilities/sewage/facilities'],
  '/facilities/sewage': ['/api/facilities/sewage/summary', '/api/facilities/sewage/facilities'],
  '/facilities/districts': ['/api/facilities/districts'],
};

interface MenuItem {
  key: string;
  path: string;
  label: string;
}

describeEachDb(
  'the menu shows only what opens (every demo account and role × every menu entry)',
  (env) => {
    it('names the page API of every menu entry the modules declare, and nothing else', () => {
      const paths = env().manifests.flatMap((m) => (m.menu ?? []).map((e) => e.path));
      expect(
        paths.filter((p) => !(p in PAGE_APIS)),
        'menu entries without their page API in server/src/__tests__/menu-opens.test.ts',
      ).toEqual([]);
      expect(Object.keys(PAGE_APIS).filter((p) => !paths.includes(p))).toEqual([]);
    });

    it('answers every entry’s page API with 200 for each account that sees the entry', async () => {
      const contractor = await createOrganisation(env().services, systemContext('menu'), {
        name: '菜单测试施工单位',
        kind: 'contractor',
        regionCode: '330523',
        creditCode: demoCreditCode(seededRandom(7), '330523'),
      });
      // the demo accounts, and a third party (the demo has none) acting for its organisation
      const accounts: Array<{ username: string; grants: Grant[] }> = [
        ...DEMO_ACCOUNTS,
        {
          username: 'contractor',
          grants: [{ role: 'partner', regionCode: null, organisationId: contractor.id, programmes: [] }],
        },
      ];
      const failures: string[] = [];
      let checked = 0;
      for (const a of accounts) {
        await createUser(env().services, systemContext('menu'), {
          username: a.username,
          displayName: a.username,
          password: DEMO_PASSWORD,
          grants: a.grants,
        });
        const cookie = env().cookieOf(await env().login(a.username, DEMO_PASSWORD));
        const menu = await env().app.inject({ url: '/api/menu', headers: { cookie } });
        expect(menu.statusCode).toBe(200);
        for (const entry of menu.json() as MenuItem[]) {
          for (const url of PAGE_APIS[entry.path] ?? [`(no page API for ${entry.path})`]) {
            const res = await env().app.inject({ url: encodeURI(url), headers: { cookie } });
            checked++;
            if (res.statusCode !== 200)
              failures.push(
                `${a.username} sees ${entry.label} (${entry.path}) but ${url} answers ${res.statusCode}: ${res.body.slice(0, 100)}`,
              );
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(40);
    });
  },
  { modules },
);
