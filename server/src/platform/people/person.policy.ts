import type { RequestContext } from '../audit/audit.service.ts';
import { regionInScope } from '../auth/principal.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { residenceOutOfScope, residenceRequired } from './person.errors.ts';

/**
 * Who may do what to a person record. Role permission first (`person.read` staff and
 * leaders, `person.write` and `person.unmask` staff), then data scope: the person's
 * residence (`region_code`) must lie within one of the caller's region subtrees; a
 * person without a residence is visible to unrestricted scope only.
 */
export const PERSON_PERMISSIONS = {
  read: 'person.read',
  write: 'person.write',
  unmask: 'person.unmask',
} as const;

export type PersonAction = keyof typeof PERSON_PERMISSIONS;

/**
 * The caller's region scope for `action` (null: every region). Throws 401/403 without the
 * permission. Work the system does itself (demo data, imports run from the CLI) is unrestricted.
 */
export function personScope(s: PlatformServices, ctx: RequestContext, action: PersonAction): string[] | null {
  if (!ctx.principal && ctx.systemActor) return null;
  return s.access.require(ctx.principal, PERSON_PERMISSIONS[action]);
}

/** May a caller with this scope see and act on this person? */
export const personInScope = (scope: string[] | null, person: { region_code: string | null }): boolean =>
  regionInScope(scope, person.region_code);

/**
 * May a caller with this scope record `regionCode` as someone's residence? A scoped caller
 * must name a residence inside the scope, or would lose sight of the person just registered.
 */
export function checkResidence(scope: string[] | null, regionCode: string | null): void {
  if (scope === null) return;
  if (regionCode === null) throw residenceRequired();
  if (!regionInScope(scope, regionCode)) throw residenceOutOfScope();
}
