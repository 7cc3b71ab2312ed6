import { evaluateSample, type SampleValues } from '@gongfu/domain/renewal/sewage';
import { sql } from 'kysely';
import {
  conflict,
  findRegion,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
  regionWithin,
  requiredText,
  scopeOf,
  todayOf,
} from '../../platform/kit/index.ts';
import {
  checkWriteRegion,
  FACILITIES_READ,
  FACILITIES_WRITE,
  facilityNotFound,
  villageNotFound,
} from './facilities.scope.ts';
import { checkPastDate } from './facility.rules.ts';
import { facilityList, villageList } from './sewage.lists.ts';
import {
  type FacilityRow,
  type FacilityValues,
  facilityNamed,
  findVillage,
  findWaterTest,
  insertFacility,
  insertWaterTest,
  organisationExists,
  updateFacility as updateFacilityRow,
  upsertVillage,
} from './sewage.repo.ts';
import type { FacilityInput, VillageInput, WaterTestInput } from './sewage.schemas.ts';

/** Use cases of the rural sewage register: facilities, village coverage, water tests. */

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
  if (operator !== null && !(await organisationExists(s.db, operator))) {
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
    'FACILITY_DUPLICATE',
  );

const auditFacility = (v: FacilityValues) => ({ ...v });

const valuesOf = (f: FacilityRow): FacilityValues => ({
  name: f.name,
  villageCode: f.village_code,
  capacityTenths: f.capacity_tenths,
  kind: f.kind,
  year: f.year,
  investmentFen: Number(f.investment_fen),
  operatorOrganisationId: f.operator_organisation_id,
  process: f.process,
  dischargeGrade: f.discharge_grade,
  status: f.status,
});

/** The facility, if the caller sees its village; 404 otherwise. */
export async function getFacility(s: PlatformServices, ctx: RequestContext, id: string) {
  const f = await facilityList.one(s, ctx, sql`f.id = ${id}`);
  if (!f) throw facilityNotFound(id);
  return f;
}

export async function createFacility(s: PlatformServices, ctx: RequestContext, input: FacilityInput) {
  await scopeOf(s, ctx, FACILITIES_WRITE);
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
      before: auditFacility(valuesOf(before)),
      after: auditFacility(v),
    });
  });
  return getFacility(s, ctx, id);
}

// ---------------------------------------------------------------- villages

export async function getVillage(s: PlatformServices, ctx: RequestContext, code: string) {
  const v = await villageList.one(s, ctx, sql`sv.village_code = ${code}`);
  if (!v) throw villageNotFound(code);
  return v;
}

/** Records (or corrects) a village's coverage: households, 纳管, the facility that treats it. */
export async function putVillage(
  s: PlatformServices,
  ctx: RequestContext,
  code: string,
  input: VillageInput,
) {
  await scopeOf(s, ctx, FACILITIES_WRITE);
  await checkVillage(s, 'code', code);
  // a village outside the read scope does not exist for the caller
  if (!regionWithin(await scopeOf(s, ctx, FACILITIES_READ), code)) throw villageNotFound(code);
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
    const f = await facilityList.one(s, ctx, sql`f.id = ${input.facilityId}`);
    if (!f || f.village_code.slice(0, 6) !== code.slice(0, 6)) {
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

// ---------------------------------------------------------------- water tests

/** Records a sample; whether it complies is computed from the standard, never typed. */
export async function recordWaterTest(s: PlatformServices, ctx: RequestContext, input: WaterTestInput) {
  await scopeOf(s, ctx, FACILITIES_WRITE);
  const facility = await facilityList.one(s, ctx, sql`f.id = ${input.facilityId}`);
  if (!facility) {
    throw invalid('facilityId', {
      zh: `设施 ${input.facilityId} 不存在或您无权查看，请重新选择`,
      en: `Facility ${input.facilityId} does not exist or is not visible to you; choose another`,
    });
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
      'FACILITY_NOT_OPERATING',
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
