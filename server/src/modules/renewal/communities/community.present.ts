import type { Static } from 'typebox';
import type { Lang } from '../../../platform/kit/index.ts';
import type { BuildingListRow, CommunityListRow, OwnerHoldingRow, UnitRow } from './community.repo.ts';
import {
  COMMUNITY_STATUS_NAMES,
  labelOf,
  OWNER_KIND_NAMES,
  ownerNameFor,
  unitLabel,
} from './community.rules.ts';
import type {
  AcceptanceView,
  BuildingView,
  CommunityItem,
  CommunityView,
  OwnerRef,
  OwnerView,
  UnitItem,
  UnitView,
} from './community.schemas.ts';

/** The register's records as the API shows them: owners' names masked unless the caller may see them. */

/** Per cent with one decimal; 0 when nobody rated. */
export const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;

/** The community's acceptance with its satisfaction figures; null before it is accepted. */
export function acceptanceOf(c: CommunityListRow): Static<typeof AcceptanceView> | null {
  if (!c.accepted_on || !c.acceptance_survey_id) return null;
  const satisfied = Number(c.acceptance_satisfied ?? 0);
  const rated = Number(c.acceptance_rated ?? 0);
  return {
    acceptedOn: String(c.accepted_on),
    acceptedBy: c.accepted_by ?? '',
    surveyId: c.acceptance_survey_id,
    satisfied,
    rated,
    satisfactionRate: percent(satisfied, rated),
    note: c.acceptance_note ?? null,
  };
}

/** The whole record (its page, and the answer to a change). */
export function presentCommunity(
  c: CommunityListRow,
  can: Static<typeof CommunityView>['can'],
  lang: Lang,
): Static<typeof CommunityView> {
  return {
    id: c.id,
    name: c.name,
    regionCode: c.region_code,
    regionName: c.region_name,
    address: c.address,
    yearBuilt: c.year_built,
    batch: c.batch,
    status: c.status,
    statusName: labelOf(COMMUNITY_STATUS_NAMES[c.status], lang),
    project: c.project_id ? { id: c.project_id, name: c.project_name ?? '' } : null,
    buildingCount: Number(c.building_count ?? 0),
    unitCount: Number(c.unit_count ?? 0),
    ownerCount: Number(c.owner_count ?? 0),
    areaCenti: Number(c.area_centi ?? 0),
    acceptance: acceptanceOf(c),
    can,
    createdAt: new Date(c.created_at).toISOString(),
    updatedAt: new Date(c.updated_at).toISOString(),
  };
}

/** A line of the communities list. */
export function communityItem(c: CommunityListRow, lang: Lang): Static<typeof CommunityItem> {
  const acceptance = acceptanceOf(c);
  return {
    id: c.id,
    name: c.name,
    regionName: c.region_name,
    yearBuilt: c.year_built,
    batch: c.batch,
    status: c.status,
    statusName: labelOf(COMMUNITY_STATUS_NAMES[c.status], lang),
    unitCount: Number(c.unit_count ?? 0),
    ownerCount: Number(c.owner_count ?? 0),
    areaCenti: Number(c.area_centi ?? 0),
    acceptedOn: acceptance?.acceptedOn ?? null,
    satisfactionRate: acceptance && acceptance.rated > 0 ? acceptance.satisfactionRate : null,
  };
}

export const presentBuilding = (b: BuildingListRow): Static<typeof BuildingView> => ({
  id: b.id,
  name: b.name,
  position: b.position,
  unitCount: Number(b.unit_count ?? 0),
  areaCenti: Number(b.area_centi ?? 0),
});

/** A line of a community's units; the owner's name masked unless `mayName`. */
export const unitItem = (u: UnitRow, mayName: boolean, lang: Lang): Static<typeof UnitItem> => ({
  id: u.id,
  label: unitLabel(u),
  areaCenti: u.area_centi,
  owner: ownerRef(u, mayName, lang),
});

const ownerRef = (u: UnitRow, mayName: boolean, lang: Lang): Static<typeof OwnerRef> => ({
  id: u.owner_id,
  name: ownerNameFor(u.owner_name, u.owner_kind, mayName),
  kind: u.owner_kind,
  kindName: labelOf(OWNER_KIND_NAMES[u.owner_kind], lang),
});

export const presentUnit = (u: UnitRow, mayName: boolean, lang: Lang): Static<typeof UnitView> => ({
  id: u.id,
  buildingId: u.building_id,
  buildingName: u.building_name,
  entrance: u.entrance,
  room: u.room,
  label: unitLabel(u),
  areaCenti: u.area_centi,
  owner: ownerRef(u, mayName, lang),
});

export const presentOwner = (o: OwnerHoldingRow, mayName: boolean, lang: Lang): Static<typeof OwnerView> => ({
  id: o.id,
  name: ownerNameFor(o.name, o.kind, mayName),
  kind: o.kind,
  kindName: labelOf(OWNER_KIND_NAMES[o.kind], lang),
  unitCount: Number(o.unit_count),
  areaCenti: Number(o.area_centi),
});
