import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import { regionInScope } from '../../../platform/auth/principal.ts';
import { forbidden, notFound } from '../../../platform/http/errors.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import type { MenuEntry, PermissionDef } from '../../../platform/module/manifest.ts';
import { type RenewalPermission, type RenewalScope, renewalScope } from '../renewal.scope.ts';

/**
 * Permissions of the facilities part and the caller's region scope through them. Sewage
 * facilities, village coverage, water tests and landscape districts are the bureau's own
 * registers: staff and leaders read them within their grants' region subtrees, staff write
 * them there. Partners hold neither permission (an organisation grant would see nothing here).
 */

export const FACILITY_READ = 'renewal.facility.read';
export const FACILITY_WRITE = 'renewal.facility.write';
export type FacilityPermission = typeof FACILITY_READ | typeof FACILITY_WRITE;

export const facilityPermissions: PermissionDef[] = [
  {
    key: FACILITY_READ,
    name: {
      zh: '查看农村污水设施、水质检测与风貌区',
      en: 'View rural sewage facilities, water tests and landscape districts',
    },
    roles: ['staff', 'leader'],
  },
  {
    key: FACILITY_WRITE,
    name: {
      zh: '维护农村污水设施、村覆盖、水质检测与风貌区',
      en: 'Maintain sewage facilities, village coverage, water tests and districts',
    },
    roles: ['staff'],
  },
];

export const facilityMenu: MenuEntry[] = [
  {
    key: 'renewal.facilities',
    parent: 'renewal',
    path: '/renewal/facilities',
    label: { zh: '农村污水设施', en: 'Rural sewage facilities' },
    permission: FACILITY_READ,
    icon: 'sewage',
    order: 28,
  },
  {
    key: 'renewal.districts',
    parent: 'renewal',
    path: '/renewal/districts',
    label: { zh: '城乡风貌区', en: 'Landscape districts' },
    permission: FACILITY_READ,
    icon: 'landscape',
    order: 29,
  },
];

// The core's scope rule works for any renewal permission; its parameter type lists only the
// core's three, so it is widened here (as oversight.scope.ts does).
const scopeThrough = renewalScope as (
  s: PlatformServices,
  ctx: RequestContext,
  permission: RenewalPermission | FacilityPermission,
) => Promise<RenewalScope>;

/** Region subtrees the caller reaches through `permission` (null: everywhere); 401/403 as usual. */
export async function facilityRegions(
  s: PlatformServices,
  ctx: RequestContext,
  permission: FacilityPermission,
): Promise<string[] | null> {
  const scope = await scopeThrough(s, ctx, permission);
  return scope.all ? null : scope.regions;
}

/** Narrows the regions the caller reaches to a requested region filter (null: no filter). */
export function narrowRegions(regions: string[] | null, filter: string | undefined): string[] | null {
  if (filter === undefined) return regions;
  if (regions === null) return [filter];
  // the filter inside a granted subtree, or granted subtrees inside the filter
  const inside = regions.filter((r) => r.startsWith(filter));
  return regionInScope(regions, filter) ? [filter] : inside;
}

/**
 * May the caller change a record in `regionCode`? Invisible records were answered 404
 * already (read scope); visible but outside the write scope → 403.
 */
export async function checkWriteRegion(
  s: PlatformServices,
  ctx: RequestContext,
  regionCode: string,
): Promise<void> {
  const regions = await facilityRegions(s, ctx, FACILITY_WRITE);
  if (!regionInScope(regions, regionCode)) throw forbidden();
}

/** Is the record's region visible to the caller (read scope)? */
export async function readableRegion(
  s: PlatformServices,
  ctx: RequestContext,
  regionCode: string,
): Promise<boolean> {
  return regionInScope(await facilityRegions(s, ctx, FACILITY_READ), regionCode);
}

export const facilityNotFound = (id: string) =>
  notFound({ zh: `污水处理设施 ${id}`, en: `Sewage facility ${id}` }, 'RENEWAL_FACILITY_NOT_FOUND');
export const villageNotFound = (code: string) =>
  notFound(
    { zh: `村 ${code} 的污水覆盖记录`, en: `Sewage coverage record of village ${code}` },
    'RENEWAL_SEWAGE_VILLAGE_NOT_FOUND',
  );
export const districtNotFound = (id: string) =>
  notFound({ zh: `风貌区 ${id}`, en: `Landscape district ${id}` }, 'RENEWAL_DISTRICT_NOT_FOUND');
