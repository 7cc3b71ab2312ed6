import { type Static, Type } from 'typebox';
import { dateString, Nullable, OrgRef, uuid } from '../../platform/kit/index.ts';
import { RegionCode } from './sewage.schemas.ts';

/** Bodies, queries and responses of landscape districts (风貌区). */

export const DistrictKindSchema = Type.Union([Type.Literal('county'), Type.Literal('urban')], {
  description: 'county 县域风貌区 | urban 城市风貌区',
});
export const DistrictStatusSchema = Type.Union(
  [Type.Literal('planning'), Type.Literal('under_construction'), Type.Literal('accepted')],
  { description: 'planning 规划中 | under_construction 建设中 | accepted 已通过验收 (with acceptedOn)' },
);

export const DistrictBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'e.g. 孝丰—递铺“山水古韵·共同富裕”县域风貌区',
    }),
    regionCode: RegionCode('the county, town or street it lies in'),
    kind: DistrictKindSchema,
    areaHundredths: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 1,
          maximum: 1e15,
          description: 'area in hundredths of m² (1 ha = 1,000,000)',
        }),
      ),
    ),
    leadOrganisationId: Type.Optional(Nullable(uuid('lead department 牵头单位'))),
    pilotYear: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 2000,
          maximum: 2099,
          description: 'year of the pilot list 样板区试点建设名单',
        }),
      ),
    ),
    status: DistrictStatusSchema,
    acceptedOn: Type.Optional(Nullable(dateString('date of acceptance 验收日期; required when accepted'))),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { title: 'DistrictBody', additionalProperties: false },
);

export const DistrictView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    regionCode: Type.String(),
    regionName: Type.String(),
    kind: DistrictKindSchema,
    kindName: Type.String(),
    areaHundredths: Nullable(Type.Integer()),
    leadOrganisation: Nullable(OrgRef),
    pilotYear: Nullable(Type.Integer()),
    status: DistrictStatusSchema,
    statusName: Type.String(),
    acceptedOn: Nullable(Type.String()),
    description: Nullable(Type.String()),
  },
  { title: 'DistrictView' },
);

/** A row of the district register. */
export const DistrictItem = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kindName: Type.String(),
    regionName: Type.String(),
    areaHundredths: Nullable(Type.Integer()),
    leadOrganisationName: Nullable(Type.String()),
    pilotYear: Nullable(Type.Integer()),
    status: DistrictStatusSchema,
    statusName: Type.String(),
    acceptedOn: Nullable(Type.String()),
  },
  { title: 'DistrictListItem' },
);

export type DistrictInput = Static<typeof DistrictBody>;
