import type { RenewalPage } from '../pages.ts';

/** The old-community renovation pages (community register, surveys), relative to /renewal. */
export const communityPages: RenewalPage[] = [];
