import { lazy } from 'react';
import type { RenewalPage } from '../pages.ts';
import { BALLOT_READ } from './api.ts';

/** The plan, review-meeting and ballot pages, relative to /renewal. */
export const ballotPages: RenewalPage[] = [
  { path: 'ballots', page: lazy(() => import('./BallotsPage.tsx')), permission: BALLOT_READ },
  { path: 'ballots/:id', page: lazy(() => import('./BallotDetailPage.tsx')), permission: BALLOT_READ },
];
