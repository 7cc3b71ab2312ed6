import type { Allowed } from '../../../__tests__/authz-matrix.ts';

/** Who may call each route of this part; spread into the authorisation matrix (server/src/__tests__/authz-matrix.ts). */
export const FILES_AUTHZ: Record<string, Allowed> = {
  // any account uploads; the file is usable only by its uploader until a record takes it
  'POST /api/files': 'signed-in',
  // the signed, short-lived link is the permission (handed out only with records the caller may read)
  'GET /api/files/:id/content': 'public',
};
