import type { TestEnv } from '../../../../test/harness.ts';
import { call, expectStatus } from '../../__tests__/renewal-factory.ts';

/** Test helpers of the communities part: records made through the API. */

export const auditActions = async (env: TestEnv, entityId: string) =>
  (
    await env.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

export const get = <T = Record<string, unknown>>(env: TestEnv, cookie: string, url: string, status = 200) =>
  expectStatus<T>(call(env, cookie, 'GET', url), status);
export const post = <T = Record<string, unknown>>(
  env: TestEnv,
  cookie: string,
  url: string,
  body: unknown,
  status = 200,
) => expectStatus<T>(call(env, cookie, 'POST', url, body), status);

export interface Community {
  id: string;
  name: string;
  status: string;
  unitCount: number;
  ownerCount: number;
  areaCenti: number;
  buildingCount: number;
  acceptance: null | { satisfactionRate: number; satisfied: number; rated: number; acceptedOn: string };
}

export const createCommunity = (env: TestEnv, cookie: string, body: Record<string, unknown>) =>
  post<Community>(env, cookie, '/api/renewal/communities', { regionCode: '330523001', ...body }, 201);

export interface Unit {
  id: string;
  label: string;
  buildingId: string;
  buildingName: string;
  areaCenti: number;
  owner: { id: string; name: string; kind: string };
}

/** Adds `perBuilding` units to each of the named buildings (rooms 101, 102 …), owner 业主<n>. */
export async function addUnits(
  env: TestEnv,
  cookie: string,
  communityId: string,
  buildings: string[],
  perBuilding: number,
): Promise<Unit[]> {
  const out: Unit[] = [];
  let n = 0;
  for (const name of buildings) {
    const b = await post<{ id: string }>(
      env,
      cookie,
      `/api/renewal/communities/${communityId}/buildings`,
      { name },
      201,
    );
    for (let i = 0; i < perBuilding; i++) {
      n++;
      out.push(
        await post<Unit>(
          env,
          cookie,
          `/api/renewal/communities/${communityId}/units`,
          {
            buildingId: b.id,
            entrance: '1',
            room: String(101 + i),
            areaCenti: 8000 + n,
            ownerName: `业主${n}`,
          },
          201,
        ),
      );
    }
  }
  return out;
}
