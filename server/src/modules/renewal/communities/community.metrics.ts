import type { MetricDef } from '../../../platform/kit/index.ts';
import { countCommunitiesWithStatus } from './community.repo.ts';
import { COMPLETED, RENOVATED } from './community.rules.ts';
import { COMMUNITY_READ } from './community.scope.ts';

/** Figures over the community register (scope: region subtree). */
export const communityMetrics: MetricDef[] = [
  {
    key: 'renewal.communities.renovated',
    name: { zh: '已推进或完成改造的老旧小区数', en: 'Old communities renovated or under renovation' },
    unit: { zh: '个', en: 'communities' },
    kind: 'stock',
    permission: COMMUNITY_READ,
    // the register keeps the present status, so the figure is as of now whatever the period says
    compute: (s, { regions }) => countCommunitiesWithStatus(s.db, regions, RENOVATED),
  },
  {
    key: 'renewal.communities.completed',
    name: { zh: '已完成改造的老旧小区数', en: 'Old communities whose renovation is finished' },
    unit: { zh: '个', en: 'communities' },
    kind: 'stock',
    permission: COMMUNITY_READ,
    compute: (s, { regions }) => countCommunitiesWithStatus(s.db, regions, COMPLETED),
  },
];
