import type { Allowed } from '../../../__tests__/authz-matrix.ts';

/** Who may call each route of this part; spread into the authorisation matrix (server/src/__tests__/authz-matrix.ts). */
export const NOTIFICATIONS_AUTHZ: Record<string, Allowed> = {};
