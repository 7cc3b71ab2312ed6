import { randomUUID } from 'node:crypto';
import { tinyPdf, upload } from '../../../../platform/kit/testing.ts';
import type { TestEnv } from '../../../../test/harness.ts';
import { call, expectStatus } from '../../__tests__/renewal-factory.ts';
import { bdb } from '../ballot.tables.ts';

/**
 * Test data for the ballots: a community register written straight into the communities'
 * tables (buildings, owners, units with exclusive areas), and helpers over the ballots' API.
 */

export interface TestOwner {
  id: string;
  name: string;
  /** Exclusive areas of the owner's units, hundredths of m². */
  areas: number[];
  unitIds: string[];
}

export interface TestCommunity {
  id: string;
  owners: TestOwner[];
}

let n = 0;

/** A community with one building per 100 owners; `areas[i]` are owner i's units (hundredths of m²). */
export async function makeCommunity(
  env: TestEnv,
  areas: number[][],
  opts: { regionCode?: string; projectId?: string | null; name?: string } = {},
): Promise<TestCommunity> {
  const db = bdb(env.services.db);
  const c = await db
    .insertInto('renewal_communities')
    .values({
      name: opts.name ?? `测试小区${++n}-${randomUUID().slice(0, 6)}`,
      region_code: opts.regionCode ?? '330523001',
      status: 'voting',
      project_id: opts.projectId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const buildings: string[] = [];
  for (let b = 0; b * 100 < areas.length; b++) {
    const row = await db
      .insertInto('renewal_community_buildings')
      .values({ community_id: c.id, name: `${b + 1}幢`, position: b })
      .returning('id')
      .executeTakeFirstOrThrow();
    buildings.push(row.id);
  }
  const ownerRows = await db
    .insertInto('renewal_community_owners')
    .values(areas.map((_, i) => ({ community_id: c.id, name: `业主${String(i + 1).padStart(3, '0')}号` })))
    .returning(['id', 'name'])
    .execute();
  const units = areas.flatMap((list, i) =>
    list.map((area, k) => ({
      community_id: c.id,
      building_id: buildings[Math.floor(i / 100)]!,
      entrance: '',
      room: `${(i % 100) + 1}0${k + 1}`,
      area_centi: area,
      owner_id: ownerRows[i]!.id,
    })),
  );
  const unitIds: string[] = [];
  for (let i = 0; i < units.length; i += 1000) {
    const rows = await db
      .insertInto('renewal_community_units')
      .values(units.slice(i, i + 1000))
      .returning('id')
      .execute();
    unitIds.push(...rows.map((r) => r.id));
  }
  let u = 0;
  const owners = areas.map((list, i) => ({
    id: ownerRows[i]!.id,
    name: ownerRows[i]!.name,
    areas: list,
    unitIds: list.map(() => unitIds[u++]!),
  }));
  return { id: c.id, owners };
}

export const PLAN_BODY = {
  title: '改造方案',
  summary: '外立面、雨污分流、加装电梯、停车位',
  items: [
    { name: '外立面整治', quantity: '12,400 m²', costFen: 3_100_000_00 },
    { name: '雨污分流', quantity: '1.2 km', costFen: 860_000_00 },
    { name: '加装电梯', quantity: '4 部', costFen: 1_600_000_00 },
  ],
};

export async function makePlan(env: TestEnv, cookie: string, communityId: string, body: object = PLAN_BODY) {
  return expectStatus<{ id: string; version: number; status: string; totalCostFen: number }>(
    call(env, cookie, 'POST', `/api/renewal/communities/${communityId}/plans`, body),
    201,
  );
}

export interface BallotBody {
  id: string;
  status: string;
  matter: string;
  tracker: {
    totalOwners: number;
    participatingOwners: number;
    participatingArea: string;
    totalArea: string;
    quorumOwners: number;
    quorumArea: string;
    quorumMet: boolean;
    online: number;
    paper: number;
    proxy: number;
    linksIssued: number;
    linksUsed: number;
  } | null;
  result: Record<string, unknown> | null;
  can: { update: boolean; voters: boolean; choices: boolean };
  plan: { id: string; version: number; status: string };
}

/** A plan version put to an open ballot; returns the ballot and every owner's link token. */
export async function openBallotOn(
  env: TestEnv,
  cookie: string,
  communityId: string,
  planId: string,
  matter: 'major' | 'ordinary' = 'major',
) {
  const closesAt = new Date(env.clock.now().getTime() + 7 * 86_400_000).toISOString();
  const b = await expectStatus<BallotBody>(
    call(env, cookie, 'POST', `/api/renewal/communities/${communityId}/ballots`, {
      planId,
      matter,
      question: '是否同意按本方案实施改造？',
      closesAt,
    }),
    201,
  );
  const opened = await expectStatus<BallotBody>(
    call(env, cookie, 'POST', `/api/renewal/ballots/${b.id}/open`),
    200,
  );
  const sheet = await expectStatus<{ links: Array<{ ownerId: string; token: string; used: boolean }> }>(
    call(env, cookie, 'GET', `/api/renewal/ballots/${b.id}/links`),
    200,
  );
  const tokens = new Map(sheet.links.map((l) => [l.ownerId, l.token]));
  return { ballot: opened, tokens };
}

/** A resident's request through a link (no cookie). */
export const resident = (env: TestEnv, method: 'GET' | 'POST', token: string, choice?: string) =>
  env.app.inject({
    method,
    url: `/api/resident/ballots/${token}`,
    ...(choice ? { payload: { choice } } : {}),
  });

/** Audit rows of an entity, oldest first. */
export const auditOf = (env: TestEnv, entityId: string) =>
  env.services.db
    .selectFrom('audit_log')
    .select(['action', 'actor_name', 'before', 'after'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();

/** An id that names no file (for requests refused before their files are looked at). */
export const NO_FILE = () => randomUUID();

/** Uploads a scanned page (PDF) as the cookie's user; returns its file id. */
export async function fileOf(env: TestEnv, cookie: string): Promise<string> {
  const r = await expectStatus<{ id: string }>(
    upload(env, cookie, tinyPdf(), '表决票扫描件.pdf', 'application/pdf'),
    201,
  );
  return r.id;
}
