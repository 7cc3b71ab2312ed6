import { STANDARD_CODE } from '@gongfu/domain/renewal/sewage';
import { type GongfuApp, IdParams, type PlatformServices } from '../../platform/kit/index.ts';
import { FACILITIES_READ, FACILITIES_WRITE } from './facilities.scope.ts';
import { standardTable } from './facility.rules.ts';
import { facilityList, villageList, waterTestList } from './sewage.lists.ts';
import { presentFacility, presentVillage, presentWaterTest } from './sewage.present.ts';
import {
  FacilityBody,
  FacilityView,
  StandardView,
  SummaryQuery,
  SummaryView,
  VillageBody,
  VillageParams,
  VillageView,
  WaterTestBody,
  WaterTestView,
} from './sewage.schemas.ts';
import {
  createFacility,
  getFacility,
  getVillage,
  putVillage,
  recordWaterTest,
  updateFacility,
} from './sewage.service.ts';
import { sewageSummary } from './sewage-summary.service.ts';

const tags = ['facilities'];
const BASE = '/api/facilities/sewage';
const read = { access: { permission: FACILITIES_READ } };
const write = { access: { permission: FACILITIES_WRITE } };

export function sewageRoutes(app: GongfuApp, s: PlatformServices) {
  // the registers: GET {list} paged, scoped and filtered (their exports are the manifest's `excel`)
  for (const list of [facilityList, villageList, waterTestList]) list.route(app, s);

  app.get(
    `${BASE}/summary`,
    {
      config: read,
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
      config: read,
      schema: {
        tags,
        summary: '排放标准限值 The discharge standard (DB33/973-2021) tests are evaluated against',
        response: { 200: StandardView },
      },
    },
    async (req) => ({ code: STANDARD_CODE, limits: standardTable(req.ctx.lang) }),
  );

  app.post(
    `${BASE}/facilities`,
    {
      config: write,
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
      config: read,
      schema: { tags, summary: '设施详情 One facility', params: IdParams, response: { 200: FacilityView } },
    },
    async (req) => presentFacility(await getFacility(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.put(
    `${BASE}/facilities/:id`,
    {
      config: write,
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
    `${BASE}/villages/:code`,
    {
      config: read,
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
      config: write,
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

  app.post(
    `${BASE}/tests`,
    {
      config: write,
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
