import type { RenewalPart } from '../shared/renewal.part.ts';
import { ballotExcels } from './ballot.excel.ts';
import { ballotList } from './ballot.list.ts';
import { ballotRoutes } from './ballot.routes.ts';
import { ballotCloseSchedule } from './ballot.schedules.ts';
import { ballotMenu, ballotPermissions } from './ballots.permissions.ts';
import { seedBallotsDemo } from './demo/ballots.demo.ts';
import * as m0005 from './migrations/0005-ballots.ts';
import { planRoutes } from './plan.routes.ts';
import { residentBallotRoutes } from './resident-ballot.routes.ts';
import { reviewRoutes } from './review.routes.ts';
import { voteList } from './vote.list.ts';
import { voteRoutes } from './vote.routes.ts';

/**
 * Residents deciding during the works (问计于民): plan versions, plan review meetings (方案评审会)
 * and owners' ballots on a plan under Civil Code art. 278 — online by one-time link, paper
 * ballots and written proxies merged into one count, one vote per owner, a live quorum tracker,
 * the result published with its figures; each list exported to Excel.
 */
export const ballotsPart: RenewalPart = {
  permissions: ballotPermissions,
  migrations: { '0005-ballots': m0005 },
  routes: (app, s) => {
    planRoutes(app, s);
    reviewRoutes(app, s);
    ballotRoutes(app, s);
    voteRoutes(app, s);
    residentBallotRoutes(app, s);
  },
  menu: ballotMenu,
  excel: [...ballotExcels, ballotList.excel, voteList.excel],
  schedules: [ballotCloseSchedule],
  demo: seedBallotsDemo,
};
