import type { RequestContext } from '../audit/audit.service.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { findUserByUsername, loadGrants } from './user.repo.ts';

/**
 * A request context acting as an existing account, for work the system does on a
 * user's behalf (demo data, background jobs): the same policies and audit apply.
 */
export async function actAs(
  s: PlatformServices,
  username: string,
  requestId: string,
): Promise<RequestContext> {
  const user = await findUserByUsername(s.db, username);
  if (!user) throw new Error(`No account "${username}"`);
  const grants = await loadGrants(s.db, user.id);
  return {
    principal: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      sessionId: `system:${requestId}`,
      grants,
      permissions: s.access.permissionsOf(grants),
    },
    requestId,
    ip: null,
    lang: 'zh-CN',
  };
}
