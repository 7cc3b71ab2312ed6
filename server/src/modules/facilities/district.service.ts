import { sql } from 'kysely';
import {
  conflict,
  findRegion,
  invalid,
  optionalText,
  type PlatformServices,
  type RequestContext,
  requiredText,
  scopeOf,
} from '../../platform/kit/index.ts';
import { districtList } from './district.list.ts';
import { type DistrictValues, districtNamed, insertDistrict, updateDistrictRow } from './district.repo.ts';
import type { DistrictInput } from './district.schemas.ts';
import { checkWriteRegion, districtNotFound, FACILITIES_WRITE } from './facilities.scope.ts';
import { checkPastDate } from './facility.rules.ts';
import { organisationExists } from './sewage.repo.ts';

/** Use cases of landscape districts (风貌区): register, track to acceptance (验收). */

async function districtValues(s: PlatformServices, input: DistrictInput): Promise<DistrictValues> {
  const name = requiredText('name', input.name);
  const region = await findRegion(s.db, input.regionCode);
  if (!region || region.level < 3) {
    throw invalid('regionCode', {
      zh: `「regionCode」应为县（市、区）、乡镇（街道）或村级区划代码，${input.regionCode} 不是`,
      en: `"regionCode" must be a county, town or village code; ${input.regionCode} is not`,
    });
  }
  const lead = input.leadOrganisationId ?? null;
  if (lead !== null && !(await organisationExists(s.db, lead))) {
    throw invalid('leadOrganisationId', {
      zh: `牵头单位 ${lead} 不存在，请重新选择`,
      en: `Organisation ${lead} does not exist; choose another`,
    });
  }
  let acceptedOn = input.acceptedOn ?? null;
  if (input.status === 'accepted') {
    if (acceptedOn === null) {
      throw invalid('acceptedOn', {
        zh: '状态为“已通过验收”时请填写验收日期',
        en: 'Give the acceptance date when the district is accepted',
      });
    }
    acceptedOn = checkPastDate(s, 'acceptedOn', acceptedOn);
  } else if (acceptedOn !== null) {
    throw invalid('acceptedOn', {
      zh: '尚未通过验收的风貌区不能填写验收日期，请清空或将状态改为“已通过验收”',
      en: 'Only an accepted district has an acceptance date; clear it or set the status to accepted',
    });
  }
  return {
    name,
    regionCode: input.regionCode,
    kind: input.kind,
    areaHundredths: input.areaHundredths ?? null,
    leadOrganisationId: lead,
    pilotYear: input.pilotYear ?? null,
    status: input.status,
    acceptedOn,
    description: optionalText(input.description),
  };
}

const duplicate = (name: string) =>
  conflict(
    'name',
    {
      zh: `已有名为「${name}」的风貌区，请编辑原记录`,
      en: `A district named "${name}" exists; edit that one`,
    },
    'DISTRICT_DUPLICATE',
  );

/** The district, if the caller sees its region; 404 otherwise. */
export async function getDistrict(s: PlatformServices, ctx: RequestContext, id: string) {
  const d = await districtList.one(s, ctx, sql`d.id = ${id}`);
  if (!d) throw districtNotFound(id);
  return d;
}

export async function createDistrict(s: PlatformServices, ctx: RequestContext, input: DistrictInput) {
  await scopeOf(s, ctx, FACILITIES_WRITE);
  const v = await districtValues(s, input);
  await checkWriteRegion(s, ctx, v.regionCode);
  const id = await s.write(ctx, async (tx, audit) => {
    if (await districtNamed(tx, v.name)) throw duplicate(v.name);
    const { id } = await insertDistrict(tx, v, ctx.principal?.userId ?? null, s.clock.now());
    await audit({
      action: 'renewal.district.create',
      entityType: 'renewal_landscape_district',
      entityId: id,
      after: { ...v },
    });
    return id;
  });
  return getDistrict(s, ctx, id);
}

export async function updateDistrict(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: DistrictInput,
) {
  const before = await getDistrict(s, ctx, id);
  await checkWriteRegion(s, ctx, before.region_code);
  const v = await districtValues(s, input);
  await checkWriteRegion(s, ctx, v.regionCode);
  await s.write(ctx, async (tx, audit) => {
    const same = await districtNamed(tx, v.name);
    if (same && same.id !== id) throw duplicate(v.name);
    await updateDistrictRow(tx, id, v, s.clock.now());
    await audit({
      action:
        before.status !== 'accepted' && v.status === 'accepted'
          ? 'renewal.district.accept'
          : 'renewal.district.update',
      entityType: 'renewal_landscape_district',
      entityId: id,
      before: {
        name: before.name,
        regionCode: before.region_code,
        status: before.status,
        acceptedOn: before.accepted_on,
        pilotYear: before.pilot_year,
      },
      after: { ...v },
    });
  });
  return getDistrict(s, ctx, id);
}
