import { type Static, Type } from 'typebox';
import { dateString, Nullable, OrgRef, uuid } from '../../platform/kit/index.ts';

/**
 * Bodies, queries and responses of sewage facilities, village coverage and water tests. The
 * lists' query strings are made by their declarations (sewage.lists.ts) from the filter
 * schemas here; list items carry what the tables show, the views below the whole record.
 */

export const RegionCode = (description: string) =>
  Type.String({ pattern: '^[0-9]{2,12}$', description: `${description} (GB/T 2260 region code)` });

const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });
const OptionalText = (max: number, description: string) =>
  Type.Optional(Nullable(Type.String({ maxLength: max, description })));

export const FacilityKindSchema = Type.Union([Type.Literal('built'), Type.Literal('rebuilt')], {
  description: 'built 新建 | rebuilt 改建（提标改造）',
});
export const FacilityStatusSchema = Type.Union(
  [Type.Literal('operating'), Type.Literal('under_construction'), Type.Literal('suspended')],
  { description: 'operating 运行中 | under_construction 在建 | suspended 停用' },
);
export const GradeSchema = Type.Union([Type.Literal(1), Type.Literal(2)], {
  description: 'grade of DB33/973-2021 the outfall must meet: 1 一级 | 2 二级',
});
export const CoverageSchema = Type.Union(
  [Type.Literal('covered'), Type.Literal('uncovered'), Type.Literal('network')],
  { description: 'covered 已覆盖 | uncovered 未覆盖 | network 纳管（城镇管网，不计入农村覆盖率）' },
);

export const FacilityBody = Type.Object(
  {
    name: Text(100, 'facility name, e.g. 黄杜村污水处理终端'),
    villageCode: RegionCode('the village (12 digits) the facility stands in'),
    capacityTenths: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      description: 'design capacity in tenths of t/d (30 t/d → 300)',
    }),
    kind: FacilityKindSchema,
    year: Type.Integer({ minimum: 2000, maximum: 2099, description: 'year built or rebuilt' }),
    investmentFen: Type.Integer({
      minimum: 0,
      maximum: 100_000_000_000,
      description: 'investment in integer fen (1 yuan = 100 fen)',
    }),
    operatorOrganisationId: Type.Optional(Nullable(uuid('operating and maintenance organisation 运维单位'))),
    process: OptionalText(200, 'treatment process 处理工艺, e.g. A/O + 人工湿地'),
    dischargeGrade: GradeSchema,
    status: FacilityStatusSchema,
  },
  { title: 'FacilityBody', additionalProperties: false },
);

export const FacilityView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    villageCode: Type.String(),
    villageName: Type.String(),
    townCode: Nullable(Type.String()),
    townName: Nullable(Type.String()),
    capacityTenths: Type.Integer(),
    kind: FacilityKindSchema,
    kindName: Type.String(),
    year: Type.Integer(),
    investmentFen: Type.Integer(),
    operatorOrganisation: Nullable(OrgRef),
    process: Nullable(Type.String()),
    dischargeGrade: GradeSchema,
    status: FacilityStatusSchema,
    statusName: Type.String(),
    villageCount: Type.Integer({ description: 'villages whose sewage it treats' }),
    testCount: Type.Integer(),
    lastSampledOn: Nullable(Type.String()),
    lastCompliant: Nullable(Type.Boolean()),
  },
  { title: 'FacilityView' },
);

/** A row of the facility register (the table and the facility pickers). */
export const FacilityItem = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    villageName: Type.String(),
    townName: Nullable(Type.String()),
    capacityTenths: Type.Integer(),
    kindName: Type.String(),
    year: Type.Integer(),
    investmentFen: Type.Integer(),
    dischargeGrade: GradeSchema,
    status: FacilityStatusSchema,
    statusName: Type.String(),
    villageCount: Type.Integer({ description: 'villages whose sewage it treats' }),
    lastSampledOn: Nullable(Type.String()),
    lastCompliant: Nullable(Type.Boolean()),
  },
  { title: 'FacilityListItem' },
);

export const VillageBody = Type.Object(
  {
    households: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, maximum: 100_000, description: 'households 户数' })),
    ),
    connectedHouseholds: Type.Optional(
      Nullable(Type.Integer({ minimum: 0, maximum: 100_000, description: 'households connected 接户数' })),
    ),
    onNetwork: Type.Boolean({
      description:
        'drains to the urban sewer network (纳管); such villages are outside the rural coverage rate',
    }),
    facilityId: Nullable(uuid('the rural facility that treats its sewage; null: none yet')),
    note: OptionalText(500, 'note'),
  },
  { title: 'VillageBody', additionalProperties: false },
);
export const VillageParams = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{12}$', description: 'village code (12 digits)' }) },
  { title: 'VillageParams', additionalProperties: false },
);

export const VillageView = Type.Object(
  {
    villageCode: Type.String(),
    villageName: Type.String(),
    townCode: Nullable(Type.String()),
    townName: Nullable(Type.String()),
    households: Nullable(Type.Integer()),
    connectedHouseholds: Nullable(Type.Integer()),
    onNetwork: Type.Boolean(),
    facility: Nullable(Type.Object({ id: Type.String(), name: Type.String(), status: FacilityStatusSchema })),
    coverage: CoverageSchema,
    coverageName: Type.String(),
    note: Nullable(Type.String()),
  },
  { title: 'VillageView' },
);

/** A row of the village register: also what its edit form starts from. */
export const VillageItem = Type.Object(
  {
    villageCode: Type.String(),
    villageName: Type.String(),
    townName: Nullable(Type.String()),
    households: Nullable(Type.Integer()),
    connectedHouseholds: Nullable(Type.Integer()),
    facility: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    coverage: CoverageSchema,
    coverageName: Type.String(),
    note: Nullable(Type.String()),
  },
  { title: 'VillageListItem' },
);

const Hundredths = (description: string) =>
  Type.Integer({
    minimum: 0,
    maximum: 100_000_000,
    description: `${description}, in hundredths (45.3 → 4530)`,
  });

export const WaterTestBody = Type.Object(
  {
    facilityId: uuid('the facility sampled'),
    sampledOn: dateString('date sampled, not in the future'),
    lab: Text(100, 'testing organisation 检测机构'),
    ph: Type.Integer({ minimum: 0, maximum: 1400, description: 'pH in hundredths (7.25 → 725)' }),
    cod: Hundredths('COD_Cr mg/L'),
    nh3n: Hundredths('NH3-N mg/L'),
    tp: Hundredths('TP mg/L'),
    tn: Type.Optional(Nullable(Hundredths('TN mg/L (optional)'))),
    ss: Type.Optional(Nullable(Hundredths('SS mg/L (optional)'))),
    oil: Type.Optional(Nullable(Hundredths('animal and vegetable oils mg/L (optional)'))),
    waterTempTenths: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: -50,
          maximum: 500,
          description: 'water temperature in tenths of °C (optional)',
        }),
      ),
    ),
    note: OptionalText(500, 'note'),
  },
  { title: 'WaterTestBody', additionalProperties: false },
);

export const WaterTestView = Type.Object(
  {
    id: Type.String(),
    facilityId: Type.String(),
    facilityName: Type.String(),
    villageName: Type.String(),
    townName: Nullable(Type.String()),
    sampledOn: Type.String(),
    lab: Type.String(),
    ph: Type.Integer(),
    cod: Type.Integer(),
    nh3n: Type.Integer(),
    tp: Type.Integer(),
    tn: Nullable(Type.Integer()),
    ss: Nullable(Type.Integer()),
    oil: Nullable(Type.Integer()),
    waterTempTenths: Nullable(Type.Integer()),
    grade: GradeSchema,
    compliant: Type.Boolean({ description: 'computed against DB33/973-2021 when recorded' }),
    exceeded: Type.Array(Type.String(), { description: 'pollutants outside their limits' }),
    exceededNames: Type.Array(Type.String()),
    note: Nullable(Type.String()),
  },
  { title: 'WaterTestView' },
);

/** A row of the test list. */
export const WaterTestItem = Type.Object(
  {
    id: Type.String(),
    facilityName: Type.String(),
    villageName: Type.String(),
    townName: Nullable(Type.String()),
    sampledOn: Type.String(),
    lab: Type.String(),
    ph: Type.Integer(),
    cod: Type.Integer(),
    nh3n: Type.Integer(),
    tp: Type.Integer(),
    waterTempTenths: Nullable(Type.Integer()),
    grade: GradeSchema,
    compliant: Type.Boolean({ description: 'computed against DB33/973-2021 when recorded' }),
    exceededNames: Type.Array(Type.String(), { description: 'pollutants outside their limits' }),
  },
  { title: 'WaterTestListItem' },
);

export const SummaryQuery = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({
        minimum: 2000,
        maximum: 2099,
        description: 'year of the build and compliance figures (default: the latest year with water tests)',
      }),
    ),
    regionCode: Type.Optional(RegionCode('only within this region')),
  },
  { title: 'SewageSummaryQuery', additionalProperties: false },
);

const Rate = {
  rate: Nullable(
    Type.String({
      description: 'percent with two decimals, rounded half up, e.g. "91.72"; null without a denominator',
    }),
  ),
  rateBasisPoints: Nullable(Type.Integer({ description: 'the same rate in hundredths of a percent (9172)' })),
};

export const YearView = Type.Object(
  {
    year: Type.Integer(),
    built: Type.Integer(),
    rebuilt: Type.Integer(),
    investmentFen: Type.Integer(),
    testedFacilities: Type.Integer(),
    compliantFacilities: Type.Integer(),
    tests: Type.Integer(),
    compliantTests: Type.Integer(),
    ...Rate,
  },
  { title: 'SewageYearView' },
);

export const SummaryView = Type.Object(
  {
    year: Type.Integer(),
    regionCode: Nullable(Type.String()),
    standard: Type.String({ description: 'the discharge standard the tests are evaluated against' }),
    facilities: Type.Object({
      total: Type.Integer(),
      operating: Type.Integer(),
      underConstruction: Type.Integer(),
      suspended: Type.Integer(),
      operatingCapacityTenths: Type.Integer(),
    }),
    builtOrRebuilt: Type.Object({
      count: Type.Integer({ description: 'facilities built or rebuilt in the year' }),
      built: Type.Integer(),
      rebuilt: Type.Integer(),
      investmentFen: Type.Integer(),
    }),
    coverage: Type.Object({
      registered: Type.Integer({ description: 'villages in the register' }),
      onNetwork: Type.Integer({ description: 'of them draining to the urban network (纳管)' }),
      inScope: Type.Integer({ description: 'villages counted by the rate: registered − on network' }),
      covered: Type.Integer({ description: 'of them treated by a facility in operation' }),
      households: Type.Integer(),
      connectedHouseholds: Type.Integer(),
      ...Rate,
    }),
    compliance: Type.Object({
      testedFacilities: Type.Integer({ description: 'facilities sampled in the year' }),
      compliantFacilities: Type.Integer({
        description: 'of them, every sample of the year met the standard',
      }),
      tests: Type.Integer(),
      compliantTests: Type.Integer(),
      ...Rate,
    }),
    byYear: Type.Array(YearView),
  },
  { title: 'SewageSummaryView' },
);

export const LimitView = Type.Object(
  {
    pollutant: Type.String(),
    name: Type.String(),
    unit: Type.String(),
    required: Type.Boolean(),
    grade1: Type.String({ description: 'e.g. "≤ 60", "6–9", "≤ 8 (≤ 15 at ≤ 12 °C)"' }),
    grade2: Type.String(),
  },
  { title: 'DischargeLimitView' },
);
export const StandardView = Type.Object(
  { code: Type.String(), limits: Type.Array(LimitView) },
  { title: 'DischargeStandardView' },
);

export type FacilityInput = Static<typeof FacilityBody>;
export type VillageInput = Static<typeof VillageBody>;
export type WaterTestInput = Static<typeof WaterTestBody>;
export type SummaryQuery = Static<typeof SummaryQuery>;
