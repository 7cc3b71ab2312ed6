import { lazy } from 'react';
import type { RenewalPage } from '../pages.ts';

const READ = 'renewal.facility.read';

/** The sewage-facility and landscape-district pages, relative to /renewal. */
export const facilityPages: RenewalPage[] = [
  { path: 'facilities', page: lazy(() => import('./FacilitiesPage.tsx')), permission: READ },
  { path: 'districts', page: lazy(() => import('./DistrictsPage.tsx')), permission: READ },
];
