import { type GongfuApp, IdParams, type PlatformServices } from '../../platform/kit/index.ts';
import { districtList } from './district.list.ts';
import { presentDistrict } from './district.present.ts';
import { DistrictBody, DistrictView } from './district.schemas.ts';
import { createDistrict, getDistrict, updateDistrict } from './district.service.ts';
import { FACILITIES_READ, FACILITIES_WRITE } from './facilities.scope.ts';

const tags = ['facilities'];
const BASE = districtList.excel.basePath;

export function districtRoutes(app: GongfuApp, s: PlatformServices) {
  districtList.route(app, s);

  app.post(
    BASE,
    {
      config: { access: { permission: FACILITIES_WRITE } },
      schema: {
        tags,
        summary: '登记风貌区 Register a landscape district',
        body: DistrictBody,
        response: { 201: DistrictView },
      },
    },
    async (req, reply) => {
      const d = await createDistrict(s, req.ctx, req.body);
      reply.status(201);
      return presentDistrict(d, req.ctx.lang);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { access: { permission: FACILITIES_READ } },
      schema: {
        tags,
        summary: '风貌区详情 One landscape district',
        params: IdParams,
        response: { 200: DistrictView },
      },
    },
    async (req) => presentDistrict(await getDistrict(s, req.ctx, req.params.id), req.ctx.lang),
  );

  app.put(
    `${BASE}/:id`,
    {
      config: { access: { permission: FACILITIES_WRITE } },
      schema: {
        tags,
        summary: '修改风貌区（含验收） Correct a district or record its acceptance',
        params: IdParams,
        body: DistrictBody,
        response: { 200: DistrictView },
      },
    },
    async (req) => presentDistrict(await updateDistrict(s, req.ctx, req.params.id, req.body), req.ctx.lang),
  );
}
