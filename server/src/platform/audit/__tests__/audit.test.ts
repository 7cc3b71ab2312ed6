import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { systemContext } from '../../accounts/create-user.ts';
import { defaultSecurity } from '../../config.ts';
import { verifyAuditChain } from '../audit-verify.ts';

interface Entry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  after: unknown;
  requestId: string | null;
  outcome: string;
  hash: string;
}

describeEachDb(
  'audit log: append-only, tamper-evident, searchable by the auditor',
  (env) => {
    const db = () => env().services.db;
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db())).rows[0]!.n;
    const auditor = () => env().userWith('auditor', {}, `auditor.${Math.random().toString(36).slice(2, 8)}`);
    const get = (url: string, cookie: string) => env().app.inject({ url, headers: { cookie } });
    const search = async (cookie: string, query: string) => {
      const r = await get(`/api/audit?${query}`, cookie);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: Entry[]; total: number; page: number; pageSize: number };
    };
    /** Changes the log behind the application's back, as an attacker with database access would. */
    const tamper = (statement: ReturnType<typeof sql>) =>
      db()
        .transaction()
        .execute(async (tx) => {
          await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(tx);
          await statement.execute(tx);
          await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(tx);
        });

    it('is append-only: the database itself refuses UPDATE, DELETE and TRUNCATE', async () => {
      await env().userWith('staff', { regionCode: '330523' }, 'seed.staff');
      const before = await count();
      expect(before).toBeGreaterThan(1);
      await expect(sql`update audit_log set action = 'forged'`.execute(db())).rejects.toThrow(/append-only/);
      await expect(sql`update audit_log set after = '{}'::jsonb where id = 1`.execute(db())).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from audit_log`.execute(db())).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
      expect(await count()).toBe(before);
    });

    it('verifies an intact chain, and records that it was verified', async () => {
      const cookie = await auditor();
      const n = await count();
      const res = await get('/api/audit/verify', cookie);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true, entries: n });
      const entry = (await search(cookie, 'action=audit.verify')).items[0];
      expect(entry).toMatchObject({ action: 'audit.verify', outcome: 'ok', after: { ok: true, entries: n } });
    });

    it('keeps one unbroken chain when 40 writers append at the same time', async () => {
      const start = await verifyAuditChain(db());
      expect(start.ok).toBe(true);
      const backends = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          env().services.write(systemContext('concurrency-test'), async (tx, audit) => {
            const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
            await audit({ action: 'test.concurrent', entityType: 'test', entityId: String(i), after: { i } });
            return pid.rows[0]?.pid;
          }),
        ),
      );
      // on PostgreSQL the writers really ran on separate connections of the pool
      if (env().kind === 'postgres') expect(new Set(backends).size).toBeGreaterThan(1);
      const end = await verifyAuditChain(db());
      expect(end).toMatchObject({ ok: true, entries: start.entries + 40 });
      const shared = await sql<{ prev_hash: string }>`
        select prev_hash from audit_log group by prev_hash having count(*) > 1`.execute(db());
      expect(shared.rows).toEqual([]);
      const written = await sql<{ n: number }>`
        select count(distinct entity_id)::int as n from audit_log where action = 'test.concurrent'`.execute(
        db(),
      );
      expect(written.rows[0]?.n).toBe(40);
    });

    it('searches by actor, action prefix, outcome and Asia/Shanghai dates, newest first, with paging', async () => {
      // 23:30 on 2 March in Shanghai (15:30 UTC), then 00:30 on 3 March (16:30 UTC): one UTC day, two local days
      env().clock.set(new Date('2026-03-02T15:30:00Z'));
      await env().userWith('staff', { regionCode: '330681' }, 'late.clerk');
      env().clock.set(new Date('2026-03-02T16:30:00Z'));
      expect((await env().login('late.clerk')).statusCode).toBe(200);
      const cookie = await auditor();

      const all = await search(cookie, 'actor=clerk&action=auth.login');
      expect(all.total).toBe(2);
      expect(all.items.map((e) => e.at)).toEqual(['2026-03-02T16:30:00.000Z', '2026-03-02T15:30:00.000Z']);
      expect(all.items[0]!.id).toBeGreaterThan(all.items[1]!.id);
      expect(all.items[0]).toMatchObject({
        actorName: 'late.clerk',
        action: 'auth.login',
        outcome: 'ok',
        entityType: 'user',
      });
      expect(all.items[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(all.items[0]!.requestId).toBeTruthy();

      const march2 = await search(cookie, 'actor=late.clerk&action=auth.login&from=2026-03-02&to=2026-03-02');
      expect(march2.items.map((e) => e.at)).toEqual(['2026-03-02T15:30:00.000Z']);
      const march3 = await search(cookie, 'actor=late.clerk&action=auth.login&from=2026-03-03');
      expect(march3.items.map((e) => e.at)).toEqual(['2026-03-02T16:30:00.000Z']);

      const prefix = await search(cookie, 'actor=late.clerk&action=auth.');
      expect(prefix.items.every((e) => e.action.startsWith('auth.'))).toBe(true);
      const created = await search(cookie, 'action=user.create&entityType=user');
      expect(created.items.map((e) => (e.after as { username: string }).username)).toContain('late.clerk');
      const byId = await search(cookie, `entityType=user&entityId=${all.items[0]!.entityId}`);
      expect(byId.items.every((e) => e.entityId === all.items[0]!.entityId)).toBe(true);

      await env().login('late.clerk', 'wrong-password-1');
      const failed = await search(cookie, 'actor=late.clerk&outcome=failed');
      expect(failed.items).toHaveLength(1);
      expect(failed.items[0]).toMatchObject({ action: 'auth.login', outcome: 'failed' });

      const page2 = await search(cookie, 'pageSize=3&page=2');
      expect(page2).toMatchObject({ page: 2, pageSize: 3 });
      expect(page2.items).toHaveLength(3);
      expect(page2.total).toBe(await count());
      expect((await search(cookie, 'actor=%25')).total).toBe(0);

      const badDate = await get('/api/audit?from=2026-02-30', cookie);
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().field).toBe('from');
      const backwards = await get('/api/audit?from=2026-03-03&to=2026-03-02', cookie);
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().field).toBe('to');
    });

    it('refuses the log to everyone but the auditor, and logs each refusal as access.denied', async () => {
      for (const role of ['sysadmin', 'secadmin', 'staff', 'leader'] as const) {
        const username = `nosy.${role}`;
        const cookie = await env().userWith(
          role,
          role === 'staff' || role === 'leader' ? { regionCode: '330523' } : {},
          username,
        );
        expect((await get('/api/audit', cookie)).statusCode, role).toBe(403);
        expect((await get('/api/audit/verify', cookie)).statusCode, role).toBe(403);
        const menu = await get('/api/menu', cookie);
        expect(menu.json().map((m: { path: string }) => m.path)).not.toContain('/audit');
      }
      expect((await env().app.inject({ url: '/api/audit' })).statusCode).toBe(401);
      const cookie = await auditor();
      const denied = await search(cookie, 'action=access.denied&actor=nosy.');
      expect(denied.total).toBe(8);
      expect(denied.items).toContainEqual(
        expect.objectContaining({
          actorName: 'nosy.staff',
          outcome: 'denied',
          entityType: 'route',
          entityId: 'GET /api/audit',
        }),
      );
      const menu = await get('/api/menu', cookie);
      expect(menu.json()).toContainEqual(expect.objectContaining({ path: '/audit', label: '审计日志' }));
    });

    it('detects an entry whose content was changed behind its back (after or action)', async () => {
      const cookie = await auditor();
      const target = (
        await sql<{ id: number; after: string; action: string }>`
          select id, after::text as after, action from audit_log where action = 'user.create' order by id limit 1`.execute(
          db(),
        )
      ).rows[0]!;

      await tamper(sql`update audit_log set after = '{"username":"forged"}'::jsonb where id = ${target.id}`);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenId: target.id, kind: 'content' });
      const res = await get('/api/audit/verify', cookie);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: false, brokenId: target.id });
      expect(res.json().reason).toContain('篡改');
      const logged = (await search(cookie, 'action=audit.verify&outcome=failed')).items[0];
      expect(logged?.after).toMatchObject({ ok: false, brokenId: target.id });

      // put it back: the chain verifies again
      await tamper(sql`update audit_log set after = ${target.after}::jsonb where id = ${target.id}`);
      expect((await verifyAuditChain(db())).ok).toBe(true);

      await tamper(sql`update audit_log set action = 'user.read' where id = ${target.id}`);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenId: target.id });
      await tamper(sql`update audit_log set action = ${target.action} where id = ${target.id}`);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });

    it('detects a deleted entry in the middle: the next entry no longer links', async () => {
      const ids = (await sql<{ id: number }>`select id from audit_log order by id`.execute(db())).rows.map(
        (r) => r.id,
      );
      const victim = ids[Math.floor(ids.length / 2)]!;
      const next = ids[ids.indexOf(victim) + 1]!;
      await sql`create table audit_log_saved as select * from audit_log where id = ${victim}`.execute(db());
      await tamper(sql`delete from audit_log where id = ${victim}`);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenId: next, kind: 'link' });
      const res = await get('/api/audit/verify', await auditor());
      expect(res.json()).toMatchObject({ ok: false, brokenId: next });

      await sql`insert into audit_log select * from audit_log_saved`.execute(db());
      await sql`drop table audit_log_saved`.execute(db());
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });
  },
  { config: { security: { ...defaultSecurity, loginRateLimitPerMinute: 1000 } } },
);
