import type { Db } from '../audit/audit.repo.ts';
import type { RequestContext } from '../audit/audit.service.ts';
import type { OrganisationKind } from '../db/schema.ts';
import { AppError, conflict, invalid } from '../http/errors.ts';
import { pageWindow } from '../http/pagination.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { levelOfCode } from '../regions/region-tree.ts';
import { canSee, ensureMayPlaceIn, ensureVisible, readScope, writeScope } from './organisation.policy.ts';
import {
  countActiveChildren,
  findOrganisation,
  findOrganisationPage,
  findOrganisations,
  insertOrganisation,
  isCreditCodeTaken,
  lockOrganisation,
  lockOrganisationTree,
  type OrganisationFilter,
  type OrganisationListRow,
  patchOrganisation,
  regionExists,
  selfAndAncestorIds,
} from './organisation.repo.ts';
import {
  normaliseCreditCode,
  normaliseName,
  optionalText,
  requireCreditCodeFor,
} from './organisation.rules.ts';
import type {
  CreateOrganisationInput,
  OrganisationListQuery,
  OrganisationTreeQuery,
  UpdateOrganisationInput,
} from './organisation.schemas.ts';

/** Use cases of organisations: one function each, policy first, every write audited in its transaction. */

export type { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.schemas.ts';

/** What the audit log keeps of an organisation (no personal data in it). */
const snapshot = (o: OrganisationListRow) => ({
  name: o.name,
  kind: o.kind,
  regionCode: o.region_code,
  parentId: o.parent_id,
  creditCode: o.credit_code,
  address: o.address,
  status: o.status,
});

function checkRegionFilter(code: string | undefined): void {
  if (code !== undefined && levelOfCode(code) === undefined) {
    throw invalid('regionCode', {
      zh: '行政区划代码应为 2、4、6、9 或 12 位数字，请从行政区划中选择',
      en: 'A region code has 2, 4, 6, 9 or 12 digits; choose one from the region list',
    });
  }
}

export const regionMissing = (code: string) =>
  invalid('regionCode', {
    zh: `行政区划代码 ${code} 不存在，请从行政区划中选择`,
    en: `Region ${code} does not exist; choose one from the region list`,
  });

async function ensureRegionExists(db: Db, code: string): Promise<void> {
  if (!(await regionExists(db, code))) throw regionMissing(code);
}

const parentCycle = () =>
  invalid(
    'parentId',
    {
      zh: '不能把组织放到它自己或它的下级组织之下，请选择其他上级组织',
      en: 'An organisation cannot be placed under itself or one of its own sub-organisations; choose another parent',
    },
    'ORG_PARENT_CYCLE',
  );

/** The parent must exist, be visible to the caller and be active. */
async function ensureParent(db: Db, scope: string[] | null, parentId: string): Promise<void> {
  checkParent(scope, await findOrganisation(db, parentId));
}

/** The rule of `ensureParent` on a parent already looked up (by id, or by an import's name or code). */
export function checkParent(
  scope: string[] | null,
  parent: Pick<OrganisationListRow, 'name' | 'region_code' | 'status'> | undefined,
): void {
  if (!parent || !canSee(scope, parent)) {
    throw invalid('parentId', {
      zh: '上级组织不存在或您无权查看，请重新选择',
      en: 'The parent organisation does not exist or is not visible to you; choose another',
    });
  }
  if (parent.status !== 'active') {
    throw invalid('parentId', {
      zh: `上级组织「${parent.name}」已撤销，请选择正常状态的上级组织`,
      en: `The parent organisation "${parent.name}" is closed; choose an active one`,
    });
  }
}

export const creditCodeTaken = (creditCode: string | null) =>
  conflict(
    'creditCode',
    {
      zh: `统一社会信用代码 ${creditCode ?? ''} 已登记在其他组织名下，请勿重复添加（可在列表中按代码搜索该组织）`,
      en: `The unified social credit code ${creditCode ?? ''} is already registered for another organisation; search the list by code instead of adding it again`,
    },
    'ORG_CREDIT_CODE_TAKEN',
  );

/** Runs an insert or update, turning a duplicate credit code (also when two requests race) into 409. */
async function saving<T>(creditCode: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!isCreditCodeTaken(err)) throw err;
    throw creditCodeTaken(creditCode);
  }
}

/** Runs one field's rule, collecting its error instead of throwing it. */
function attempt<T>(problems: AppError[], rule: () => T): T | undefined {
  try {
    return rule();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.push(err);
    return undefined;
  }
}

/**
 * Validates a new organisation's own fields (name, credit code and whether its kind needs one;
 * every problem, in that order). No database: region, scope and parent are checked by the
 * callers (the API, and Excel imports chunk by chunk).
 */
export function validateNewOrganisation(
  input: Pick<CreateOrganisationInput, 'name' | 'kind' | 'creditCode' | 'address'>,
):
  | { values: { name: string; creditCode: string | null; address: string | null }; problems: [] }
  | { values: null; problems: AppError[] } {
  const problems: AppError[] = [];
  const name = attempt(problems, () => normaliseName(input.name));
  const creditCode = attempt(problems, () => normaliseCreditCode(input.creditCode));
  if (creditCode !== undefined) attempt(problems, () => requireCreditCodeFor(input.kind, creditCode));
  if (name === undefined || creditCode === undefined || problems.length > 0)
    return { values: null, problems };
  return { values: { name, creditCode, address: optionalText(input.address) }, problems: [] };
}

/** The list's filters as a repository condition within the caller's scope (paging aside). */
export function organisationsMatching(
  scope: string[] | null,
  query: OrganisationListQuery,
): OrganisationFilter {
  checkRegionFilter(query.regionCode);
  return {
    scope,
    kind: query.kind,
    regionCode: query.regionCode,
    parentId: query.parentId,
    status: query.status,
    q: optionalText(query.q) ?? undefined,
  };
}

export async function listOrganisations(
  s: PlatformServices,
  ctx: RequestContext,
  query: OrganisationListQuery,
) {
  const filter = organisationsMatching(readScope(s, ctx), query);
  const { page, pageSize, offset, limit } = pageWindow(query);
  const { rows, total } = await findOrganisationPage(s.db, filter, {
    limit,
    offset,
  });
  return { rows, total, page, pageSize };
}

/** Every visible organisation in a region subtree with the number of its children in that list. */
export async function listOrganisationTree(
  s: PlatformServices,
  ctx: RequestContext,
  query: OrganisationTreeQuery,
) {
  const scope = readScope(s, ctx);
  checkRegionFilter(query.regionCode);
  const rows = await findOrganisations(s.db, { scope, regionCode: query.regionCode, status: query.status });
  const childCount = new Map<string, number>();
  for (const r of rows) if (r.parent_id) childCount.set(r.parent_id, (childCount.get(r.parent_id) ?? 0) + 1);
  return rows.map((r) => ({ ...r, child_count: childCount.get(r.id) ?? 0 }));
}

export async function getOrganisation(s: PlatformServices, ctx: RequestContext, id: string) {
  const scope = readScope(s, ctx);
  return ensureVisible(scope, id, await findOrganisation(s.db, id));
}

/** Registers an organisation. Called by POST /api/orgs, the demo seeder and tests. */
export async function createOrganisation(
  s: PlatformServices,
  ctx: RequestContext,
  input: CreateOrganisationInput,
): Promise<OrganisationListRow> {
  const scope = writeScope(s, ctx);
  const v = validateNewOrganisation(input);
  if (v.values === null) throw v.problems[0];
  const { name, creditCode, address } = v.values;
  await ensureRegionExists(s.db, input.regionCode);
  ensureMayPlaceIn(scope, input.regionCode);
  const parentId = input.parentId ?? null;
  return s.write(ctx, async (tx, audit) => {
    if (parentId !== null) await ensureParent(tx, readScope(s, ctx), parentId);
    const now = s.clock.now();
    const row = await saving(creditCode, () =>
      insertOrganisation(tx, {
        name,
        kind: input.kind,
        region_code: input.regionCode,
        parent_id: parentId,
        credit_code: creditCode,
        address,
        created_at: now,
        updated_at: now,
      }),
    );
    const created = await findOrganisation(tx, row.id);
    if (!created) throw new Error(`organisation ${row.id} vanished after insert`);
    await audit({
      action: 'org.create',
      entityType: 'organisation',
      entityId: row.id,
      after: snapshot(created),
    });
    return created;
  });
}

/**
 * Changes an organisation's name, kind, region, parent, credit code, address or status.
 * Closing (status → closed) is audited as org.close; organisations are never deleted.
 */
export async function updateOrganisation(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdateOrganisationInput,
): Promise<OrganisationListRow> {
  const scope = writeScope(s, ctx);
  return s.write(ctx, async (tx, audit) => {
    await lockOrganisation(tx, id);
    const before = ensureVisible(scope, id, await findOrganisation(tx, id));
    const next = {
      name: input.name === undefined ? before.name : normaliseName(input.name),
      kind: (input.kind ?? before.kind) as OrganisationKind,
      region_code: input.regionCode ?? before.region_code,
      parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
      credit_code:
        input.creditCode === undefined ? before.credit_code : normaliseCreditCode(input.creditCode),
      address: input.address === undefined ? before.address : optionalText(input.address),
      status: input.status ?? before.status,
    };
    requireCreditCodeFor(next.kind, next.credit_code);
    if (next.region_code !== before.region_code) {
      await ensureRegionExists(tx, next.region_code);
      ensureMayPlaceIn(scope, next.region_code);
    }
    if (next.parent_id !== before.parent_id && next.parent_id !== null) {
      if (next.parent_id === id) throw parentCycle();
      await ensureParent(tx, readScope(s, ctx), next.parent_id);
      await lockOrganisationTree(tx);
      if ((await selfAndAncestorIds(tx, next.parent_id)).includes(id)) throw parentCycle();
    }
    const closing = next.status === 'closed' && before.status !== 'closed';
    if (closing) await ensureNoActiveChildren(tx, id);

    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== before[k]);
    if (changed.length === 0) return before;
    await saving(next.credit_code, () => patchOrganisation(tx, id, { ...next, updated_at: s.clock.now() }));
    const after = await findOrganisation(tx, id);
    if (!after) throw new Error(`organisation ${id} vanished during update`);
    await audit({
      action: closing ? 'org.close' : 'org.update',
      entityType: 'organisation',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

async function ensureNoActiveChildren(tx: Db, id: string): Promise<void> {
  const n = await countActiveChildren(tx, id);
  if (n > 0) {
    throw conflict(
      'status',
      {
        zh: `该组织下还有 ${n} 个正常状态的下级组织，请先撤销它们或将其调整到其他上级组织`,
        en: `This organisation still has ${n} active sub-organisation(s); close them or move them to another parent first`,
      },
      'ORG_HAS_ACTIVE_CHILDREN',
    );
  }
}
