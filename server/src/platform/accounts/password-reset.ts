import type { AuditFn, RequestContext } from '../audit/audit.service.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/password.ts';
import type { Grant } from '../auth/principal.ts';
import { EXCLUSIVE_ROLES } from '../auth/roles.ts';
import { revokeUserSessions } from '../auth/session.repo.ts';
import { clearSignInFailures, findSignInFailure } from '../auth/sign-in-failure.repo.ts';
import { findUserByUsername, loadGrants, setPasswordHash } from '../auth/user.repo.ts';
import { shanghaiDateTime } from '../clock.ts';
import { AppError, type Bilingual, invalid } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { notify } from '../notifications/notifier.ts';
import { lockUserRow } from './account.repo.ts';

type Db = PlatformServices['db'];

/**
 * Password resets (issue 9, 三权分立). The security administrator resets the passwords of
 * ordinary accounts through the API. The password of a system administrator, security
 * administrator or auditor is reset only with `gongfu reset-password` on the server: through
 * the API a security administrator could otherwise take over the auditor. Whoever resets,
 * the account's owner is told in their inbox, seen at their next sign-in.
 */

/** Holds one of the three separated administrator roles. */
export const isPrivileged = (grants: readonly Grant[]) =>
  grants.some((g) => EXCLUSIVE_ROLES.includes(g.role));

export const privilegedResetRefused = () =>
  new AppError(
    'PRIVILEGED_RESET_CLI_ONLY',
    'forbidden',
    {
      zh: '系统管理员、安全管理员和审计员的密码不能在此重置（三权分立）：请由服务器运维人员在服务器上执行 gongfu reset-password --username 用户名',
      en: 'The password of a system administrator, security administrator or auditor cannot be reset here (separation of duties): run gongfu reset-password --username NAME on the server',
    },
    'id',
  );

/**
 * An administrator role may not be granted to an account whose password an administrator
 * set and its owner has not changed since: that would make a reset of an ordinary account,
 * followed by a grant, a way around the rule above.
 */
export const privilegedGrantRefused = () =>
  new AppError(
    'PRIVILEGED_GRANT_AFTER_RESET',
    'forbidden',
    {
      zh: '该账号的密码由管理员重置后尚未由本人修改，不能授予系统管理员、安全管理员或审计员角色：请账号本人先修改密码',
      en: 'An administrator reset this account’s password and its owner has not changed it since, so it cannot be given the system administrator, security administrator or auditor role: ask the owner to change their password first',
    },
    'grants',
  );

/** Shanghai wall-clock time, e.g. 2026-03-02 09:00 (UTC+8, no daylight saving). */
const shanghaiTime = shanghaiDateTime;

/**
 * Sets the new password (marked as set by an administrator), lifts any lockout, ends every
 * session, tells the owner and audits it, inside the caller's transaction.
 */
export async function applyPasswordReset(
  s: PlatformServices,
  tx: Db,
  audit: AuditFn,
  user: { id: string; username: string },
  hash: string,
  by: Bilingual,
): Promise<{ sessionsRevoked: number }> {
  const now = s.clock.now();
  const failure = await findSignInFailure(tx, user.username);
  await setPasswordHash(tx, user.id, hash, now, true);
  await clearSignInFailures(tx, user.username);
  const sessionsRevoked = await revokeUserSessions(tx, user.id, now);
  const when = shanghaiTime(now);
  await notify(tx, {
    userIds: [user.id],
    kind: 'account.password_reset',
    title: { zh: '您的密码已被重置', en: 'Your password was reset' },
    body: {
      zh: `您的密码已于 ${when}（北京时间）由${by.zh}重置。如非您本人申请，请立即联系安全管理员，并请审计员核查审计日志；请在右上角「修改密码」中设置只有您知道的新密码。`,
      en: `Your password was reset at ${when} (Beijing time) by ${by.en}. If you did not ask for this, contact the security administrator at once and have the auditor check the audit log; set a new password only you know under "Change password" at the top right.`,
    },
    link: null,
    dedupeKey: `password-reset:${now.toISOString()}`,
    at: now,
  });
  await audit({
    action: 'user.reset_password',
    entityType: 'user',
    entityId: user.id,
    before: {
      failedAttempts: failure?.failed_attempts ?? 0,
      lockedUntil: failure?.locked_until?.toISOString() ?? null,
    },
    after: { passwordReset: true, failedAttempts: 0, lockedUntil: null, sessionsRevoked },
  });
  return { sessionsRevoked };
}

/** `gongfu reset-password`: any account, by name, by whoever runs the command on the server. */
export async function resetPasswordFromServer(
  s: PlatformServices,
  ctx: RequestContext,
  rawUsername: string,
  password: string,
): Promise<{ userId: string; username: string; privileged: boolean; sessionsRevoked: number }> {
  const username = rawUsername.trim().toLowerCase();
  const found = await findUserByUsername(s.db, username);
  if (!found) {
    throw invalid(
      'username',
      { zh: `没有用户名为「${username}」的账号`, en: `No account has the username "${username}"` },
      'USER_NOT_FOUND',
    );
  }
  checkPasswordPolicy(password, 'password');
  const hash = await hashPassword(password);
  return s.write(ctx, async (tx, audit) => {
    const user = await lockUserRow(tx, found.id);
    if (!user) throw new Error(`account ${found.id} vanished`);
    const privileged = isPrivileged(await loadGrants(tx, user.id));
    const r = await applyPasswordReset(s, tx, audit, user, hash, {
      zh: '服务器运维人员（gongfu reset-password 命令）',
      en: 'the server operator (gongfu reset-password)',
    });
    return { userId: user.id, username: user.username, privileged, ...r };
  });
}
