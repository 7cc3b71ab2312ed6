import { lazy } from 'react';
import type { RenewalPage } from '../pages.ts';

/** The old-community renovation pages (community register, surveys), relative to /renewal. */
export const communityPages: RenewalPage[] = [
  {
    path: 'communities',
    page: lazy(() => import('./CommunitiesPage.tsx')),
    permission: 'renewal.community.read',
  },
  {
    path: 'communities/:id',
    page: lazy(() => import('./CommunityPage.tsx')),
    permission: 'renewal.community.read',
  },
];
