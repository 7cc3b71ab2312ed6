import type { MenuEntry, PermissionDef } from '../../../platform/kit/index.ts';

/**
 * The ballot permissions. Read (plans, review meetings, ballots, the live turnout, who has voted):
 * staff, leaders and the auditor (who checks the count) by region; third parties only for the
 * communities their organisation renovates, and there only the plans and each ballot's published
 * aggregate result (communities/community.policy.ts, docs/adr/0007). Write (plans, meetings,
 * ballots, paper and proxy ballots, corrections): staff. Choices (who voted what): staff and the
 * auditor only — leaders see the figures and who voted, never an owner's choice.
 */
export const BALLOT_READ = 'renewal.ballot.read';
export const BALLOT_WRITE = 'renewal.ballot.write';
export const BALLOT_CHOICES = 'renewal.ballot.choices';

export const ballotPermissions: PermissionDef[] = [
  {
    key: BALLOT_READ,
    name: {
      zh: '查看改造方案、方案评审会与业主表决（第三方单位仅见方案和公布的表决结果）',
      en: 'View plans, plan reviews and owners’ ballots (third parties: plans and published results only)',
    },
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
