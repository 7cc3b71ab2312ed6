import type { RequestContext } from '../audit/audit.service.ts';
import { AppError } from '../http/errors.ts';
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
import {
  clearFailedLogins,
  findUserById,
  findUserByUsername,
  loadGrants,
  recordFailedLogin,
  setPasswordHash,
} from './user.repo.ts';

const badCredentials = (left: number | null) =>
  new AppError('INVALID_CREDENTIALS', 'unauthenticated', {
    zh: `用户名或密码错误${left !== null ? `，再错 ${left} 次将锁定账号` : ''}`,
    en: `Wrong username or password${left !== null ? `; ${left} more failures will lock the account` : ''}`,
  });

const lockedError = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', 'locked', {
    zh: `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
    en: `Too many failed sign-ins; the account is locked. Try again in ${minutes} minutes`,
  });
};

const disabledError = () =>
  new AppError('ACCOUNT_DISABLED', 'forbidden', {
    zh: '账号已停用，请联系安全管理员',
    en: 'This account is disabled; contact the security administrator',
  });

export interface LoginResult {
  token: string;
  userId: string;
  expiresAt: Date;
}

export function makeAuthService(s: PlatformServices) {
  const sec = s.config.security;

  async function login(
    ctx: RequestContext,
    username: string,
    password: string,
    userAgent: string | null,
  ): Promise<LoginResult> {
    const now = s.clock.now();
    const user = await findUserByUsername(s.db, username);
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      await s.write(ctx, (_tx, audit) =>
        audit({
          action: 'auth.login',
          outcome: 'failed',
          actorName: username,
          after: { reason: 'unknown user' },
        }),
      );
      throw badCredentials(null);
    }
    const actor = { actorId: user.id, actorName: user.username, entityType: 'user', entityId: user.id };
    if (user.locked_until && user.locked_until > now) {
      await s.write(ctx, (_tx, audit) =>
        audit({ ...actor, action: 'auth.login', outcome: 'failed', after: { reason: 'locked' } }),
      );
      throw lockedError(user.locked_until, now);
    }
    const ok = await verifyPassword(user.password_hash, password);
    if (!ok) {
      const lockUntil = new Date(now.getTime() + sec.lockoutMinutes * 60_000);
      const r = await s.write(ctx, async (tx, audit) => {
        const r = await recordFailedLogin(tx, user.id, sec.lockoutAttempts, lockUntil);
        const locked = r.locked_until !== null && r.locked_until > now;
        await audit({
          ...actor,
          action: locked ? 'auth.lockout' : 'auth.login',
          outcome: 'failed',
          after: { reason: 'wrong password' },
        });
        return { locked };
      });
      if (r.locked) throw lockedError(lockUntil, now);
      const fresh = await findUserById(s.db, user.id);
      throw badCredentials(sec.lockoutAttempts - (fresh?.failed_attempts ?? 0));
    }
    if (user.status !== 'active') {
      await s.write(ctx, (_tx, audit) =>
        audit({ ...actor, action: 'auth.login', outcome: 'denied', after: { reason: 'disabled' } }),
      );
      throw disabledError();
    }
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + sec.sessionAbsoluteHours * 3_600_000);
    await s.write(ctx, async (tx, audit) => {
      await clearFailedLogins(tx, user.id);
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
    const grants = await loadGrants(s.db, row.user_id);
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

  async function changePassword(ctx: RequestContext, current: string, next: string): Promise<void> {
    const p = ctx.principal;
    if (!p) throw badCredentials(null);
    const user = await findUserById(s.db, p.userId);
    if (!user || !(await verifyPassword(user.password_hash, current))) {
      throw new AppError(
        'WRONG_CURRENT_PASSWORD',
        'invalid',
        { zh: '当前密码不正确', en: 'The current password is wrong' },
        'currentPassword',
      );
    }
    checkPasswordPolicy(next, 'newPassword');
    const hash = await hashPassword(next);
    await s.write(ctx, async (tx, audit) => {
      const now = s.clock.now();
      await setPasswordHash(tx, p.userId, hash, now);
      await revokeUserSessions(tx, p.userId, now, p.sessionId);
      await audit({ action: 'auth.password_change', entityType: 'user', entityId: p.userId });
    });
  }

  return { login, authenticate, logout, changePassword };
}

export type AuthService = ReturnType<typeof makeAuthService>;
