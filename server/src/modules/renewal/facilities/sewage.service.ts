import {
  evaluateSample,
  formatBasisPoints,
  rateBasisPoints,
  type SampleValues,
  STANDARD_CODE,
} from '@gongfu/domain/renewal/sewage';
import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { AppError, conflict, invalid } from '../../../platform/http/errors.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import { findRegion } from '../../../platform/regions/region.repo.ts';
import { checkPastDate } from '../oversight/oversight.rules.ts';
import { findOrganisationsByIds } from '../reference.repo.ts';
import { todayOf } from '../renewal.dates.ts';
import { optionalText, requiredText } from './facility.rules.ts';
import {
  checkWriteRegion,
  FACILITY_READ,
  FACILITY_WRITE,
  facilityNotFound,
  facilityRegions,
  narrowRegions,
  readableRegion,
  villageNotFound,
} from './facility.scope.ts';
import {
  countFacilities,
  countVillages,
  countWaterTests,
  type FacilityValues,
  facilityNamed,
  findFacility,
  findVillage,
  findWaterTest,
  insertFacility,
  insertWaterTest,
  listFacilities,
  listVillages,
  listWaterTests,
  updateFacility as updateFacilityRow,
  upsertVillage,
} from './sewage.repo.ts';
import type {
  FacilityInput,
  FacilityListQuery,
  SummaryQuery,
  VillageInput,
  VillageListQuery,
  WaterTestInput,
  WaterTestListQuery,
} from './sewage.schemas.ts';
import { coverageCounts, facilityCounts, yearRows } from './sewage-summary.repo.ts';

/** Use cases of the rural sewage register: facilities, village coverage, water tests, the figures. */

const VILLAGE_LEVEL = 5;

/** A village (level-5 region) named by `field`; 400 naming the field otherwise. */
async function checkVillage(s: PlatformServices, field: string, code: string) {
  const region = await findRegion(s.db, code);
  if (!region || region.level !== VILLAGE_LEVEL) {
    throw invalid(field, {
      zh: `「${field}」应为村（社区）级区划代码（12 位），${code} 不是；请从区划中选择村`,
      en: `"${field}" must be a village-level region code (12 digits); ${code} is not — pick a village`,
    });
  }
  return region;
}

async function facilityValues(s: PlatformServices, input: FacilityInput): Promise<FacilityValues> {
  const name = requiredText('name', input.name);
  await checkVillage(s, 'villageCode', input.villageCode);
  const operator = input.operatorOrganisationId ?? null;
  if (operator !== null && (await findOrganisationsByIds(s.db, [operator])).length === 0) {
    throw invalid('operatorOrganisationId', {
      zh: `运维单位 ${operator} 不存在，请重新选择`,
      en: `Organisation ${operator} does not exist; choose another`,
    });
  }
  if (input.status === 'under_construction' && input.year < Number(todayOf(s).slice(0, 4)) - 5) {
    throw invalid('year', {
      zh: '在建设施的建设年份应为近年，请核对「year」或状态',
      en: 'A facility under construction should have a recent year; check "year" or the status',
    });
  }
  return {
    name,
    villageCode: input.villageCode,
    capacityTenths: input.capacityTenths,
    kind: input.kind,
    year: input.year,
    investmentFen: input.investmentFen,
    operatorOrganisationId: operator,
    process: optionalText(input.process),
    dischargeGrade: input.dischargeGrade,
    status: input.status,
  };
}

const duplicateName = (name: string) =>
  conflict(
    'name',
    {
      zh: `该村已有名为「${name}」的设施，请换一个名称或编辑原记录`,
      en: `The village already has a facility named "${name}"; use another name or edit that one`,
    },
    'RENEWAL_FACILITY_DUPLICATE',
  );

const auditFacility = (v: FacilityValues) => ({
  name: v.name,
  villageCode: v.villageCode,
  capacityTenths: v.capacityTenths,
  kind: v.kind,
  year: v.year,
  investmentFen: v.investmentFen,
  operatorOrganisationId: v.operatorOrganisationId,
  process: v.process,
  dischargeGrade: v.dischargeGrade,
  status: v.status,
});

export async function createFacility(s: PlatformServices, ctx: RequestContext, input: FacilityInput) {
  await facilityRegions(s, ctx, FACILITY_WRITE);
  const v = await facilityValues(s, input);
  await checkWriteRegion(s, ctx, v.villageCode);
  const id = await s.write(ctx, async (tx, audit) => {
    if (await facilityNamed(tx, v.villageCode, v.name)) throw duplicateName(v.name);
    const { id } = await insertFacility(tx, v, ctx.principal?.userId ?? null, s.clock.now());
    await audit({
      action: 'renewal.facility.create',
      entityType: 'renewal_sewage_facility',
      entityId: id,
      after: auditFacility(v),
    });
    return id;
  });
  return getFacility(s, ctx, id);
}

/** The facility, if the caller sees its village; 404 otherwise. */
export async function getFacility(s: PlatformServices, ctx: RequestContext, id: string) {
  await facilityRegions(s, ctx, FACILITY_READ);
  const f = await findFacility(s.db, id);
  if (!f || !(await readableRegion(s, ctx, f.village_code))) throw facilityNotFound(id);
  return f;
}

export async function updateFacility(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: FacilityInput,
) {
  const before = await getFacility(s, ctx, id);
  await checkWriteRegion(s, ctx, before.village_code);
  const v = await facilityValues(s, input);
  await checkWriteRegion(s, ctx, v.villageCode);
  await s.write(ctx, async (tx, audit) => {
    const same = await facilityNamed(tx, v.villageCode, v.name);
    if (same && same.id !== id) throw duplicateName(v.name);
    await updateFacilityRow(tx, id, v, s.clock.now());
    await audit({
      action: 'renewal.facility.update',
      entityType: 'renewal_sewage_facility',
      entityId: id,
      before: auditFacility({
        name: before.name,
        villageCode: before.village_code,
        capacityTenths: before.capacity_tenths,
        kind: before.kind,
        year: before.year,
        investmentFen: Number(before.investment_fen),
        operatorOrganisationId: before.operator_organisation_id,
        process: before.process,
        dischargeGrade: before.discharge_grade,
        status: before.status,
      }),
      after: auditFacility(v),
    });
  });
  return getFacility(s, ctx, id);
}

export async function facilityPage(s: PlatformServices, ctx: RequestContext, q: FacilityListQuery) {
  const regions = narrowRegions(await facilityRegions(s, ctx, FACILITY_READ), q.regionCode);
  const { page, pageSize, offset, limit } = pageWindow(q);
  const f = { regions, kind: q.kind, year: q.year, status: q.status, q: q.q?.trim() || undefined };
  const [rows, total] = await Promise.all([
    listFacilities(s.db, f, { limit, offset }),
    countFacilities(s.db, f),
  ]);
  return { rows, total, page, pageSize };
}

/** Pages of a list for the Excel export (`fetch` one window at a time). */
export async function* pagesOf<T>(
  fetch: (w: { limit: number; offset: number }) => Promise<T[]>,
  pageSize: number,
): AsyncIterable<T[]> {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await fetch({ limit: pageSize, offset });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
  }
}

export async function facilityExportPages(
  s: PlatformServices,
  ctx: RequestContext,
  q: FacilityListQuery,
  pageSize: number,
) {
  const regions = narrowRegions(await facilityRegions(s, ctx, FACILITY_READ), q.regionCode);
  const f = { regions, kind: q.kind, year: q.year, status: q.status, q: q.q?.trim() || undefined };
  const { regions: _r, ...filters } = f;
  return {
    total: await countFacilities(s.db, f),
    filters: { ...filters, regionCode: q.regionCode },
    pages: pagesOf((w) => listFacilities(s.db, f, w), pageSize),
  };
}

// ---------------------------------------------------------------- villages

export async function getVillage(s: PlatformServices, ctx: RequestContext, code: string) {
  await facilityRegions(s, ctx, FACILITY_READ);
  const v = await findVillage(s.db, code);
  if (!v || !(await readableRegion(s, ctx, code))) throw villageNotFound(code);
  return v;
}

/** Records (or corrects) a village's coverage: households, 纳管, the facility that treats it. */
export async function putVillage(
  s: PlatformServices,
  ctx: RequestContext,
  code: string,
  input: VillageInput,
) {
  await facilityRegions(s, ctx, FACILITY_WRITE);
  await checkVillage(s, 'code', code);
  if (!(await readableRegion(s, ctx, code))) throw villageNotFound(code);
  await checkWriteRegion(s, ctx, code);
  const households = input.households ?? null;
  const connected = input.connectedHouseholds ?? null;
  if (households !== null && connected !== null && connected > households) {
    throw invalid('connectedHouseholds', {
      zh: `接户数（${connected}）不能多于户数（${households}）`,
      en: `Connected households (${connected}) cannot exceed households (${households})`,
    });
  }
  if (input.onNetwork && input.facilityId !== null) {
    throw invalid('facilityId', {
      zh: '纳入城镇污水管网的村不再由农村处理设施处理，请清空「facilityId」或取消纳管',
      en: 'A village on the urban sewer network is not treated by a rural facility; clear "facilityId" or untick the network',
    });
  }
  if (input.facilityId !== null) {
    const f = await findFacility(s.db, input.facilityId);
    if (
      !f ||
      !(await readableRegion(s, ctx, f.village_code)) ||
      f.village_code.slice(0, 6) !== code.slice(0, 6)
    ) {
      throw invalid('facilityId', {
        zh: `设施 ${input.facilityId} 不存在、您无权查看或不在本县，请重新选择`,
        en: `Facility ${input.facilityId} does not exist, is not visible to you or lies in another county; choose another`,
      });
    }
  }
  const after = {
    households,
    connectedHouseholds: connected,
    onNetwork: input.onNetwork,
    facilityId: input.facilityId,
    note: optionalText(input.note),
  };
  await s.write(ctx, async (tx, audit) => {
    const before = await findVillage(tx, code);
    await upsertVillage(tx, code, after, ctx.principal?.userId ?? null, s.clock.now());
    await audit({
      action: before ? 'renewal.sewage_village.update' : 'renewal.sewage_village.create',
      entityType: 'renewal_sewage_village',
      entityId: code,
      ...(before
        ? {
            before: {
              households: before.households,
              connectedHouseholds: before.connected_households,
              onNetwork: before.on_network,
              facilityId: before.facility_id,
              note: before.note,
            },
          }
        : {}),
      after,
    });
  });
  return getVillage(s, ctx, code);
}

const villageFilter = async (s: PlatformServices, ctx: RequestContext, q: VillageListQuery) => ({
  regions: narrowRegions(await facilityRegions(s, ctx, FACILITY_READ), q.regionCode),
  coverage: q.coverage,
  facilityId: q.facilityId,
});

export async function villagePage(s: PlatformServices, ctx: RequestContext, q: VillageListQuery) {
  const f = await villageFilter(s, ctx, q);
  const { page, pageSize, offset, limit } = pageWindow(q);
  const [rows, total] = await Promise.all([listVillages(s.db, f, { limit, offset }), countVillages(s.db, f)]);
  return { rows, total, page, pageSize };
}

export async function villageExportPages(
  s: PlatformServices,
  ctx: RequestContext,
  q: VillageListQuery,
  pageSize: number,
) {
  const f = await villageFilter(s, ctx, q);
  return {
    total: await countVillages(s.db, f),
    filters: { regionCode: q.regionCode, coverage: q.coverage, facilityId: q.facilityId },
    pages: pagesOf((w) => listVillages(s.db, f, w), pageSize),
  };
}

// ---------------------------------------------------------------- water tests

/** Records a sample; whether it complies is computed from the standard, never typed. */
export async function recordWaterTest(s: PlatformServices, ctx: RequestContext, input: WaterTestInput) {
  await facilityRegions(s, ctx, FACILITY_WRITE);
  let facility: Awaited<ReturnType<typeof getFacility>>;
  try {
    facility = await getFacility(s, ctx, input.facilityId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'RENEWAL_FACILITY_NOT_FOUND') {
      throw invalid('facilityId', {
        zh: `设施 ${input.facilityId} 不存在或您无权查看，请重新选择`,
        en: `Facility ${input.facilityId} does not exist or is not visible to you; choose another`,
      });
    }
    throw e;
  }
  await checkWriteRegion(s, ctx, facility.village_code);
  const sampledOn = checkPastDate(s, 'sampledOn', input.sampledOn);
  const lab = requiredText('lab', input.lab);
  if (facility.status === 'under_construction') {
    throw conflict(
      'facilityId',
      {
        zh: `设施「${facility.name}」尚在建设中，投入运行后才有出水水质检测`,
        en: `"${facility.name}" is still under construction; its outfall is tested once in operation`,
      },
      'RENEWAL_FACILITY_NOT_OPERATING',
    );
  }
  const values: SampleValues = { ph: input.ph, cod: input.cod, nh3n: input.nh3n, tp: input.tp };
  if (input.tn != null) values.tn = input.tn;
  if (input.ss != null) values.ss = input.ss;
  if (input.oil != null) values.oil = input.oil;
  const temp = input.waterTempTenths ?? null;
  const grade = facility.discharge_grade;
  const result = evaluateSample(grade, values, temp);
  const row = {
    facilityId: facility.id,
    sampledOn,
    lab,
    ph: input.ph,
    cod: input.cod,
    nh3n: input.nh3n,
    tp: input.tp,
    tn: input.tn ?? null,
    ss: input.ss ?? null,
    oil: input.oil ?? null,
    waterTempTenths: temp,
    grade,
    compliant: result.compliant,
    exceeded: result.exceedances.map((x) => x.pollutant),
    note: optionalText(input.note),
  };
  const id = await s.write(ctx, async (tx, audit) => {
    const { id } = await insertWaterTest(tx, row, ctx.principal?.userId ?? null, s.clock.now());
    await audit({
      action: 'renewal.water_test.create',
      entityType: 'renewal_water_test',
      entityId: id,
      after: row,
    });
    return id;
  });
  return (await findWaterTest(s.db, id))!;
}

const testFilter = async (s: PlatformServices, ctx: RequestContext, q: WaterTestListQuery) => ({
  regions: narrowRegions(await facilityRegions(s, ctx, FACILITY_READ), q.regionCode),
  facilityId: q.facilityId,
  year: q.year,
  compliant: q.compliant,
});

export async function waterTestPage(s: PlatformServices, ctx: RequestContext, q: WaterTestListQuery) {
  const f = await testFilter(s, ctx, q);
  const { page, pageSize, offset, limit } = pageWindow(q);
  const [rows, total] = await Promise.all([
    listWaterTests(s.db, f, { limit, offset }),
    countWaterTests(s.db, f),
  ]);
  return { rows, total, page, pageSize };
}

export async function waterTestExportPages(
  s: PlatformServices,
  ctx: RequestContext,
  q: WaterTestListQuery,
  pageSize: number,
) {
  const f = await testFilter(s, ctx, q);
  return {
    total: await countWaterTests(s.db, f),
    filters: { regionCode: q.regionCode, facilityId: q.facilityId, year: q.year, compliant: q.compliant },
    pages: pagesOf((w) => listWaterTests(s.db, f, w), pageSize),
  };
}

// ---------------------------------------------------------------- the figures

export const rateOf = (n: number, d: number) => {
  const bp = rateBasisPoints(n, d);
  return { rate: bp === null ? null : formatBasisPoints(bp), rateBasisPoints: bp };
};

/**
 * Within region subtrees (null: everywhere): the year's figures, coverage now, and every year.
 * Without a year: the latest year up to this one with water tests (the figures are reported
 * for a finished monitoring year), else this year.
 */
export async function sewageFigures(
  s: PlatformServices,
  regions: string[] | null,
  wanted: number | undefined,
) {
  const [facilities, coverage, years] = await Promise.all([
    facilityCounts(s.db, regions),
    coverageCounts(s.db, regions),
    yearRows(s.db, regions),
  ]);
  const thisYear = Number(todayOf(s).slice(0, 4));
  const year = wanted ?? years.find((r) => r.year <= thisYear && r.testedFacilities > 0)?.year ?? thisYear;
  const y = years.find((r) => r.year === year);
  const byYear = years.map((r) => ({ ...r, ...rateOf(r.compliantFacilities, r.testedFacilities) }));
  return {
    year,
    standard: STANDARD_CODE,
    facilities,
    builtOrRebuilt: {
      count: (y?.built ?? 0) + (y?.rebuilt ?? 0),
      built: y?.built ?? 0,
      rebuilt: y?.rebuilt ?? 0,
      investmentFen: y?.investmentFen ?? 0,
    },
    coverage: { ...coverage, ...rateOf(coverage.covered, coverage.inScope) },
    compliance: {
      testedFacilities: y?.testedFacilities ?? 0,
      compliantFacilities: y?.compliantFacilities ?? 0,
      tests: y?.tests ?? 0,
      compliantTests: y?.compliantTests ?? 0,
      ...rateOf(y?.compliantFacilities ?? 0, y?.testedFacilities ?? 0),
    },
    byYear,
  };
}

export async function sewageSummary(s: PlatformServices, ctx: RequestContext, q: SummaryQuery) {
  const regions = narrowRegions(await facilityRegions(s, ctx, FACILITY_READ), q.regionCode);
  return { ...(await sewageFigures(s, regions, q.year)), regionCode: q.regionCode ?? null };
}

export async function yearExportPages(s: PlatformServices, ctx: RequestContext, q: SummaryQuery) {
  const regions = narrowRegions(await facilityRegions(s, ctx, FACILITY_READ), q.regionCode);
  const { byYear } = await sewageFigures(s, regions, q.year);
  async function* one() {
    if (byYear.length > 0) yield byYear;
  }
  return { total: byYear.length, filters: { regionCode: q.regionCode }, pages: one() };
}
