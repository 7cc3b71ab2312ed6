import {
  type AuditFn,
  conflict,
  type Db,
  invalid,
  isUniqueViolation,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
  todayOf,
} from '../../../platform/kit/index.ts';
import { findProjectRow } from '../projects/project.repo.ts';
import { projectInScope, RENEWAL_READ, renewalScope } from '../shared/renewal.scope.ts';
import { communityToChange, communityToRead, ensureMayPlaceIn } from './community.policy.ts';
import {
  type CommunityValues,
  deleteBuilding,
  deleteOrphanOwners,
  deleteUnit,
  findBuilding,
  findBuildingNamed,
  findCommunity,
  findCommunityNamed,
  findCommunityOrganiser,
  findOwner,
  findOwnersNamed,
  findRegion,
  findUnit,
  insertBuildings,
  insertCommunity,
  insertOwners,
  insertUnits,
  listBatches,
  listBuildings,
  listOwnersWithHoldings,
  listUnitKeys,
  lockCommunity,
  nextBuildingPosition,
  patchBuilding,
  patchCommunity,
  patchUnit,
  renameOwner,
  unitHasAnswers,
} from './community.repo.ts';
import {
  areaText,
  COMMUNITY_STATUS_NAMES,
  checkAreaCenti,
  checkYearBuilt,
  labelOf,
  normaliseEntrance,
  normaliseRoom,
  residentOrganiser,
  unitLabel,
} from './community.rules.ts';
import type {
  CreateBuildingInput,
  CreateCommunityInput,
  CreateUnitInput,
  UpdateCommunityInput,
  UpdateOwnerInput,
  UpdateUnitInput,
} from './community.schemas.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE, communityScope } from './community.scope.ts';
import { COMMUNITY_STATUSES, type CommunityStatus, type OwnerKind } from './community.tables.ts';

/** Use cases of the community register: one function each, policy first, every write audited. */

const nameTaken = (name: string) =>
  conflict('name', {
    zh: `本地区已登记名为「${name}」的小区，请核对或换一个名称（如加“二期”）`,
    en: `A community named "${name}" is already registered in this region; check it, or use another name`,
  });

/** The renewal project a community links to: it exists and the caller sees it (400 naming the field otherwise). */
async function checkProject(
  s: PlatformServices,
  ctx: RequestContext,
  id: string | null,
): Promise<string | null> {
  if (id === null) return null;
  const scope = await renewalScope(s, ctx, RENEWAL_READ).catch(() => null);
  const project = await findProjectRow(s.db, id);
  if (!project || !scope || !projectInScope(scope, project, [])) {
    throw invalid('projectId', {
      zh: `项目 ${id} 不存在或不在您的数据范围内，请从项目台账中选择`,
      en: `Project ${id} does not exist or is outside your data scope; choose one from the project register`,
    });
  }
  return id;
}

async function checkRegion(s: PlatformServices, code: string): Promise<string> {
  if (!(await findRegion(s.db, code))) {
    throw invalid('regionCode', {
      zh: `行政区划代码 ${code} 不存在，请选择小区所在的乡镇（街道）`,
      en: `Region ${code} does not exist; choose the town or sub-district of the community`,
    });
  }
  return code;
}

function checkStatus(status: CommunityStatus | undefined, current: CommunityStatus): CommunityStatus {
  const next = status ?? current;
  if (next === 'accepted' && current !== 'accepted') {
    throw invalid('status', {
      zh: '“已验收”由竣工验收记录设定：请在“验收”页登记验收',
      en: '"Accepted" is set by recording the acceptance: use the acceptance tab',
    });
  }
  if (current === 'accepted' && next !== 'accepted') {
    throw invalid('status', {
      zh: '小区已竣工验收，状态不能再修改',
      en: 'The renovation has been accepted; its status can no longer change',
    });
  }
  return next;
}

async function values(
  s: PlatformServices,
  ctx: RequestContext,
  input: UpdateCommunityInput,
  before: CommunityValues,
): Promise<CommunityValues> {
  const thisYear = Number(todayOf(s).slice(0, 4));
  return {
    name: input.name === undefined ? before.name : requiredText('name', input.name, 100),
    regionCode: input.regionCode === undefined ? before.regionCode : await checkRegion(s, input.regionCode),
    address: input.address === undefined ? before.address : optionalText(input.address),
    yearBuilt:
      input.yearBuilt === undefined
        ? before.yearBuilt
        : checkYearBuilt('yearBuilt', input.yearBuilt, thisYear),
    batch: input.batch === undefined ? before.batch : optionalText(input.batch),
    status: checkStatus(input.status, before.status),
    projectId: input.projectId === undefined ? before.projectId : await checkProject(s, ctx, input.projectId),
  };
}

const auditView = (v: CommunityValues) => ({ ...v });

export async function createCommunity(s: PlatformServices, ctx: RequestContext, input: CreateCommunityInput) {
  const scope = await communityScope(s, ctx, COMMUNITY_WRITE);
  const v = await values(s, ctx, input, {
    name: '',
    regionCode: '',
    address: null,
    yearBuilt: null,
    batch: null,
    status: 'planned',
    projectId: null,
  });
  if (input.name === undefined) requiredText('name', '');
  ensureMayPlaceIn(scope, v.regionCode);
  if (await findCommunityNamed(s.db, v.regionCode, v.name)) throw nameTaken(v.name);
  const id = await s
    .write(ctx, async (tx, audit) => {
      const { id } = await insertCommunity(tx, v, s.clock.now());
      await audit({
        action: 'renewal.community.create',
        entityType: 'renewal_community',
        entityId: id,
        after: auditView(v),
      });
      return id;
    })
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? nameTaken(v.name) : e;
    });
  return getCommunity(s, ctx, id);
}

export async function updateCommunity(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdateCommunityInput,
) {
  const { community: c, scope } = await communityToChange(s, ctx, id);
  const before: CommunityValues = {
    name: c.name,
    regionCode: c.region_code,
    address: c.address,
    yearBuilt: c.year_built,
    batch: c.batch,
    status: c.status,
    projectId: c.project_id,
  };
  const next = await values(s, ctx, input, before);
  ensureMayPlaceIn(scope, next.regionCode);
  if (next.name !== before.name || next.regionCode !== before.regionCode) {
    const other = await findCommunityNamed(s.db, next.regionCode, next.name);
    if (other && other.id !== id) throw nameTaken(next.name);
  }
  await s
    .write(ctx, async (tx, audit) => {
      await lockCommunity(tx, id);
      await patchCommunity(tx, id, next, s.clock.now());
      await audit({
        action: 'renewal.community.update',
        entityType: 'renewal_community',
        entityId: id,
        before: auditView(before),
        after: auditView(next),
      });
    })
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? nameTaken(next.name) : e;
    });
  return getCommunity(s, ctx, id);
}

export async function getCommunity(s: PlatformServices, ctx: RequestContext, id: string) {
  const { can } = await communityToRead(s, ctx, id);
  const row = (await findCommunity(s.db, id))!;
  return { row, can };
}

/**
 * The organisation residents' pages of this community name as running them (no access check:
 * the caller has opened a resident's link, or already read the community).
 */
export async function organiserOf(s: PlatformServices, communityId: string): Promise<string> {
  const row = await findCommunityOrganiser(s.db, communityId);
  return row ? residentOrganiser(row) : '';
}

/** What the list's filters offer: the renovation batches in use within the caller's scope, and the statuses. */
export async function communityOptions(s: PlatformServices, ctx: RequestContext) {
  const scope = await communityScope(s, ctx, COMMUNITY_READ);
  return {
    batches: await listBatches(s.db, scope),
    statuses: COMMUNITY_STATUSES.map((code) => ({
      code,
      name: labelOf(COMMUNITY_STATUS_NAMES[code], ctx.lang),
    })),
  };
}

// ---------------------------------------------------------------- buildings

const buildingTaken = (name: string) =>
  conflict('name', {
    zh: `本小区已有楼栋「${name}」，请换一个名称`,
    en: `The community already has a building "${name}"; use another name`,
  });

export async function listBuildingsOf(s: PlatformServices, ctx: RequestContext, communityId: string) {
  await communityToRead(s, ctx, communityId);
  return listBuildings(s.db, communityId);
}

export async function addBuilding(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  input: CreateBuildingInput,
) {
  await communityToChange(s, ctx, communityId);
  const name = requiredText('name', input.name, 30);
  const id = await s.write(ctx, async (tx, audit) => {
    await lockCommunity(tx, communityId);
    if (await findBuildingNamed(tx, communityId, name)) throw buildingTaken(name);
    const position = input.position ?? (await nextBuildingPosition(tx, communityId));
    const [b] = await insertBuildings(tx, communityId, [{ name, position }]);
    await audit({
      action: 'renewal.community.building.create',
      entityType: 'renewal_community',
      entityId: communityId,
      after: { buildingId: b!.id, name, position },
    });
    return b!.id;
  });
  return (await listBuildings(s.db, communityId)).find((b) => b.id === id)!;
}

async function buildingOf(
  s: PlatformServices,
  communityId: string,
  buildingId: string,
  field = 'buildingId',
) {
  const b = await findBuilding(s.db, buildingId);
  if (!b || b.community_id !== communityId) {
    throw invalid(field, {
      zh: '楼栋不存在或不属于本小区，请重新选择',
      en: 'The building does not exist or is not in this community; choose another',
    });
  }
  return b;
}

export async function updateBuilding(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  buildingId: string,
  input: Partial<CreateBuildingInput>,
) {
  await communityToChange(s, ctx, communityId);
  const before = await buildingOf(s, communityId, buildingId, 'itemId');
  const next = {
    name: input.name === undefined ? before.name : requiredText('name', input.name, 30),
    position: input.position ?? before.position,
  };
  await s.write(ctx, async (tx, audit) => {
    await lockCommunity(tx, communityId);
    const other = await findBuildingNamed(tx, communityId, next.name);
    if (other && other.id !== buildingId) throw buildingTaken(next.name);
    await patchBuilding(tx, buildingId, next);
    await audit({
      action: 'renewal.community.building.update',
      entityType: 'renewal_community',
      entityId: communityId,
      before: { buildingId, name: before.name, position: before.position },
      after: { buildingId, ...next },
    });
  });
  return (await listBuildings(s.db, communityId)).find((b) => b.id === buildingId)!;
}

export async function removeBuilding(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  buildingId: string,
) {
  await communityToChange(s, ctx, communityId);
  const b = await buildingOf(s, communityId, buildingId, 'itemId');
  const row = (await listBuildings(s.db, communityId)).find((x) => x.id === buildingId);
  if (Number(row?.unit_count ?? 0) > 0) {
    throw conflict('itemId', {
      zh: `楼栋「${b.name}」下还有住户，请先删除或移走这些住户`,
      en: `Building "${b.name}" still has units; remove or move them first`,
    });
  }
  await s.write(ctx, async (tx, audit) => {
    await deleteBuilding(tx, buildingId);
    await audit({
      action: 'renewal.community.building.delete',
      entityType: 'renewal_community',
      entityId: communityId,
      before: { buildingId, name: b.name },
    });
  });
}

// ---------------------------------------------------------------- units and owners

export async function listOwnersOf(s: PlatformServices, ctx: RequestContext, communityId: string) {
  const access = await communityToRead(s, ctx, communityId);
  return { rows: await listOwnersWithHoldings(s.db, communityId), mayName: access.mayName };
}

const unitTaken = (label: string) =>
  conflict('room', {
    zh: `${label} 已登记，请核对楼栋、单元和室号`,
    en: `${label} is already registered; check the building, entrance and room`,
  });

/** The owner named in a unit body: an existing one by id, or found (or made) by kind and name. */
async function ownerFor(
  tx: Db,
  communityId: string,
  input: { ownerId?: string | undefined; ownerName?: string | undefined; ownerKind?: OwnerKind | undefined },
  at: Date,
): Promise<{ id: string; name: string; kind: OwnerKind }> {
  if (input.ownerId !== undefined) {
    const o = await findOwner(tx, input.ownerId);
    if (!o || o.community_id !== communityId) {
      throw invalid('ownerId', {
        zh: '业主不存在或不属于本小区，请重新选择，或填写业主姓名',
        en: 'The owner does not exist or is not of this community; choose another, or give the owner’s name',
      });
    }
    return { id: o.id, name: o.name, kind: o.kind };
  }
  const name = requiredText('ownerName', input.ownerName ?? '', 100);
  const kind = input.ownerKind ?? 'person';
  const found = (await findOwnersNamed(tx, communityId, [name])).find((o) => o.kind === kind);
  if (found) return found;
  const [made] = await insertOwners(tx, communityId, [{ name, kind }], at);
  return made!;
}

export async function addUnit(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  input: CreateUnitInput,
) {
  await communityToChange(s, ctx, communityId);
  const building = await buildingOf(s, communityId, input.buildingId);
  const entrance = normaliseEntrance(input.entrance ?? '');
  const room = requiredText('room', normaliseRoom(input.room), 20);
  const areaCenti = checkAreaCenti('areaCenti', input.areaCenti);
  const label = unitLabel({ building_name: building.name, entrance, room });
  const id = await s.write(ctx, async (tx, audit) => {
    await lockCommunity(tx, communityId);
    if ((await listUnitKeys(tx, communityId)).has(`${building.id}|${entrance}|${room}`))
      throw unitTaken(label);
    const owner = await ownerFor(tx, communityId, input, s.clock.now());
    const [id] = await insertUnits(tx, communityId, [
      { buildingId: building.id, entrance, room, areaCenti, ownerId: owner.id },
    ]);
    await audit({
      action: 'renewal.community.unit.create',
      entityType: 'renewal_community_unit',
      entityId: id,
      after: { communityId, label, area: areaText(areaCenti), ownerId: owner.id, ownerKind: owner.kind },
    });
    return id!;
  });
  return { unit: (await findUnit(s.db, id))!, mayName: true };
}

async function unitOf(s: PlatformServices, communityId: string, unitId: string) {
  const u = await findUnit(s.db, unitId);
  if (!u || u.community_id !== communityId) {
    throw invalid('itemId', {
      zh: '住户（房号）不存在或不属于本小区',
      en: 'The unit does not exist or is not in this community',
    });
  }
  return u;
}

export async function updateUnit(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  unitId: string,
  input: UpdateUnitInput,
) {
  await communityToChange(s, ctx, communityId);
  const before = await unitOf(s, communityId, unitId);
  const building =
    input.buildingId === undefined
      ? { id: before.building_id, name: before.building_name }
      : await buildingOf(s, communityId, input.buildingId);
  const entrance = input.entrance === undefined ? before.entrance : normaliseEntrance(input.entrance);
  const room = input.room === undefined ? before.room : requiredText('room', normaliseRoom(input.room), 20);
  const areaCenti =
    input.areaCenti === undefined ? before.area_centi : checkAreaCenti('areaCenti', input.areaCenti);
  const label = unitLabel({ building_name: building.name, entrance, room });
  const ownerChanged = input.ownerId !== undefined || input.ownerName !== undefined;
  await s.write(ctx, async (tx, audit) => {
    await lockCommunity(tx, communityId);
    const key = `${building.id}|${entrance}|${room}`;
    if (
      key !== `${before.building_id}|${before.entrance}|${before.room}` &&
      (await listUnitKeys(tx, communityId)).has(key)
    )
      throw unitTaken(label);
    const owner = ownerChanged
      ? await ownerFor(tx, communityId, input, s.clock.now())
      : { id: before.owner_id, kind: before.owner_kind };
    await patchUnit(tx, unitId, { buildingId: building.id, entrance, room, areaCenti, ownerId: owner.id });
    if (ownerChanged) await deleteOrphanOwners(tx, communityId);
    await audit({
      action: 'renewal.community.unit.update',
      entityType: 'renewal_community_unit',
      entityId: unitId,
      before: { label: unitLabel(before), area: areaText(before.area_centi), ownerId: before.owner_id },
      after: { label, area: areaText(areaCenti), ownerId: owner.id },
    });
  });
  return { unit: (await findUnit(s.db, unitId))!, mayName: true };
}

export async function removeUnit(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  unitId: string,
) {
  await communityToChange(s, ctx, communityId);
  const u = await unitOf(s, communityId, unitId);
  if (await unitHasAnswers(s.db, unitId)) {
    throw conflict('itemId', {
      zh: `${unitLabel(u)} 已有问卷答复，不能删除；如房号有误，请修改`,
      en: `${unitLabel(u)} has survey answers and cannot be removed; correct it instead`,
    });
  }
  await s.write(ctx, async (tx, audit) => {
    await deleteUnit(tx, unitId);
    await deleteOrphanOwners(tx, communityId);
    await audit({
      action: 'renewal.community.unit.delete',
      entityType: 'renewal_community_unit',
      entityId: unitId,
      before: { communityId, label: unitLabel(u), area: areaText(u.area_centi) },
    });
  });
}

export async function updateOwner(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  ownerId: string,
  input: UpdateOwnerInput,
) {
  await communityToChange(s, ctx, communityId);
  const o = await findOwner(s.db, ownerId);
  if (!o || o.community_id !== communityId) {
    throw invalid('itemId', {
      zh: '业主不存在或不属于本小区',
      en: 'The owner does not exist or is not of this community',
    });
  }
  const next = {
    name: input.name === undefined ? o.name : requiredText('name', input.name, 100),
    kind: input.kind ?? o.kind,
  };
  await s.write(ctx, async (tx, audit) => {
    await renameOwner(tx, ownerId, next);
    await audit({
      action: 'renewal.community.owner.update',
      entityType: 'renewal_community_owner',
      entityId: ownerId,
      // names are personal data: the audit keeps only that it changed
      before: { kind: o.kind },
      after: { kind: next.kind, nameChanged: next.name !== o.name },
    });
  });
  return (await listOwnersWithHoldings(s.db, communityId)).find((r) => r.id === ownerId) ?? null;
}

// ---------------------------------------------------------------- households in bulk (Excel import, demo)

export interface HouseholdRow {
  building: string;
  entrance: string;
  room: string;
  areaCenti: number;
  ownerName: string;
  ownerKind: OwnerKind;
}

/**
 * Adds households in one transaction (the caller's): the buildings they name are created if
 * missing, owners are found by kind and name within the community (one owner holding several
 * units is one owner), units already registered are skipped. Returns what was added.
 */
export async function addHouseholds(
  s: PlatformServices,
  tx: Db,
  audit: AuditFn,
  communityId: string,
  rows: HouseholdRow[],
  action = 'renewal.community.import',
) {
  await lockCommunity(tx, communityId);
  const at = s.clock.now();
  // buildings
  const existing = new Map((await listBuildings(tx, communityId)).map((b) => [b.name, b.id]));
  const newNames = [...new Set(rows.map((r) => r.building))].filter((n) => !existing.has(n));
  let position = await nextBuildingPosition(tx, communityId);
  for (const b of await insertBuildings(
    tx,
    communityId,
    newNames.map((name) => ({ name, position: position++ })),
  ))
    existing.set(b.name, b.id);
  // owners
  const ownerKey = (kind: OwnerKind, name: string) => `${kind}|${name}`;
  const owners = new Map<string, string>();
  for (const o of await findOwnersNamed(
    tx,
    communityId,
    rows.map((r) => r.ownerName),
  ))
    if (!owners.has(ownerKey(o.kind, o.name))) owners.set(ownerKey(o.kind, o.name), o.id);
  const missing = new Map<string, { name: string; kind: OwnerKind }>();
  for (const r of rows) {
    const k = ownerKey(r.ownerKind, r.ownerName);
    if (!owners.has(k)) missing.set(k, { name: r.ownerName, kind: r.ownerKind });
  }
  for (const o of await insertOwners(tx, communityId, [...missing.values()], at))
    owners.set(ownerKey(o.kind, o.name), o.id);
  // units
  const keys = await listUnitKeys(tx, communityId);
  const units = [];
  for (const r of rows) {
    const buildingId = existing.get(r.building)!;
    const key = `${buildingId}|${r.entrance}|${r.room}`;
    if (keys.has(key)) continue;
    keys.add(key);
    units.push({
      buildingId,
      entrance: r.entrance,
      room: r.room,
      areaCenti: r.areaCenti,
      ownerId: owners.get(ownerKey(r.ownerKind, r.ownerName))!,
    });
  }
  await insertUnits(tx, communityId, units);
  await deleteOrphanOwners(tx, communityId);
  const added = {
    buildings: newNames.length,
    units: units.length,
    skipped: rows.length - units.length,
    areaCenti: units.reduce((a, u) => a + u.areaCenti, 0),
  };
  await audit({
    action,
    entityType: 'renewal_community',
    entityId: communityId,
    after: { ...added, area: areaText(added.areaCenti) },
  });
  return added;
}
