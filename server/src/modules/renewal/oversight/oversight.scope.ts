import {
  type PlatformServices,
  type RequestContext,
  type Scope,
  scopeOf,
} from '../../../platform/kit/index.ts';

/** The oversight permissions, and the caller's project scope through each. */

export const OVERSIGHT_READ = 'renewal.oversight.read';
export const MEETING_WRITE = 'renewal.meeting.write';
export const INSPECT = 'renewal.inspect';
export const RECTIFY = 'renewal.rectify';
export const NIGHTWORK_REQUEST = 'renewal.nightwork.request';
export const NIGHTWORK_APPROVE = 'renewal.nightwork.approve';

export type OversightPermission =
  | typeof OVERSIGHT_READ
  | typeof MEETING_WRITE
  | typeof INSPECT
  | typeof RECTIFY
  | typeof NIGHTWORK_REQUEST
  | typeof NIGHTWORK_APPROVE;

/** The caller's project scope through `permission`; 401 without a session, 403 without the permission. */
export const oversightScope = (
  s: PlatformServices,
  ctx: RequestContext,
  permission: OversightPermission,
): Promise<Scope> => scopeOf(s, ctx, permission);
