import type { RequestContext } from '../../../platform/audit/audit.service.ts';
import type { PlatformServices } from '../../../platform/module/app-types.ts';
import { type RenewalPermission, type RenewalScope, renewalScope } from '../renewal.scope.ts';

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

// The core's scope rule (region grants; partner grants by organisation subtree) works for any
// renewal permission; its parameter type lists only the core's three, so it is widened here.
const scopeThrough = renewalScope as (
  s: PlatformServices,
  ctx: RequestContext,
  permission: RenewalPermission | OversightPermission,
) => Promise<RenewalScope>;

/** The caller's project scope through `permission`; 401 without a session, 403 without the permission. */
export const oversightScope = (
  s: PlatformServices,
  ctx: RequestContext,
  permission: OversightPermission,
): Promise<RenewalScope> => scopeThrough(s, ctx, permission);
