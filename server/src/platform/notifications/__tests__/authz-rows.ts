import type { Allowed } from '../../../__tests__/authz-matrix.ts';

/** Who may call each route of this part; spread into the authorisation matrix (server/src/__tests__/authz-matrix.ts). */
export const NOTIFICATIONS_AUTHZ: Record<string, Allowed> = {
  // every signed-in user: their own notifications only
  'GET /api/notifications': 'signed-in',
  'GET /api/notifications/unread-count': 'signed-in',
  'POST /api/notifications/read-all': 'signed-in',
  'POST /api/notifications/:id/read': 'signed-in',
};
