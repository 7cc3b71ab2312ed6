import type { AuditFn, RequestContext } from '../audit/audit.service.ts';
import { AppError, unauthenticated } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { checkPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './password.ts';
import type { Principal } from './principal.ts';
import {
  findSessionWithUser,
  insertSession,
  revokeSession,
  revokeUserSessions,
  touchSession,
} from './session.repo.ts';
import { newSessionToken, sessionIdOf } from './session-token.ts';
import { clearSignInFailures, findSignInFailure, recordSignInFailure } from './sign-in-failure.repo.ts';
import { findUserById, findUserByUsername, setPasswordHash, toGrant } from './user.repo.ts';

/**
 * One answer for a wrong password, an unknown username and a disabled account alike, always
 * with the countdown: sign-in never tells who exists (issue 9).
 */
const badCredentials = (left: number) =>
  new AppError('INVALID_CREDENTIALS', 'unauthenticated', {
    zh: `用户名或密码错误，再错 ${left} 次将锁定账号`,
    en: `Wrong username or password; ${left} more failures will lock the account`,
  });

const wrongCurrentPassword = (left: number) =>
  new AppError(
    'WRONG_CURRENT_PASSWORD',
    'invalid',
    {
      zh: `当前密码不正确，再错 ${left} 次将锁定账号并退出登录`,
      en: `The current password is wrong; ${left} more failures will lock the account and sign you out`,
    },
    'currentPassword',
  );

const lockedError = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', 'locked', {
    zh: `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
    en: `Too many failed sign-ins; the account is locked. Try again in ${minutes} minutes`,
  });
};

/** Who an audit entry about a sign-in names: the account when one exists, else the name tried. */
type Actor = { actorName: string; actorId?: string; entityType?: string; entityId?: string };

export interface LoginResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

export function makeAuthService(s: PlatformServices) {
  const sec = s.config.security;

  // the first unknown-user check must not pay for hashing the dummy (timing)
  dummyHash().catch(() => {});

  const isLocked = (f: { locked_until: Date | null } | undefined, now: Date): f is { locked_until: Date } =>
    f?.locked_until != null && f.locked_until > now;

  /**
   * Counts a failure against the name, audits it (as `auth.lockout` when it locks) and runs
   * `onLock` in the same transaction when it does; returns how many tries are left, or the lock.
   */
  async function countFailure(
    ctx: RequestContext,
    username: string,
    e: { actor: Actor; action: string; reason: string },
    onLock?: (tx: PlatformServices['db'], audit: AuditFn) => Promise<object>,
  ): Promise<{ lockedUntil: Date } | { left: number }> {
    const now = s.clock.now();
    const lockUntil = new Date(now.getTime() + sec.lockoutMinutes * 60_000);
    return s.write(ctx, async (tx, audit) => {
      const r = await recordSignInFailure(tx, username, sec.lockoutAttempts, lockUntil, now);
      const locked = isLocked(r, now);
      const extra = locked && onLock ? await onLock(tx, audit) : {};
      await audit({
        ...e.actor,
        action: locked ? 'auth.lockout' : e.action,
        outcome: 'failed',
        after: { reason: e.reason, ...extra },
      });
      return locked
        ? { lockedUntil: r.locked_until as Date }
        : { left: sec.lockoutAttempts - r.failed_attempts };
    });
  }

  /**
   * Unknown names, wrong passwords and disabled accounts take the same path: one argon2
   * verification, one counted failure, the same answer.
   */
  async function login(
    ctx: RequestContext,
    rawUsername: string,
    password: string,
    userAgent: string | null,
  ): Promise<LoginResult> {
    const username = rawUsername.trim().toLowerCase();
    const now = s.clock.now();
    const failure = await findSignInFailure(s.db, username);
    const user = await findUserByUsername(s.db, username);
    const actor: Actor = user
      ? { actorId: user.id, actorName: user.username, entityType: 'user', entityId: user.id }
      : { actorName: username };
    if (isLocked(failure, now)) {
      await s.write(ctx, (_tx, audit) =>
        audit({ ...actor, action: 'auth.login', outcome: 'failed', after: { reason: 'locked' } }),
      );
      throw lockedError(failure.locked_until, now);
    }
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
    if (!ok || !user || user.status !== 'active') {
      const reason = !user ? 'unknown user' : !ok ? 'wrong password' : 'disabled';
      const r = await countFailure(ctx, username, { actor, action: 'auth.login', reason });
      throw 'lockedUntil' in r ? lockedError(r.lockedUntil, now) : badCredentials(r.left);
    }
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + sec.sessionAbsoluteHours * 3_600_000);
    await s.write(ctx, async (tx, audit) => {
      await clearSignInFailures(tx, user.username);
      await insertSession(tx, {
        id: sessionIdOf(token),
        userId: user.id,
        now,
        expiresAt,
        ip: ctx.ip,
        userAgent,
      });
      await audit({ ...actor, action: 'auth.login' });
    });
    return { token, userId: user.id, expiresAt };
  }

  /** Resolves a cookie token to a principal, or the reason it cannot. Touches the idle timer. */
  async function authenticate(token: string): Promise<{ principal: Principal } | { expired: boolean }> {
    const id = sessionIdOf(token);
    const row = await findSessionWithUser(s.db, id);
    if (!row || row.revoked_at || row.status !== 'active') return { expired: false };
    const now = s.clock.now();
    const idleLimit = row.last_seen_at.getTime() + sec.sessionIdleMinutes * 60_000;
    if (now >= row.expires_at || now.getTime() >= idleLimit) {
      await revokeSession(s.db, id, now);
      return { expired: true };
    }
    if (now.getTime() - row.last_seen_at.getTime() > 30_000) await touchSession(s.db, id, now);
    const grants = row.grants.map(toGrant);
    return {
      principal: {
        userId: row.user_id,
        username: row.username,
        displayName: row.display_name,
        sessionId: id,
        grants,
        permissions: s.access.permissionsOf(grants),
      },
    };
  }

  async function logout(ctx: RequestContext): Promise<void> {
    const p = ctx.principal;
    if (!p) return;
    await s.write(ctx, async (tx, audit) => {
      await revokeSession(tx, p.sessionId, s.clock.now());
      await audit({ action: 'auth.logout', entityType: 'user', entityId: p.userId });
    });
  }

  /**
   * A wrong current password counts like a failed sign-in: at the limit the account locks and
   * every session of it ends, this one too (issue 9).
   */
  async function changePassword(ctx: RequestContext, current: string, next: string): Promise<void> {
    const p = ctx.principal;
    if (!p) throw unauthenticated();
    const now = s.clock.now();
    const failure = await findSignInFailure(s.db, p.username);
    if (isLocked(failure, now)) throw lockedError(failure.locked_until, now);
    const user = await findUserById(s.db, p.userId);
    if (!user || !(await verifyPassword(user.password_hash, current))) {
      const actor = { actorName: p.username, entityType: 'user', entityId: p.userId };
      const r = await countFailure(
        ctx,
        p.username,
        { actor, action: 'auth.password_change', reason: 'wrong current password' },
        async (tx) => ({ sessionsRevoked: await revokeUserSessions(tx, p.userId, s.clock.now()) }),
      );
      throw 'lockedUntil' in r ? lockedError(r.lockedUntil, now) : wrongCurrentPassword(r.left);
    }
    checkPasswordPolicy(next, 'newPassword');
    const hash = await hashPassword(next);
    await s.write(ctx, async (tx, audit) => {
      const now = s.clock.now();
      await setPasswordHash(tx, p.userId, hash, now, false);
      await clearSignInFailures(tx, p.username);
      await revokeUserSessions(tx, p.userId, now, p.sessionId);
      await audit({ action: 'auth.password_change', entityType: 'user', entityId: p.userId });
    });
  }

  return { login, authenticate, logout, changePassword };
}

export type AuthService = ReturnType<typeof makeAuthService>;
