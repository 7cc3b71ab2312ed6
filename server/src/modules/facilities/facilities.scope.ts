import {
  forbidden,
  notFound,
  type PermissionDef,
  type PlatformServices,
  type RequestContext,
  regionWithin,
  scopeOf,
} from '../../platform/kit/index.ts';

/**
 * Permissions of the facilities module and the write check. Sewage facilities, village
 * coverage, water tests and landscape districts are the bureau's own registers: staff and
 * leaders read them within their grants' region subtrees, staff write them there. Partners
 * hold neither permission (an organisation grant would see nothing here). Reads are scoped by
 * the lists (`defineList`): a record outside the read scope is a 404.
 */

export const FACILITIES_READ = 'facilities.read';
export const FACILITIES_WRITE = 'facilities.write';

export const facilitiesPermissions: PermissionDef[] = [
  {
    key: FACILITIES_READ,
    name: {
      zh: '查看农村污水设施、水质检测与风貌区',
      en: 'View rural sewage facilities, water tests and landscape districts',
    },
    roles: ['staff', 'leader'],
  },
  {
    key: FACILITIES_WRITE,
    name: {
      zh: '维护农村污水设施、村覆盖、水质检测与风貌区',
      en: 'Maintain sewage facilities, village coverage, water tests and districts',
    },
    roles: ['staff'],
  },
];

/**
 * May the caller change a record in `regionCode`? Invisible records were answered 404
 * already (read scope); visible but outside the write scope → 403.
 */
export async function checkWriteRegion(
  s: PlatformServices,
  ctx: RequestContext,
  regionCode: string,
): Promise<void> {
  if (!regionWithin(await scopeOf(s, ctx, FACILITIES_WRITE), regionCode)) throw forbidden();
}

export const facilityNotFound = (id: string) =>
  notFound({ zh: `污水处理设施 ${id}`, en: `Sewage facility ${id}` }, 'FACILITY_NOT_FOUND');
export const villageNotFound = (code: string) =>
  notFound(
    { zh: `村 ${code} 的污水覆盖记录`, en: `Sewage coverage record of village ${code}` },
    'SEWAGE_VILLAGE_NOT_FOUND',
  );
export const districtNotFound = (id: string) =>
  notFound({ zh: `风貌区 ${id}`, en: `Landscape district ${id}` }, 'DISTRICT_NOT_FOUND');
