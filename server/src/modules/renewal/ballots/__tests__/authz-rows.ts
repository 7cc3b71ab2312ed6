import type { Allowed } from '../../../../__tests__/authz-matrix.ts';

/** Who may call each route of this part; spread into the authorisation matrix (server/src/__tests__/authz-matrix.ts). */

/**
 * Ballots are read by staff, leaders, third parties of the project (READ) — and the auditor, who
 * checks the count. Inside the routes the community's policy narrows it: third parties see the
 * plans and published results only (review meetings 404, who voted 403; ADR 0007). (Written out:
 * the matrix imports this file before its own READ exists.)
 */
const BALLOT_READERS: Allowed = ['staff', 'leader', 'partner', 'auditor'];

export const BALLOTS_AUTHZ: Record<string, Allowed> = {
  // plan versions and review meetings (方案评审会)
  'GET /api/renewal/communities/:id/plans': BALLOT_READERS,
  'POST /api/renewal/communities/:id/plans': ['staff'],
  'GET /api/renewal/plans/:id': BALLOT_READERS,
  'PATCH /api/renewal/plans/:id': ['staff'],
  'GET /api/renewal/communities/:id/plan-reviews': BALLOT_READERS,
  'POST /api/renewal/communities/:id/plan-reviews': ['staff'],
  'GET /api/renewal/plan-reviews/:id': BALLOT_READERS,
  'PATCH /api/renewal/plan-reviews/:id': ['staff'],
  // ballots (art. 278)
  'GET /api/renewal/ballots': BALLOT_READERS,
  'GET /api/renewal/communities/:id/ballots': BALLOT_READERS,
  'POST /api/renewal/communities/:id/ballots': ['staff'],
  'GET /api/renewal/ballots/:id': BALLOT_READERS,
  'PATCH /api/renewal/ballots/:id': ['staff'],
  'POST /api/renewal/ballots/:id/open': ['staff'],
  'POST /api/renewal/ballots/:id/close': ['staff'],
  'POST /api/renewal/ballots/:id/publish': ['staff'],
  'POST /api/renewal/ballots/:id/void': ['staff'],
  'GET /api/renewal/ballots/:id/links': ['staff'],
  'POST /api/renewal/ballots/:id/links': ['staff'],
  // votes: who voted is limited inside the routes to staff, leaders and the auditor, what they chose to staff and the auditor
  'GET /api/renewal/ballots/:id/votes': BALLOT_READERS,
  'POST /api/renewal/ballots/:id/votes': ['staff'],
  'PATCH /api/renewal/ballots/:id/votes/:voteId': ['staff'],
  'POST /api/renewal/ballots/:id/votes/:voteId/void': ['staff'],
  'GET /api/renewal/ballots/:id/vote-events': BALLOT_READERS,
  // Excel exports
  'GET /api/renewal/ballots/export.xlsx': BALLOT_READERS,
  'GET /api/renewal/communities/:id/plans/export.xlsx': BALLOT_READERS,
  'GET /api/renewal/communities/:id/plan-reviews/export.xlsx': BALLOT_READERS,
  'GET /api/renewal/communities/:id/ballots/export.xlsx': BALLOT_READERS,
  'GET /api/renewal/ballots/:id/votes/export.xlsx': BALLOT_READERS,
  // residents: the one-time link is the credential
  'GET /api/resident/ballots/:token': 'public',
  'POST /api/resident/ballots/:token': 'public',
};
