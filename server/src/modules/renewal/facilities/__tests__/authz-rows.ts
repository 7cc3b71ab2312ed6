import type { Allowed } from '../../../../__tests__/authz-matrix.ts';

/** Who may call each route of this part; spread into the authorisation matrix (server/src/__tests__/authz-matrix.ts). */
const FACILITY_READERS: Allowed = ['staff', 'leader'];
const FACILITY_WRITERS: Allowed = ['staff'];

export const FACILITIES_AUTHZ: Record<string, Allowed> = {
  'GET /api/renewal/sewage/summary': FACILITY_READERS,
  'GET /api/renewal/sewage/standard': FACILITY_READERS,
  'GET /api/renewal/sewage/facilities': FACILITY_READERS,
  'POST /api/renewal/sewage/facilities': FACILITY_WRITERS,
  'GET /api/renewal/sewage/facilities/:id': FACILITY_READERS,
  'PUT /api/renewal/sewage/facilities/:id': FACILITY_WRITERS,
  'GET /api/renewal/sewage/villages': FACILITY_READERS,
  'GET /api/renewal/sewage/villages/:code': FACILITY_READERS,
  'PUT /api/renewal/sewage/villages/:code': FACILITY_WRITERS,
  'GET /api/renewal/sewage/tests': FACILITY_READERS,
  'POST /api/renewal/sewage/tests': FACILITY_WRITERS,
  'GET /api/renewal/districts': FACILITY_READERS,
  'POST /api/renewal/districts': FACILITY_WRITERS,
  'GET /api/renewal/districts/:id': FACILITY_READERS,
  'PUT /api/renewal/districts/:id': FACILITY_WRITERS,
  // Excel exports
  'GET /api/renewal/sewage/facilities/export.xlsx': FACILITY_READERS,
  'GET /api/renewal/sewage/villages/export.xlsx': FACILITY_READERS,
  'GET /api/renewal/sewage/tests/export.xlsx': FACILITY_READERS,
  'GET /api/renewal/sewage/summary/export.xlsx': FACILITY_READERS,
  'GET /api/renewal/districts/export.xlsx': FACILITY_READERS,
};
