import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { demoCreditCode } from '../demo/demo-people.ts';
import { seededRandom } from '../demo/demo-random.ts';
import { modules } from '../modules/index.ts';
import { systemContext } from '../platform/accounts/create-user.ts';
import { BUILTIN_ROLES, type BuiltinRole } from '../platform/auth/roles.ts';
import { createOrganisation } from '../platform/orgs/organisation.service.ts';
import { describeEachDb } from '../test/harness.ts';
import { type Allowed, AUTHZ_MATRIX } from './authz-matrix.ts';

type Caller = BuiltinRole | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...BUILTIN_ROLES];

/** Fills path parameters with well-formed values that name nothing. */
const fillParams = (url: string) =>
  url.replace(/:(\w+)/g, (_, name: string) => (name === 'code' ? '330523' : randomUUID()));

function expected(allowed: Allowed, caller: Caller): 'pass' | 401 | 403 {
  if (allowed === 'public') return 'pass';
  if (caller === 'anonymous') return 401;
  if (allowed === 'signed-in') return 'pass';
  return allowed.includes(caller) ? 'pass' : 403;
}

describeEachDb(
  'authorisation matrix (every route × every role)',
  (env) => {
    const routes = new Set<string>();
    it('lists every API route in the matrix, and nothing that is not a route', () => {
      for (const r of env().routes) routes.add(r);
      const missing = [...routes].filter((r) => !(r in AUTHZ_MATRIX));
      const stale = Object.keys(AUTHZ_MATRIX).filter((r) => !routes.has(r));
      expect(missing, 'routes missing from server/src/__tests__/authz-matrix.ts').toEqual([]);
      expect(stale, 'matrix rows for routes that no longer exist').toEqual([]);
    });

    it('gives each role exactly the access the matrix says', async () => {
      const cookies = new Map<Caller, string>();
      // a third party's data scope is its organisation
      const contractor = await createOrganisation(env().services, systemContext('matrix'), {
        name: '矩阵测试施工单位',
        kind: 'contractor',
        regionCode: '330523',
        creditCode: demoCreditCode(seededRandom(1), '330523'),
      });
      for (const role of BUILTIN_ROLES) {
        const grant = role === 'partner' ? { organisationId: contractor.id } : {};
        cookies.set(role, await env().userWith(role, grant, `matrix.${role}`));
      }
      const failures: string[] = [];
      // sign-out last: it ends the caller's session
      const ordered = Object.keys(AUTHZ_MATRIX).sort(
        (a, b) => Number(a.endsWith('/logout')) - Number(b.endsWith('/logout')),
      );
      for (const key of ordered) {
        const [method, url] = key.split(' ') as [string, string];
        for (const caller of CALLERS) {
          const cookie = cookies.get(caller);
          const res = await env().app.inject({
            method: method as 'GET',
            url: fillParams(url),
            headers: cookie ? { cookie } : {},
            ...(method === 'GET' ? {} : { payload: {} }),
          });
          const want = expected(AUTHZ_MATRIX[key]!, caller);
          const ok =
            want === 'pass'
              ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500
              : res.statusCode === want;
          if (!ok)
            failures.push(
              `${key} as ${caller}: got ${res.statusCode}, want ${want} (${res.body.slice(0, 120)})`,
            );
        }
      }
      expect(failures).toEqual([]);
    });
  },
  { modules },
);
