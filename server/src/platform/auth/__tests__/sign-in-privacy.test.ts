import { sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import { describeEachDb, TEST_PASSWORD } from '../../../test/harness.ts';
import { defaultSecurity } from '../../config.ts';

/** Counts argon2 verifications, to show every name costs the same work. */
const verifications = vi.hoisted(() => ({ n: 0 }));
vi.mock('../password.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../password.ts')>();
  return {
    ...real,
    verifyPassword: (hash: string, password: string) => {
      verifications.n++;
      return real.verifyPassword(hash, password);
    },
  };
});

describeEachDb(
  'sign-in does not tell who exists; wrong current passwords count',
  (env) => {
    const attempt = (username: string, password: string, lang = 'zh-CN') =>
      env().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': lang },
        payload: { username, password },
      });
    const answer = (r: { statusCode: number; json(): unknown }) => ({ status: r.statusCode, body: r.json() });
    const disable = (username: string) =>
      sql`update users set status = 'disabled' where username = ${username}`.execute(env().services.db);

    it('answers an unknown name exactly as a wrong password, countdown included, and locks it alike', async () => {
      await env().userWith('staff', { regionCode: '330523' }, 'real.person');
      for (let i = 1; i <= 5; i++) {
        const lang = i % 2 ? 'zh-CN' : 'en';
        const known = answer(await attempt('real.person', 'wrong-password-1', lang));
        const unknown = answer(await attempt('no.such.person', 'wrong-password-1', lang));
        expect(unknown).toEqual(known);
        if (i < 5) {
          expect(known).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
          expect((known.body as { message: string }).message).toContain(
            lang === 'en' ? `${5 - i} more failures` : `再错 ${5 - i} 次`,
          );
        } else {
          expect(known).toMatchObject({ status: 423, body: { code: 'ACCOUNT_LOCKED' } });
        }
      }
      // locked both: the right password of the real account changes nothing
      expect(answer(await attempt('real.person', TEST_PASSWORD))).toEqual(
        answer(await attempt('no.such.person', TEST_PASSWORD)),
      );
      env().clock.advance(10 * 60_000 + 1000);
      expect((await attempt('real.person', TEST_PASSWORD)).statusCode).toBe(200);
      // the auditor still sees what happened
      const reasons = await sql<{ reason: string }>`
        select after->>'reason' as reason from audit_log where actor_name = 'no.such.person' order by id`.execute(
        env().services.db,
      );
      expect(reasons.rows.map((r) => r.reason)).toEqual([
        'unknown user',
        'unknown user',
        'unknown user',
        'unknown user',
        'unknown user',
        'locked',
      ]);
    });

    it('answers a disabled account’s right password as a wrong password, and counts it', async () => {
      await env().userWith('staff', { regionCode: '330523' }, 'gone.person');
      await env().userWith('staff', { regionCode: '330523' }, 'other.person');
      await disable('gone.person');
      const disabled = answer(await attempt('gone.person', TEST_PASSWORD));
      const wrong = answer(await attempt('other.person', 'wrong-password-1'));
      expect(disabled).toEqual(wrong);
      expect(disabled).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
      expect(answer(await attempt('gone.person', 'wrong-password-1'))).toEqual(
        answer(await attempt('other.person', 'wrong-password-1')),
      );
    });

    it('does the same work for unknown, disabled and real names: one argon2 verification each', async () => {
      await env().userWith('staff', { regionCode: '330523' }, 'timed.person');
      const cost = async (username: string, password: string) => {
        const before = verifications.n;
        await attempt(username, password);
        return verifications.n - before;
      };
      expect(await cost('timed.person', 'wrong-password-1')).toBe(1);
      expect(await cost('never.existed', 'wrong-password-1')).toBe(1);
      expect(await cost('gone.person', TEST_PASSWORD)).toBe(1);
      expect(await cost('timed.person', TEST_PASSWORD)).toBe(1);
    });

    it('counts wrong current passwords on POST /api/auth/password like failed sign-ins: locks and signs out', async () => {
      const cookie = await env().userWith('staff', { regionCode: '330523' }, 'pw.guesser');
      const change = (currentPassword: string) =>
        env().app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: { cookie },
          payload: { currentPassword, newPassword: 'Brand-new-2026' },
        });
      // one failed sign-in elsewhere: the same count
      expect((await attempt('pw.guesser', 'wrong-password-1')).statusCode).toBe(401);
      for (let left = 3; left >= 1; left--) {
        const r = await change(`guess-${left}`);
        expect(r.statusCode).toBe(400);
        expect(r.json()).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD', field: 'currentPassword' });
        expect(r.json().message).toContain(`再错 ${left} 次`);
      }
      const last = await change('guess-0');
      expect(last.statusCode).toBe(423);
      expect(last.json().code).toBe('ACCOUNT_LOCKED');
      // the session ended with the lock, and the account is locked for sign-in too
      expect((await env().app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
      expect((await attempt('pw.guesser', TEST_PASSWORD)).statusCode).toBe(423);
      const lockout = await sql<{ after: { reason: string; sessionsRevoked: number } }>`
        select after from audit_log where action = 'auth.lockout' and actor_name = 'pw.guesser'`.execute(
        env().services.db,
      );
      expect(lockout.rows).toEqual([{ after: { reason: 'wrong current password', sessionsRevoked: 1 } }]);
      const failed = await sql<{ n: number }>`
        select count(*)::int as n from audit_log
        where action = 'auth.password_change' and outcome = 'failed' and actor_name = 'pw.guesser'`.execute(
        env().services.db,
      );
      expect(failed.rows[0]?.n).toBe(3);
      env().clock.advance(10 * 60_000 + 1000);
      const again = env().cookieOf(await attempt('pw.guesser', TEST_PASSWORD));
      const ok = await env().app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie: again },
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-2026' },
      });
      expect(ok.statusCode).toBe(200);
    });
  },
  { config: { security: { ...defaultSecurity, loginRateLimitPerMinute: 1000 } } },
);
