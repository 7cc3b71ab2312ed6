import type { LightMyRequestResponse } from 'fastify';
import { createOrganisation, systemContext } from '../../../platform/kit/index.ts';
import { type Config, defaultSecurity } from '../../../platform/kit/testing.ts';
import type { TestEnv } from '../../../test/harness.ts';

/** Test data and calls for the facilities module: accounts and organisations made through the real services. */

export interface World {
  anjiDept: string;
  /** Session cookies: staff of Anji and of Tiantai, a provincial leader, a third party. */
  anji: string;
  tiantai: string;
  leader: string;
  partner: string;
}

/** The accounts most facilities tests need, once per database; staff grants cover the module's programme. */
export async function makeWorld(env: TestEnv, tag: string): Promise<World> {
  const ctx = systemContext('test');
  const anjiDept = (
    await createOrganisation(env.services, ctx, {
      name: `安吉县住建局${tag}`,
      kind: 'department',
      regionCode: '330523',
      parentId: null,
      creditCode: null,
    })
  ).id;
  const staff = (regionCode: string) => ({ regionCode, programmes: ['facilities'] });
  return {
    anjiDept,
    anji: await env.userWith('staff', staff('330523'), `anji.${tag}`),
    tiantai: await env.userWith('staff', staff('331023'), `tiantai.${tag}`),
    leader: await env.userWith('leader', { regionCode: '33' }, `leader.${tag}`),
    partner: await env.userWith('partner', { organisationId: anjiDept }, `partner.${tag}`),
  };
}

export const call = (
  env: TestEnv,
  cookie: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> =>
  env.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

/** The JSON body of a response with the expected status; fails the test with the body otherwise. */
async function expectStatus<T>(res: Promise<LightMyRequestResponse>, status: number): Promise<T> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json() as T;
}

export const get = <T = Record<string, unknown>>(env: TestEnv, cookie: string, url: string, status = 200) =>
  expectStatus<T>(call(env, cookie, 'GET', url), status);
export const post = <T = Record<string, unknown>>(
  env: TestEnv,
  cookie: string,
  url: string,
  body: unknown,
  status = 201,
) => expectStatus<T>(call(env, cookie, 'POST', url, body), status);

/** Audit actions recorded for an entity, oldest first. */
export const auditOf = async (env: TestEnv, entityId: string) =>
  (
    await env.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

/** Sets the test clock to 09:00 on the day (Asia/Shanghai). */
export const setToday = (env: TestEnv, date: string) => env.clock.set(new Date(`${date}T01:00:00Z`));

/** Sessions that outlive the test clock's jumps across days. */
export const LONG_SESSIONS: Partial<Config> = {
  security: { ...defaultSecurity, sessionIdleMinutes: 60 * 24 * 400, sessionAbsoluteHours: 24 * 400 },
};
