import type { Static } from 'typebox';
import { type Lang, orgRef, say } from '../../platform/kit/index.ts';
import {
  COVERAGE_NAMES,
  FACILITY_KIND_NAMES,
  FACILITY_STATUS_NAMES,
  pollutantName,
} from './facility.rules.ts';
import type { Coverage, FacilityRow, VillageRow, WaterTestRow } from './sewage.repo.ts';
import type {
  FacilityItem,
  FacilityView,
  VillageItem,
  VillageView,
  WaterTestItem,
  WaterTestView,
} from './sewage.schemas.ts';

/** Records as the API shows them: a list's row (`…Item`) and the whole record (`…View`). */

export const facilityItem = (f: FacilityRow, lang: Lang): Static<typeof FacilityItem> => ({
  id: f.id,
  name: f.name,
  villageName: f.village_name,
  townName: f.town_name,
  capacityTenths: f.capacity_tenths,
  kindName: say(FACILITY_KIND_NAMES[f.kind], lang),
  year: f.year,
  investmentFen: Number(f.investment_fen),
  dischargeGrade: Number(f.discharge_grade) as 1 | 2,
  status: f.status,
  statusName: say(FACILITY_STATUS_NAMES[f.status], lang),
  villageCount: Number(f.village_count),
  lastSampledOn: f.last_sampled_on,
  lastCompliant: f.last_compliant,
});

export const presentFacility = (f: FacilityRow, lang: Lang): Static<typeof FacilityView> => ({
  ...facilityItem(f, lang),
  villageCode: f.village_code,
  townCode: f.town_code,
  kind: f.kind,
  operatorOrganisation: orgRef(f.operator_organisation_id, f.operator_name),
  process: f.process,
  testCount: Number(f.test_count),
});

export const coverageOf = (v: VillageRow): Coverage =>
  v.on_network ? 'network' : v.covered ? 'covered' : 'uncovered';

export const villageItem = (v: VillageRow, lang: Lang): Static<typeof VillageItem> => ({
  villageCode: v.village_code,
  villageName: v.village_name,
  townName: v.town_name,
  households: v.households,
  connectedHouseholds: v.connected_households,
  facility: v.facility_id && v.facility_name ? { id: v.facility_id, name: v.facility_name } : null,
  coverage: coverageOf(v),
  coverageName: say(COVERAGE_NAMES[coverageOf(v)], lang),
  note: v.note,
});

export const presentVillage = (v: VillageRow, lang: Lang): Static<typeof VillageView> => ({
  ...villageItem(v, lang),
  townCode: v.town_code,
  onNetwork: v.on_network,
  facility:
    v.facility_id && v.facility_name && v.facility_status
      ? { id: v.facility_id, name: v.facility_name, status: v.facility_status }
      : null,
});

export const waterTestItem = (t: WaterTestRow, lang: Lang): Static<typeof WaterTestItem> => ({
  id: t.id,
  facilityName: t.facility_name,
  villageName: t.village_name,
  townName: t.town_name,
  sampledOn: t.sampled_on,
  lab: t.lab,
  ph: t.ph,
  cod: t.cod,
  nh3n: t.nh3n,
  tp: t.tp,
  waterTempTenths: t.water_temp_tenths,
  grade: Number(t.grade) as 1 | 2,
  compliant: t.compliant,
  exceededNames: t.exceeded.map((p) => pollutantName(p, lang)),
});

export const presentWaterTest = (t: WaterTestRow, lang: Lang): Static<typeof WaterTestView> => ({
  ...waterTestItem(t, lang),
  facilityId: t.facility_id,
  tn: t.tn,
  ss: t.ss,
  oil: t.oil,
  exceeded: t.exceeded,
  note: t.note,
});
