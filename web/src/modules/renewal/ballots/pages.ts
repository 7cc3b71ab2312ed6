import type { RenewalPage } from '../pages.ts';

/** The plan, review-meeting and ballot pages, relative to /renewal. */
export const ballotPages: RenewalPage[] = [];
