import { Type } from 'typebox';
import { type GongfuApp, IdParams, type PlatformServices } from '../../../platform/kit/index.ts';
import { communityList, unitList } from './community.list.ts';
import { presentBuilding, presentCommunity, presentOwner, presentUnit } from './community.present.ts';
import {
  BuildingView,
  CommunityOptions,
  CommunityParams,
  CommunityView,
  CreateBuildingBody,
  CreateCommunityBody,
  CreateUnitBody,
  Deleted,
  OwnerView,
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
  communityOptions,
  createCommunity,
  getCommunity,
  listBuildingsOf,
  listOwnersOf,
  removeBuilding,
  removeUnit,
  updateBuilding,
  updateCommunity,
  updateOwner,
  updateUnit,
} from './community.service.ts';

const tags = ['renewal-communities'];

export function communityRoutes(app: GongfuApp, s: PlatformServices) {
  const read = { access: { permission: COMMUNITY_READ } };
  const write = { access: { permission: COMMUNITY_WRITE } };

  communityList.route(app, s);

  app.get(
    '/api/renewal/community-options',
    {
      config: read,
      schema: {
        tags,
        summary: '小区列表筛选项 The renovation batches in use within my scope, and the statuses',
        response: { 200: CommunityOptions },
      },
    },
    async (req) => communityOptions(s, req.ctx),
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

  unitList.route(app, s);

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
