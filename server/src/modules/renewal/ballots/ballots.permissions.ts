import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import type { MenuEntry, PermissionDef } from '../../../platform/module/manifest.ts';
import { type RenewalPermission, type RenewalScope, renewalScope } from '../renewal.scope.ts';

/**
 * The ballot permissions. Read (plans, review meetings, ballots, aggregate figures, who has
 * voted): staff and leaders by region, third parties for the communities their organisation
 * renovates, and the auditor (who checks the count). Write (plans, meetings, ballots, paper and
 * proxy ballots, corrections): staff. Choices (who voted what): staff and the auditor only —
 * leaders and third parties see the figures, never an owner's choice.
 */
export const BALLOT_READ = 'renewal.ballot.read';
export const BALLOT_WRITE = 'renewal.ballot.write';
export const BALLOT_CHOICES = 'renewal.ballot.choices';

export type BallotPermission = typeof BALLOT_READ | typeof BALLOT_WRITE | typeof BALLOT_CHOICES;

export const ballotPermissions: PermissionDef[] = [
  {
    key: BALLOT_READ,
    name: { zh: '查看改造方案、方案评审会与业主表决', en: 'View plans, plan reviews and owners’ ballots' },
    roles: ['staff', 'leader', 'partner', 'auditor'],
  },
  {
    key: BALLOT_WRITE,
    name: {
      zh: '维护改造方案、评审会，组织业主表决并录入纸质票/委托票',
      en: 'Maintain plans and reviews, run ballots, enter paper and proxy votes',
    },
    roles: ['staff'],
  },
  {
    key: BALLOT_CHOICES,
    name: { zh: '查看每户业主的表决意见', en: 'See each owner’s choice in a ballot' },
    roles: ['staff', 'auditor'],
  },
];

export const ballotMenu: MenuEntry[] = [
  {
    key: 'renewal.ballots',
    parent: 'renewal',
    path: '/renewal/ballots',
    label: { zh: '问计表决', en: 'Plan ballots' },
    permission: BALLOT_READ,
    icon: 'ballot',
    order: 28,
  },
];

// The core's scope rule (region grants; partner grants by organisation subtree) works for any
// renewal permission; its parameter type lists only the core's three, so it is widened here.
const scopeThrough = renewalScope as (
  s: PlatformServices,
  ctx: RequestContext,
  permission: RenewalPermission | BallotPermission,
) => Promise<RenewalScope>;

/** The caller's scope through `permission`; 401 without a session, 403 without the permission. */
export const ballotScope = (s: PlatformServices, ctx: RequestContext, permission: BallotPermission) =>
  scopeThrough(s, ctx, permission);
