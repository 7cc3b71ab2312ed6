import type { Static } from 'typebox';
import { type Lang, orgRef, say } from '../../platform/kit/index.ts';
import type { DistrictRow } from './district.repo.ts';
import type { DistrictItem, DistrictView } from './district.schemas.ts';
import { DISTRICT_KIND_NAMES, DISTRICT_STATUS_NAMES } from './facility.rules.ts';

/** Landscape districts as the API shows them: a list's row and the whole record. */

export const districtItem = (d: DistrictRow, lang: Lang): Static<typeof DistrictItem> => ({
  id: d.id,
  name: d.name,
  kindName: say(DISTRICT_KIND_NAMES[d.kind], lang),
  regionName: d.region_name,
  areaHundredths: d.area_hundredths === null ? null : Number(d.area_hundredths),
  leadOrganisationName: d.lead_organisation_name,
  pilotYear: d.pilot_year,
  status: d.status,
  statusName: say(DISTRICT_STATUS_NAMES[d.status], lang),
  acceptedOn: d.accepted_on,
});

export const presentDistrict = (d: DistrictRow, lang: Lang): Static<typeof DistrictView> => ({
  ...districtItem(d, lang),
  regionCode: d.region_code,
  kind: d.kind,
  leadOrganisation: orgRef(d.lead_organisation_id, d.lead_organisation_name),
  description: d.description,
});
