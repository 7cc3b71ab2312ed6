import type { Allowed } from '../../../__tests__/authz-matrix.ts';

/** Who may call each route of the facilities module; spread into the authorisation matrix (server/src/__tests__/authz-matrix.ts). */
const READERS: Allowed = ['staff', 'leader'];
const WRITERS: Allowed = ['staff'];

export const FACILITIES_AUTHZ: Record<string, Allowed> = {
  'GET /api/facilities/sewage/summary': READERS,
  'GET /api/facilities/sewage/standard': READERS,
  'GET /api/facilities/sewage/facilities': READERS,
  'POST /api/facilities/sewage/facilities': WRITERS,
  'GET /api/facilities/sewage/facilities/:id': READERS,
  'PUT /api/facilities/sewage/facilities/:id': WRITERS,
  'GET /api/facilities/sewage/villages': READERS,
  'GET /api/facilities/sewage/villages/:code': READERS,
  'PUT /api/facilities/sewage/villages/:code': WRITERS,
  'GET /api/facilities/sewage/tests': READERS,
  'POST /api/facilities/sewage/tests': WRITERS,
  'GET /api/facilities/districts': READERS,
  'POST /api/facilities/districts': WRITERS,
  'GET /api/facilities/districts/:id': READERS,
  'PUT /api/facilities/districts/:id': WRITERS,
  // Excel exports
  'GET /api/facilities/sewage/facilities/export.xlsx': READERS,
  'GET /api/facilities/sewage/villages/export.xlsx': READERS,
  'GET /api/facilities/sewage/tests/export.xlsx': READERS,
  'GET /api/facilities/sewage/summary/export.xlsx': READERS,
  'GET /api/facilities/districts/export.xlsx': READERS,
};
