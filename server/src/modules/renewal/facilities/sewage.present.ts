import type { Static } from 'typebox';
import type { Lang } from '../../../platform/http/errors.ts';
import { orgRef } from '../renewal.schemas.ts';
import {
  COVERAGE_NAMES,
  FACILITY_KIND_NAMES,
  FACILITY_STATUS_NAMES,
  labelIn,
  pollutantName,
} from './facility.rules.ts';
import type { Coverage, FacilityRow, VillageRow, WaterTestRow } from './sewage.repo.ts';
import type { FacilityView, VillageView, WaterTestView } from './sewage.schemas.ts';

/** Records as the API (and the Excel export) show them. */

export const presentFacility = (f: FacilityRow, lang: Lang): Static<typeof FacilityView> => ({
  id: f.id,
  name: f.name,
  villageCode: f.village_code,
  villageName: f.village_name,
  townCode: f.town_code,
  townName: f.town_name,
  capacityTenths: f.capacity_tenths,
  kind: f.kind,
  kindName: labelIn(FACILITY_KIND_NAMES[f.kind], lang),
  year: f.year,
  investmentFen: Number(f.investment_fen),
  operatorOrganisation: orgRef(f.operator_organisation_id, f.operator_name),
  process: f.process,
  dischargeGrade: Number(f.discharge_grade) as 1 | 2,
  status: f.status,
  statusName: labelIn(FACILITY_STATUS_NAMES[f.status], lang),
  villageCount: Number(f.village_count),
  testCount: Number(f.test_count),
  lastSampledOn: f.last_sampled_on,
  lastCompliant: f.last_compliant,
});

export const coverageOf = (v: VillageRow): Coverage =>
  v.on_network ? 'network' : v.covered ? 'covered' : 'uncovered';

export const presentVillage = (v: VillageRow, lang: Lang): Static<typeof VillageView> => ({
  villageCode: v.village_code,
  villageName: v.village_name,
  townCode: v.town_code,
  townName: v.town_name,
  households: v.households,
  connectedHouseholds: v.connected_households,
  onNetwork: v.on_network,
  facility:
    v.facility_id && v.facility_name && v.facility_status
      ? { id: v.facility_id, name: v.facility_name, status: v.facility_status }
      : null,
  coverage: coverageOf(v),
  coverageName: labelIn(COVERAGE_NAMES[coverageOf(v)], lang),
  note: v.note,
});

export const presentWaterTest = (t: WaterTestRow, lang: Lang): Static<typeof WaterTestView> => ({
  id: t.id,
  facilityId: t.facility_id,
  facilityName: t.facility_name,
  villageName: t.village_name,
  townName: t.town_name,
  sampledOn: t.sampled_on,
  lab: t.lab,
  ph: t.ph,
  cod: t.cod,
  nh3n: t.nh3n,
  tp: t.tp,
  tn: t.tn,
  ss: t.ss,
  oil: t.oil,
  waterTempTenths: t.water_temp_tenths,
  grade: Number(t.grade) as 1 | 2,
  compliant: t.compliant,
  exceeded: t.exceeded,
  exceededNames: t.exceeded.map((p) => pollutantName(p, lang)),
  note: t.note,
});
