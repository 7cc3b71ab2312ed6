import type { RenewalPart } from '../renewal.part.ts';

/**
 * Residents deciding during the works (问计于民): plan versions, plan review meetings (方案评审会)
 * and owners' ballots on a plan under Civil Code art. 278.
 */
export const ballotsPart: RenewalPart = {
  permissions: [],
  migrations: {},
  routes: () => {},
  menu: [],
  excel: [],
  demo: async () => {},
};
