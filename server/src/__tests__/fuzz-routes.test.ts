import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../modules/index.ts';
import type { BuiltinRole } from '../platform/auth/roles.ts';
import { findUserByUsername } from '../platform/auth/user.repo.ts';
import { tinyPdf } from '../platform/files/__tests__/multipart.ts';
import { solidPng } from '../platform/files/png.ts';
import { createTestEnv, DEMO_WAIT_MS, TEST_BACKENDS, type TestEnv } from '../test/harness.ts';
import { type Allowed, AUTHZ_MATRIX } from './authz-matrix.ts';
import {
  asText,
  hostileValue,
  type JsonSchema,
  type Pools,
  percentEncode,
  spoil,
  valueFor,
} from './fuzz-arbitraries.ts';

/**
 * Every route, fuzzed from its schema in openapi.json (issue 9): path parameters, query strings
 * and JSON bodies built by fast-check from the declared schemas — mostly values the schema
 * accepts (ids of real demo records, region codes, dates), mixed with hostile strings (NUL,
 * lone surrogates, very long text, SQL and JSON meta characters, direction marks), numbers
 * (huge, negative, fractions, NaN-like text) and shapes (arrays for objects, nested junk,
 * missing and extra fields) — sent as the system administrator and programme staff (and a
 * third party) where the authorisation matrix lets them in, and as whichever role it names
 * where it names neither. Writes without a JSON body (uploads, imports) also get junk multipart
 * bodies. No answer may be a 5xx.
 *
 * One backend (PGlite) is enough here: the point is the code's answers to input, not the SQL
 * dialect. The seed is fixed, so a failure repeats; the runs per route are bounded (about
 * 10,000 requests: under a minute on a quiet machine, the demo data's 15 s included).
 */

/** Fixed, so a failure repeats; GONGFU_FUZZ_SEED and GONGFU_FUZZ_RUNS explore further. */
const SEED = Number(process.env.GONGFU_FUZZ_SEED ?? 20_260_302);
const RUNS = Number(process.env.GONGFU_FUZZ_RUNS ?? 20);
/** GONGFU_FUZZ_DEBUG=1: print how often each route answered with each status. */
const DEBUG = Boolean(process.env.GONGFU_FUZZ_DEBUG);

/** Routes not fuzzed: signing out ends the caller's session for every later request. */
const SKIP = new Set(['POST /api/auth/logout']);
/** Fuzzed last: wrong current passwords lock the caller's account (and end its sessions). */
const LAST = new Set(['POST /api/auth/password']);
/** Routes left out of openapi.json (the description itself). */
const HIDDEN = new Set(['GET /api/openapi.json']);

/** Region codes of every level, real and not: province, city, county, street, community, abroad. */
const REGION_CODES = ['33', '3305', '330523', '330523001', '330523001001', '330681', '331023003', '11', '99'];

type Caller = 'anonymous' | BuiltinRole;

interface Operation {
  key: string;
  method: string;
  path: string;
  params: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  body: JsonSchema | undefined;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; required?: boolean; schema: JsonSchema }>;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

function operations(spec: OpenApi): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      if (SKIP.has(key)) continue;
      out.push({
        key,
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? [])
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({
            name: p.name,
            in: p.in as 'path' | 'query',
            required: p.required ?? p.in === 'path',
            schema: p.schema,
          })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return out;
}

/**
 * Who sends a route its requests: sysadmin and staff where the matrix lets them in (a caller
 * turned away at the door tests nothing past it: the matrix test covers that), partners too
 * where they are let in (their scope is worked out differently), anyone on a public route, and
 * the first role the matrix names where it names neither sysadmin nor staff.
 */
function callersOf(allowed: Allowed | undefined): Caller[] {
  if (allowed === 'public') return ['anonymous', 'staff'];
  if (allowed === 'signed-in' || allowed === undefined) return ['sysadmin', 'staff'];
  const callers = (['sysadmin', 'staff', 'partner'] as const).filter((c) => allowed.includes(c));
  return callers.length > 0 ? callers : [allowed[0]!];
}

type Mode =
  | { kind: 'plausible' }
  | { kind: 'spoil'; spot: number; pick: number; bad: unknown }
  | { kind: 'junk'; raw: string };

interface Request {
  method: string;
  url: string;
  payload?: string;
}

/**
 * A whole request for an operation: path, query and body from the schemas (valid enough to reach
 * the service), then — most of the time — one spot spoilt with a hostile value: one path or query
 * parameter, or one place in the body; now and then a body that is not JSON at all.
 */
function requestArb(op: Operation, pools: Pools): fc.Arbitrary<Request> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  // a path parameter names the resource before it: /projects/{id}, /buildings/{itemId}
  const segments = op.path.split('/');
  const hintOf = (name: string) => segments[segments.indexOf(`{${name}}`) - 1] ?? name;
  const pathArb = fc.tuple(...pathParams.map((p) => valueFor(p.schema, pools, hintOf(p.name))));
  const queryArb = fc.tuple(
    ...queryParams.map((p) =>
      p.required
        ? valueFor(p.schema, pools, p.name)
        : fc.option(valueFor(p.schema, pools, p.name), { nil: undefined }),
    ),
  );
  const bodyArb: fc.Arbitrary<unknown> = op.body ? valueFor(op.body, pools) : fc.constant(undefined);
  const spots = pathParams.length + queryParams.length + (op.body ? 1 : 0);
  const rawJunk = fc.constantFrom('{', '[1,', 'null', '"text"', '{"__proto__":{"x":1}}', '\u0000', '1e999');
  const modes: Array<fc.WeightedArbitrary<Mode>> = [
    { arbitrary: fc.constant({ kind: 'plausible' }), weight: 5 },
  ];
  if (spots > 0) {
    modes.push({
      arbitrary: fc.record({ kind: fc.constant('spoil'), spot: fc.nat(), pick: fc.nat(), bad: hostileValue }),
      weight: 5,
    });
  }
  if (op.body) modes.push({ arbitrary: fc.record({ kind: fc.constant('junk'), raw: rawJunk }), weight: 1 });
  const mode = fc.oneof(...modes);
  return fc.tuple(pathArb, queryArb, bodyArb, mode).map(([pv, qv, bv, m]) => {
    const path = [...pv];
    const query = [...qv];
    let body = bv;
    if (m.kind === 'spoil') {
      const spot = m.spot % spots;
      if (spot < path.length) path[spot] = m.bad;
      else if (spot < path.length + query.length) query[spot - path.length] = m.bad;
      else body = spoil(body, m.pick, m.bad);
    }
    let url = op.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, percentEncode(asText(path[i]).join(',')));
    });
    const pairs = queryParams.flatMap((p, i) =>
      asText(query[i]).map((v) => `${percentEncode(p.name)}=${percentEncode(v)}`),
    );
    if (pairs.length > 0) url += `?${pairs.join('&')}`;
    const payload = m.kind === 'junk' ? m.raw : op.body ? (JSON.stringify(body) ?? 'null') : undefined;
    return { method: op.method, url, ...(payload === undefined ? {} : { payload }) };
  });
}

/** Upload bodies: real and junk files, hostile file names (raw bytes: NUL, invalid UTF-8), wrong fields, broken framing. */
const fileNameBytes = fc.oneof(
  fc
    .constantFrom('photo.png', '照片.png', '', '../../etc/passwd', '\u202egnp.exe', 'x'.repeat(400))
    .map((n) => Buffer.from(n)),
  fc.constant(Buffer.concat([Buffer.from('a'), Buffer.from([0]), Buffer.from('b.png')])),
  fc.constant(Buffer.concat([Buffer.from('a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('.xlsx')])),
  fc
    .uint8Array({ maxLength: 20 })
    .map((b) => Buffer.from(b).filter((x) => x !== 0x22 && x !== 0x0d && x !== 0x0a)),
);
const fileBytes = fc.oneof(
  fc.constant(solidPng(2, 2, [200, 0, 0])),
  fc.constant(tinyPdf()),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)])),
  fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b)),
  fc.constant(Buffer.alloc(0)),
  fc.constant(Buffer.from('<svg onload="alert(1)"/>')),
);
const multipartArb = fc
  .record({
    parts: fc.array(
      fc.record({
        field: fc.constantFrom('file', 'x', '', 'file[]', 'name'),
        filename: fc.option(fileNameBytes, { nil: undefined }),
        type: fc.constantFrom('image/png', 'application/octet-stream', 'text/plain', ''),
        data: fileBytes,
      }),
      { maxLength: 3 },
    ),
    framing: fc.constantFrom('ok', 'no-boundary', 'truncated'),
  })
  .map(({ parts, framing }) => {
    const boundary = '----gongfuFuzzBoundary';
    const chunks: Buffer[] = [];
    for (const p of parts) {
      const name = p.filename === undefined ? '' : `; filename="${p.filename.toString('latin1')}"`;
      chunks.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"`, 'latin1'),
        Buffer.from(name, 'latin1'),
        Buffer.from(`\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`, 'latin1'),
        p.data,
        Buffer.from('\r\n'),
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    const body = Buffer.concat(chunks);
    return {
      payload: framing === 'truncated' ? body.subarray(0, Math.floor(body.length / 2)) : body,
      contentType:
        framing === 'no-boundary' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`,
    };
  });

/** A stable seed per operation, so adding a route does not change what the others are sent. */
const seedOf = (key: string) => SEED ^ createHash('sha256').update(key).digest().readInt32BE(0);

/** Ids of records of every table (a sample each), by table: for fields that name something real. */
async function recordIds(env: TestEnv, exclude: Set<string>): Promise<Map<string, string[]>> {
  const db = env.services.db;
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const { table_name } of tables.rows) {
    const rows = await sql<{
      id: string;
    }>`select id from ${sql.table(table_name)} order by id limit 12`.execute(db);
    byTable.set(
      table_name,
      rows.rows.map((r) => r.id).filter((id) => !exclude.has(id)),
    );
  }
  return byTable;
}

/** `contractors`, `nightWork`, `communities` → `contractor`, `nightwork`, `community`. */
const stem = (word: string) =>
  word
    .toLowerCase()
    .replace(/^renewal_/, '')
    .replace(/ids?$/, '')
    .replace(/[^a-z]/g, '')
    .replace(/ies$/, 'y')
    .replace(/s$/, '');

/** Fields that name an organisation without saying so. */
const ORG_HINT = /organisation|contractor|supervisor|inspector|agentbuilder|^org$/;

/**
 * The ids a field or parameter most likely names, from its name (`taskId` → tasks, `contractorId`
 * → organisations, `photos`, `scanFileId` → files …), else from the route's resource (the `id` of
 * /projects/{id} → projects), else every id.
 */
function idsByHint(byTable: Map<string, string[]>) {
  const tables = [...byTable.keys()].map((t) => ({ t, s: stem(t) }));
  const lookup = (hint: string): string[] => {
    const h = stem(hint);
    if (!h) return [];
    if (ORG_HINT.test(h)) return byTable.get('organisations') ?? [];
    if (h === 'people') return byTable.get('persons') ?? [];
    if (/file|photo|drawing|minute|scan|proxy/.test(h)) return byTable.get('files') ?? [];
    return tables.filter((x) => x.s.endsWith(h)).flatMap((x) => byTable.get(x.t) ?? []);
  };
  const all = [...byTable.values()].flat();
  return (hint: string, resource: string): readonly string[] => {
    const direct = lookup(hint);
    if (direct.length > 0) return direct;
    const fallback = lookup(resource);
    return fallback.length > 0 ? fallback : all;
  };
}

/** The resource a route is about: the last path segment before its first parameter, or its last segment. */
function resourceOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const firstParam = segments.findIndex((x) => x.startsWith('{'));
  return (firstParam > 0 ? segments[firstParam - 1] : segments[segments.length - 1]) ?? '';
}

/** One backend is enough to find what answers 5xx: the first tested (PGlite, or PostgreSQL alone on the Node 24 leg). */
const KIND = TEST_BACKENDS[0] ?? 'pglite';

describe(`every route, fuzzed from openapi.json, never answers 5xx [${KIND}]`, () => {
  let env: TestEnv;
  let close: () => Promise<void>;
  const cookies = new Map<Caller, string>();
  let idsFor: (hint: string, resource: string) => readonly string[];
  let ops: Operation[];

  beforeAll(async () => {
    ({ env, close } = await createTestEnv(KIND, { modules, demo: true }));
    const contractor = await env.services.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', '湖州建工集团有限公司')
      .executeTakeFirstOrThrow();
    const grants: Record<Exclude<Caller, 'anonymous'>, { organisationId?: string }> = {
      sysadmin: {},
      staff: {},
      secadmin: {},
      auditor: {},
      leader: {},
      partner: { organisationId: contractor.id },
    };
    const own = new Set<string>();
    for (const [role, grant] of Object.entries(grants) as Array<[Exclude<Caller, 'anonymous'>, object]>) {
      cookies.set(role, await env.userWith(role, grant, `fuzz.${role}`));
      own.add((await findUserByUsername(env.services.db, `fuzz.${role}`))!.id);
    }
    const spec = await env.app.inject({
      url: '/api/openapi.json',
      headers: { cookie: cookies.get('staff')! },
    });
    ops = operations(spec.json() as OpenApi).sort(
      (a, b) => Number(LAST.has(a.key)) - Number(LAST.has(b.key)),
    );
    // the fuzz users' own accounts are left alone (a disabled caller would test nothing after)
    idsFor = idsByHint(await recordIds(env, own));
  }, DEMO_WAIT_MS + 240_000);

  const poolsFor = (op: Operation): Pools => {
    const resource = resourceOf(op.path);
    return { ids: (hint) => idsFor(hint, resource), regionCodes: REGION_CODES };
  };

  afterAll(async () => {
    await close?.();
  });

  it('covers every route of the API', () => {
    expect(ops.length).toBeGreaterThan(150);
    const keys = new Set(ops.map((o) => o.key));
    const missing = Object.keys(AUTHZ_MATRIX).filter((k) => !keys.has(k) && !SKIP.has(k) && !HIDDEN.has(k));
    expect(missing).toEqual([]);
  });

  /** Sends each operation `RUNS` requests from `arb` as each of its callers; the 5xx it met, one per operation and caller. */
  async function fuzz(
    list: Operation[],
    arb: (op: Operation) => fc.Arbitrary<Request & { contentType?: string; body?: Buffer }>,
  ): Promise<string[]> {
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    for (const op of list) {
      for (const caller of callersOf(AUTHZ_MATRIX[op.key])) {
        const cookie = cookies.get(caller);
        const run = await fc.check(
          fc.asyncProperty(arb(op), async (r) => {
            const payload = r.body ?? r.payload;
            const res = await env.app.inject({
              method: r.method as 'GET',
              url: r.url,
              headers: {
                ...(cookie ? { cookie } : {}),
                ...(payload !== undefined ? { 'content-type': r.contentType ?? 'application/json' } : {}),
              },
              ...(payload !== undefined ? { payload } : {}),
            });
            const seen = `${op.key} ${caller} ${res.statusCode}`;
            if (DEBUG) statuses.set(seen, (statuses.get(seen) ?? 0) + 1);
            if (res.statusCode >= 500) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
          }),
          { seed: seedOf(`${op.key} ${caller}`), numRuns: RUNS, endOnFailure: true },
        );
        if (run.failed) {
          const [r] = run.counterexample ?? [];
          failures.push(
            `${op.key} as ${caller}: ${r?.method} ${r?.url.slice(0, 300)} ` +
              `body=${(r?.payload ?? r?.body?.toString('latin1'))?.slice(0, 300)} → ${String(run.errorInstance).slice(0, 400)}`,
          );
        }
      }
    }
    if (DEBUG) console.log([...statuses].map(([k, n]) => `${k} ×${n}`).join('\n'));
    return failures;
  }

  it('answers hostile and random input with 2xx-4xx, never 5xx', async () => {
    const failures = await fuzz(
      ops.filter((op) => !LAST.has(op.key)),
      (op) => requestArb(op, poolsFor(op)),
    );
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers junk uploads (multipart) with 2xx-4xx, never 5xx', async () => {
    // uploads and imports take multipart bodies, which openapi.json does not describe: every write without a JSON body gets some
    const writes = ops.filter(
      (op) => !op.body && (op.method === 'POST' || op.method === 'PUT') && !LAST.has(op.key),
    );
    const failures = await fuzz(writes, (op) =>
      fc
        .tuple(requestArb(op, poolsFor(op)), multipartArb)
        .map(([r, m]) => ({ method: r.method, url: r.url, body: m.payload, contentType: m.contentType })),
    );
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers hostile password changes with 4xx (last: wrong passwords lock the callers out)', async () => {
    const failures = await fuzz(
      ops.filter((op) => LAST.has(op.key)),
      (op) => requestArb(op, poolsFor(op)),
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
