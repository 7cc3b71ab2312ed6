import { type Static, Type } from 'typebox';
import { type GongfuApp, IdParams, type Lang, type PlatformServices } from '../../../platform/kit/index.ts';
import type { BuildingListRow, CommunityListRow, OwnerHoldingRow, UnitRow } from './community.repo.ts';
import {
  COMMUNITY_STATUS_NAMES,
  labelOf,
  OWNER_KIND_NAMES,
  ownerNameFor,
  unitLabel,
} from './community.rules.ts';
import {
  BuildingView,
  CommunityListQuery,
  CommunityPage,
  CommunityParams,
  CommunityView,
  CreateBuildingBody,
  CreateCommunityBody,
  CreateUnitBody,
  Deleted,
  OwnerView,
  UnitListQuery,
  UnitPage,
  UnitView,
  UpdateBuildingBody,
  UpdateCommunityBody,
  UpdateOwnerBody,
  UpdateUnitBody,
} from './community.schemas.ts';
import { COMMUNITY_READ, COMMUNITY_WRITE } from './community.scope.ts';
import {
  addBuilding,
  addUnit,
  createCommunity,
  getCommunity,
  listBuildingsOf,
  listCommunities,
  listOwnersOf,
  listUnitsOf,
  removeBuilding,
  removeUnit,
  updateBuilding,
  updateCommunity,
  updateOwner,
  updateUnit,
} from './community.service.ts';
import { COMMUNITY_STATUSES } from './community.tables.ts';

const tags = ['renewal-communities'];

/** Per cent with one decimal; 0 when nobody rated. */
export const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;

export function presentCommunity(
  c: CommunityListRow,
  can: Static<typeof CommunityView>['can'],
  lang: Lang,
): Static<typeof CommunityView> {
  return {
    id: c.id,
    name: c.name,
    regionCode: c.region_code,
    regionName: c.region_name,
    address: c.address,
    yearBuilt: c.year_built,
    batch: c.batch,
    status: c.status,
    statusName: labelOf(COMMUNITY_STATUS_NAMES[c.status], lang),
    project: c.project_id ? { id: c.project_id, name: c.project_name ?? '' } : null,
    buildingCount: Number(c.building_count ?? 0),
    unitCount: Number(c.unit_count ?? 0),
    ownerCount: Number(c.owner_count ?? 0),
    areaCenti: Number(c.area_centi ?? 0),
    acceptance:
      c.accepted_on && c.acceptance_survey_id
        ? {
            acceptedOn: String(c.accepted_on),
            acceptedBy: c.accepted_by ?? '',
            surveyId: c.acceptance_survey_id,
            satisfied: Number(c.acceptance_satisfied ?? 0),
            rated: Number(c.acceptance_rated ?? 0),
            satisfactionRate: percent(Number(c.acceptance_satisfied ?? 0), Number(c.acceptance_rated ?? 0)),
            note: c.acceptance_note ?? null,
          }
        : null,
    can,
    createdAt: new Date(c.created_at).toISOString(),
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}

export const presentBuilding = (b: BuildingListRow): Static<typeof BuildingView> => ({
  id: b.id,
  name: b.name,
  position: b.position,
  unitCount: Number(b.unit_count ?? 0),
  areaCenti: Number(b.area_centi ?? 0),
});

export const presentUnit = (u: UnitRow, mayName: boolean, lang: Lang): Static<typeof UnitView> => ({
  id: u.id,
  buildingId: u.building_id,
  buildingName: u.building_name,
  entrance: u.entrance,
  room: u.room,
  label: unitLabel(u),
  areaCenti: u.area_centi,
  owner: {
    id: u.owner_id,
    name: ownerNameFor(u.owner_name, u.owner_kind, mayName),
    kind: u.owner_kind,
    kindName: labelOf(OWNER_KIND_NAMES[u.owner_kind], lang),
  },
});

export const presentOwner = (o: OwnerHoldingRow, mayName: boolean, lang: Lang): Static<typeof OwnerView> => ({
  id: o.id,
  name: ownerNameFor(o.name, o.kind, mayName),
  kind: o.kind,
  kindName: labelOf(OWNER_KIND_NAMES[o.kind], lang),
  unitCount: Number(o.unit_count),
  areaCenti: Number(o.area_centi),
});

export function communityRoutes(app: GongfuApp, s: PlatformServices) {
  const read = { access: { permission: COMMUNITY_READ } };
  const write = { access: { permission: COMMUNITY_WRITE } };

  app.get(
    '/api/renewal/communities',
    {
      config: read,
      schema: {
        tags,
        summary: '老旧小区改造台账 Communities under renovation, with units, owners and area',
        querystring: CommunityListQuery,
        response: { 200: CommunityPage },
      },
    },
    async (req) => {
      const r = await listCommunities(s, req.ctx, req.query);
      return {
        items: r.rows.map((c) => presentCommunity(c, c.can, req.ctx.lang)),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        batches: r.batches,
        statuses: COMMUNITY_STATUSES.map((code) => ({
          code,
          name: labelOf(COMMUNITY_STATUS_NAMES[code], req.ctx.lang),
        })),
      };
    },
  );

  app.post(
    '/api/renewal/communities',
    {
      config: write,
      schema: {
        tags,
        summary: '登记小区 Register a community (region, year built, batch, status, project)',
        body: CreateCommunityBody,
        response: { 201: CommunityView },
      },
    },
    async (req, reply) => {
      const r = await createCommunity(s, req.ctx, req.body);
      reply.status(201);
      return presentCommunity(r.row, r.can, req.ctx.lang);
    },
  );

  app.get(
    '/api/renewal/communities/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '小区概况 One community with its totals and acceptance',
        params: IdParams,
        response: { 200: CommunityView },
      },
    },
    async (req) => {
      const r = await getCommunity(s, req.ctx, req.params.id);
      return presentCommunity(r.row, r.can, req.ctx.lang);
    },
  );

  app.patch(
    '/api/renewal/communities/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改小区 Amend a community (name, region, batch, status, project …)',
        params: IdParams,
        body: UpdateCommunityBody,
        response: { 200: CommunityView },
      },
    },
    async (req) => {
      const r = await updateCommunity(s, req.ctx, req.params.id, req.body);
      return presentCommunity(r.row, r.can, req.ctx.lang);
    },
  );

  // ------------------------------------------------------------ buildings

  app.get(
    '/api/renewal/communities/:id/buildings',
    {
      config: read,
      schema: {
        tags,
        summary: '楼栋 Buildings of a community with units and area',
        params: IdParams,
        response: { 200: Type.Array(BuildingView) },
      },
    },
    async (req) => (await listBuildingsOf(s, req.ctx, req.params.id)).map(presentBuilding),
  );

  app.post(
    '/api/renewal/communities/:id/buildings',
    {
      config: write,
      schema: {
        tags,
        summary: '添加楼栋 Add a building',
        params: IdParams,
        body: CreateBuildingBody,
        response: { 201: BuildingView },
      },
    },
    async (req, reply) => {
      const b = await addBuilding(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentBuilding(b);
    },
  );

  app.patch(
    '/api/renewal/communities/:id/buildings/:itemId',
    {
      config: write,
      schema: {
        tags,
        summary: '修改楼栋 Rename or reorder a building',
        params: CommunityParams,
        body: UpdateBuildingBody,
        response: { 200: BuildingView },
      },
    },
    async (req) =>
      presentBuilding(await updateBuilding(s, req.ctx, req.params.id, req.params.itemId, req.body)),
  );

  app.delete(
    '/api/renewal/communities/:id/buildings/:itemId',
    {
      config: write,
      schema: {
        tags,
        summary: '删除楼栋 Remove a building without units',
        params: CommunityParams,
        response: { 200: Deleted },
      },
    },
    async (req) => {
      await removeBuilding(s, req.ctx, req.params.id, req.params.itemId);
      return { ok: true };
    },
  );

  // ------------------------------------------------------------ units and owners

  app.get(
    '/api/renewal/communities/:id/units',
    {
      config: read,
      schema: {
        tags,
        summary: '住户 Units (楼栋/单元/室) with exclusive area and owner',
        params: IdParams,
        querystring: UnitListQuery,
        response: { 200: UnitPage },
      },
    },
    async (req) => {
      const r = await listUnitsOf(s, req.ctx, req.params.id, req.query);
      return {
        items: r.rows.map((u) => presentUnit(u, r.mayName, req.ctx.lang)),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );

  app.post(
    '/api/renewal/communities/:id/units',
    {
      config: write,
      schema: {
        tags,
        summary: '添加住户 Add a unit with its area and owner',
        params: IdParams,
        body: CreateUnitBody,
        response: { 201: UnitView },
      },
    },
    async (req, reply) => {
      const r = await addUnit(s, req.ctx, req.params.id, req.body);
      reply.status(201);
      return presentUnit(r.unit, r.mayName, req.ctx.lang);
    },
  );

  app.patch(
    '/api/renewal/communities/:id/units/:itemId',
    {
      config: write,
      schema: {
        tags,
        summary: '修改住户 Amend a unit (room, area, owner)',
        params: CommunityParams,
        body: UpdateUnitBody,
        response: { 200: UnitView },
      },
    },
    async (req) => {
      const r = await updateUnit(s, req.ctx, req.params.id, req.params.itemId, req.body);
      return presentUnit(r.unit, r.mayName, req.ctx.lang);
    },
  );

  app.delete(
    '/api/renewal/communities/:id/units/:itemId',
    {
      config: write,
      schema: {
        tags,
        summary: '删除住户 Remove a unit without answers',
        params: CommunityParams,
        response: { 200: Deleted },
      },
    },
    async (req) => {
      await removeUnit(s, req.ctx, req.params.id, req.params.itemId);
      return { ok: true };
    },
  );

  app.get(
    '/api/renewal/communities/:id/owners',
    {
      config: read,
      schema: {
        tags,
        summary: '业主 Owners, each once, with the units and area they hold',
        params: IdParams,
        response: { 200: Type.Array(OwnerView) },
      },
    },
    async (req) => {
      const r = await listOwnersOf(s, req.ctx, req.params.id);
      return r.rows.map((o) => presentOwner(o, r.mayName, req.ctx.lang));
    },
  );

  app.patch(
    '/api/renewal/communities/:id/owners/:itemId',
    {
      config: write,
      schema: {
        tags,
        summary: '修改业主 Correct an owner’s name or kind',
        params: CommunityParams,
        body: UpdateOwnerBody,
        response: { 200: OwnerView },
      },
    },
    async (req) => {
      const o = await updateOwner(s, req.ctx, req.params.id, req.params.itemId, req.body);
      return presentOwner(o!, true, req.ctx.lang);
    },
  );
}
