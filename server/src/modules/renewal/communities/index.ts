import type { RenewalPart } from '../renewal.part.ts';
import * as m0003 from './migrations/0003-communities.ts';

/**
 * Old-community renovation (老旧小区改造): the community register (buildings, units, exclusive
 * areas, owners), residents' one-time links, and the surveys before (问需于民) and after
 * (问效于民) the works.
 */
export const communitiesPart: RenewalPart = {
  permissions: [],
  migrations: { '0003-communities': m0003 },
  routes: () => {},
  menu: [],
  excel: [],
  demo: async () => {},
};
