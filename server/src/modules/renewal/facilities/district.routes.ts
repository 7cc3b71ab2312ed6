import type { Static } from 'typebox';
import type { Lang } from '../../../platform/http/errors.ts';
import type { GongfuApp, PlatformServices } from '../../../platform/module/app-types.ts';
import { IdParams, orgRef } from '../renewal.schemas.ts';
import type { DistrictRow } from './district.repo.ts';
import { DistrictBody, DistrictListQuery, DistrictPage, DistrictView } from './district.schemas.ts';
import { createDistrict, districtPage, getDistrict, updateDistrict } from './district.service.ts';
import { DISTRICT_KIND_NAMES, DISTRICT_STATUS_NAMES, labelIn } from './facility.rules.ts';
import { FACILITY_READ, FACILITY_WRITE } from './facility.scope.ts';

const tags = ['renewal-facilities'];
const BASE = '/api/renewal/districts';

export const presentDistrict = (d: DistrictRow, lang: Lang): Static<typeof DistrictView> => ({
  id: d.id,
  name: d.name,
  regionCode: d.region_code,
  regionName: d.region_name,
  kind: d.kind,
  kindName: labelIn(DISTRICT_KIND_NAMES[d.kind], lang),
  areaHundredths: d.area_hundredths === null ? null : Number(d.area_hundredths),
  leadOrganisation: orgRef(d.lead_organisation_id, d.lead_organisation_name),
  pilotYear: d.pilot_year,
  status: d.status,
  statusName: labelIn(DISTRICT_STATUS_NAMES[d.status], lang),
  acceptedOn: d.accepted_on,
  description: d.description,
});

export function districtRoutes(app: GongfuApp, s: PlatformServices) {
  app.get(
    BASE,
    {
      config: { access: { permission: FACILITY_READ } },
      schema: {
        tags,
        summary: '城乡风貌区 Landscape districts with their acceptance status',
        querystring: DistrictListQuery,
        response: { 200: DistrictPage },
      },
    },
    async (req) => {
      const r = await districtPage(s, req.ctx, req.query);
      return { ...r, items: r.rows.map((d) => presentDistrict(d, req.ctx.lang)) };
    },
  );

  app.post(
    BASE,
    {
      config: { access: { permission: FACILITY_WRITE } },
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
      config: { access: { permission: FACILITY_READ } },
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
      config: { access: { permission: FACILITY_WRITE } },
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
