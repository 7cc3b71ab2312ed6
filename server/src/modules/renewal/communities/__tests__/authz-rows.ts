import type { Allowed } from '../../../../__tests__/authz-matrix.ts';

/** Who may call each route of this part; spread into the authorisation matrix (server/src/__tests__/authz-matrix.ts). */
const READ_COMMUNITY: Allowed = ['staff', 'leader'];
const WRITE_COMMUNITY: Allowed = ['staff'];

export const COMMUNITIES_AUTHZ: Record<string, Allowed> = {
  // the register
  'GET /api/renewal/communities': READ_COMMUNITY,
  'GET /api/renewal/community-options': READ_COMMUNITY,
  'POST /api/renewal/communities': WRITE_COMMUNITY,
  'GET /api/renewal/communities/:id': READ_COMMUNITY,
  'PATCH /api/renewal/communities/:id': WRITE_COMMUNITY,
  'GET /api/renewal/communities/:id/buildings': READ_COMMUNITY,
  'POST /api/renewal/communities/:id/buildings': WRITE_COMMUNITY,
  'PATCH /api/renewal/communities/:id/buildings/:itemId': WRITE_COMMUNITY,
  'DELETE /api/renewal/communities/:id/buildings/:itemId': WRITE_COMMUNITY,
  'GET /api/renewal/communities/:id/units': READ_COMMUNITY,
  'POST /api/renewal/communities/:id/units': WRITE_COMMUNITY,
  'PATCH /api/renewal/communities/:id/units/:itemId': WRITE_COMMUNITY,
  'DELETE /api/renewal/communities/:id/units/:itemId': WRITE_COMMUNITY,
  'GET /api/renewal/communities/:id/owners': READ_COMMUNITY,
  'PATCH /api/renewal/communities/:id/owners/:itemId': WRITE_COMMUNITY,
  'GET /api/renewal/communities/export.xlsx': READ_COMMUNITY,
  'GET /api/renewal/communities/:id/units/export.xlsx': READ_COMMUNITY,
  'GET /api/renewal/communities/:id/units/import-template.xlsx': WRITE_COMMUNITY,
  'POST /api/renewal/communities/:id/units/import': WRITE_COMMUNITY,
  // surveys (问需/问效) and acceptance
  'GET /api/renewal/communities/:id/surveys': READ_COMMUNITY,
  'POST /api/renewal/communities/:id/surveys': WRITE_COMMUNITY,
  'GET /api/renewal/surveys/:id': READ_COMMUNITY,
  'PATCH /api/renewal/surveys/:id': WRITE_COMMUNITY,
  'POST /api/renewal/surveys/:id/open': WRITE_COMMUNITY,
  'POST /api/renewal/surveys/:id/close': WRITE_COMMUNITY,
  'POST /api/renewal/surveys/:id/publish': WRITE_COMMUNITY,
  'GET /api/renewal/surveys/:id/links': WRITE_COMMUNITY,
  'POST /api/renewal/surveys/:id/units/:unitId/link': WRITE_COMMUNITY,
  'GET /api/renewal/surveys/:id/units/:unitId/response': WRITE_COMMUNITY,
  'PUT /api/renewal/surveys/:id/units/:unitId/response': WRITE_COMMUNITY,
  'GET /api/renewal/surveys/:id/results': READ_COMMUNITY,
  'GET /api/renewal/surveys/:id/not-heard': READ_COMMUNITY,
  'GET /api/renewal/surveys/:id/results/export.xlsx': READ_COMMUNITY,
  'GET /api/renewal/surveys/:id/not-heard/export.xlsx': READ_COMMUNITY,
  'POST /api/renewal/communities/:id/acceptance': WRITE_COMMUNITY,
  // residents' pages: a one-time link, no account
  'GET /api/resident/surveys/:token': 'public',
  'POST /api/resident/surveys/:token': 'public',
};
