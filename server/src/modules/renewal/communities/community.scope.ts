import {
  type MenuEntry,
  type PermissionDef,
  type PlatformServices,
  type RequestContext,
  type Scope,
  scopeOf,
} from '../../../platform/kit/index.ts';

/**
 * Who works with the community register and its surveys, and over which communities.
 *
 * - renewal.community.read (staff, leaders): communities whose region lies in their grants'
 *   region subtrees (a grant without a region: all); results, lists and exports.
 * - renewal.community.write (staff): the register, surveys, links, paper answers, acceptance.
 * - Owners' names (业主姓名) are personal data: shown in full only to callers holding
 *   renewal.community.write over the community (the staff who keep the register and hand out
 *   the links); leaders see them masked (张**) in lists and exports. An organisation owner
 *   (the developer) is not personal data and is shown in full to everyone.
 * - Partners (contractors …) hold neither permission: residents' data is not theirs.
 */
export const COMMUNITY_READ = 'renewal.community.read';
export const COMMUNITY_WRITE = 'renewal.community.write';
export type CommunityPermission = typeof COMMUNITY_READ | typeof COMMUNITY_WRITE;

/** The caller's region scope through `permission`; 401 without a session, 403 without the permission. */
export const communityScope = (
  s: PlatformServices,
  ctx: RequestContext,
  permission: CommunityPermission,
): Promise<Scope> => scopeOf(s, ctx, permission);

export const communityPermissions: PermissionDef[] = [
  {
    key: COMMUNITY_READ,
    name: { zh: '查看老旧小区改造台账、问卷结果', en: 'View renovated communities and survey results' },
    roles: ['staff', 'leader'],
  },
  {
    key: COMMUNITY_WRITE,
    name: {
      zh: '维护老旧小区台账、住户与问需/问效问卷',
      en: 'Maintain communities, households and needs/satisfaction surveys',
    },
    roles: ['staff'],
  },
];

export const communityMenu: MenuEntry[] = [
  {
    key: 'renewal.communities',
    parent: 'renewal',
    path: '/renewal/communities',
    label: { zh: '老旧小区改造', en: 'Old communities' },
    permission: COMMUNITY_READ,
    icon: 'community',
    order: 26,
  },
];
