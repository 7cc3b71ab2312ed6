import type { RenewalPage } from '../pages.ts';

/** The sewage-facility and landscape-district pages, relative to /renewal. */
export const facilityPages: RenewalPage[] = [];
