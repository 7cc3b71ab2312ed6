import { STANDARD_CODE } from '@gongfu/domain/renewal/sewage';
import type { GongfuApp, PlatformServices } from '../../../platform/module/app-types.ts';
import { IdParams } from '../renewal.schemas.ts';
import { standardTable } from './facility.rules.ts';
import { FACILITY_READ, FACILITY_WRITE } from './facility.scope.ts';
import { presentFacility, presentVillage, presentWaterTest } from './sewage.present.ts';
import {
  FacilityBody,
  FacilityListQuery,
  FacilityPage,
  FacilityView,
  StandardView,
  SummaryQuery,
  SummaryView,
  VillageBody,
  VillageListQuery,
  VillagePage,
  VillageParams,
  VillageView,
  WaterTestBody,
  WaterTestListQuery,
  WaterTestPage,
  WaterTestView,
} from './sewage.schemas.ts';
import {
  createFacility,
  facilityPage,
  getFacility,
  getVillage,
  putVillage,
  recordWaterTest,
  sewageSummary,
  updateFacility,
  villagePage,
  waterTestPage,
} from './sewage.service.ts';

const tags = ['renewal-facilities'];
const BASE = '/api/renewal/sewage';

export function sewageRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    `${BASE}/summary`,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: {
        tags,
        summary:
          '农村污水治理指标 Sewage figures: facilities built, coverage and compliance rates, from records',
        querystring: SummaryQuery,
        response: { 200: SummaryView },
      },
    },
    async (req) => sewageSummary(s, req.ctx, req.query),
  );

  app.get(
    `${BASE}/standard`,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: {
        tags,
        summary: '排放标准限值 The discharge standard (DB33/973-2021) tests are evaluated against',
        response: { 200: StandardView },
      },
    },
    async (req) => ({ code: STANDARD_CODE, limits: standardTable(req.ctx.lang) }),
  );

  app.get(
    `${BASE}/facilities`,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: {
        tags,
        summary: '污水处理设施台账 Sewage facilities, by village',
        querystring: FacilityListQuery,
        response: { 200: FacilityPage },
      },
    },
    async (req) => {
      const r = await facilityPage(s, req.ctx, req.query);
      return { ...r, items: r.rows.map((f) => presentFacility(f, req.ctx.lang)) };
    },
  );

  app.post(
    `${BASE}/facilities`,
    {
      config: { access: { permission: FACILITY_WRITE } },
      schema: {
        tags,
        summary: '登记污水处理设施 Register a sewage facility',
        body: FacilityBody,
        response: { 201: FacilityView },
      },
    },
    async (req, reply) => {
      const f = await createFacility(s, req.ctx, req.body);
      reply.status(201);
      return presentFacility(f, req.ctx.lang);
    },
  );

  app.get(
    `${BASE}/facilities/:id`,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: { tags, summary: '设施详情 One facility', params: IdParams, response: { 200: FacilityView } },
    },
    async (req) => presentFacility(await getFacility(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.put(
    `${BASE}/facilities/:id`,
    {
      config: { access: { permission: FACILITY_WRITE } },
      schema: {
        tags,
        summary: '修改设施信息 Correct a facility (all fields)',
        params: IdParams,
        body: FacilityBody,
        response: { 200: FacilityView },
      },
    },
    async (req) => presentFacility(await updateFacility(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );

  app.get(
    `${BASE}/villages`,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: {
        tags,
        summary: '村污水覆盖情况 Villages of the register and whether a facility in operation treats them',
        querystring: VillageListQuery,
        response: { 200: VillagePage },
      },
    },
    async (req) => {
      const r = await villagePage(s, req.ctx, req.query);
      return { ...r, items: r.rows.map((v) => presentVillage(v, req.ctx.lang)) };
    },
  );

  app.get(
    `${BASE}/villages/:code`,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: {
        tags,
        summary: '村覆盖记录 One village',
        params: VillageParams,
        response: { 200: VillageView },
      },
    },
    async (req) => presentVillage(await getVillage(s, req.ctx, req.params.code), req.ctx.lang),
  );

  app.put(
    `${BASE}/villages/:code`,
    {
      config: { access: { permission: FACILITY_WRITE } },
      schema: {
        tags,
        summary: '登记村覆盖情况 Record a village: households, urban network, the facility that treats it',
        params: VillageParams,
        body: VillageBody,
        response: { 200: VillageView },
      },
    },
    async (req) => presentVillage(await putVillage(s, req.ctx, req.params.code, req.body), req.ctx.lang),
  );

  app.get(
    `${BASE}/tests`,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: {
        tags,
        summary: '出水水质检测 Water-quality tests, latest first',
        querystring: WaterTestListQuery,
        response: { 200: WaterTestPage },
      },
    },
    async (req) => {
      const r = await waterTestPage(s, req.ctx, req.query);
      return { ...r, items: r.rows.map((t) => presentWaterTest(t, req.ctx.lang)) };
    },
  );

  app.post(
    `${BASE}/tests`,
    {
      config: { access: { permission: FACILITY_WRITE } },
      schema: {
        tags,
        summary: '登记水质检测结果 Record a test; compliance is computed against DB33/973-2021',
        body: WaterTestBody,
        response: { 201: WaterTestView },
      },
    },
    async (req, reply) => {
      const t = await recordWaterTest(s, req.ctx, req.body);
      reply.status(201);
      return presentWaterTest(t, req.ctx.lang);
    },
  );
}
