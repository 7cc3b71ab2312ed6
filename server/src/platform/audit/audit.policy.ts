import type { PlatformServices } from '../module/app-types.ts';
import type { RequestContext } from './audit.service.ts';

/**
 * Only the auditor reads and verifies the audit log (三权分立). The log has no region of its
 * own, so an auditor's region limit, if any, does not narrow it.
 */
export function assertMayReadAudit(s: PlatformServices, ctx: RequestContext): void {
  s.access.require(ctx.principal, 'audit.read');
}
