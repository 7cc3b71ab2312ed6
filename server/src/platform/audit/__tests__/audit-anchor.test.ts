import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { systemContext } from '../../accounts/create-user.ts';
import { anchorAuditHead, parseAnchors, readAnchors, startAuditAnchoring } from '../audit-anchor.ts';
import { describeIntegrity, verifyAuditChain, verifyAuditIntegrity } from '../audit-verify.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongfu-anchors-'));
/** The server's anchor file (config); each suite starts it empty. */
const anchorFile = join(dir, 'audit-anchors.log');

describeEachDb(
  'audit anchors outside the database',
  (env) => {
    const db = () => env().services.db;
    const write = (n: number, tag: string) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          env().services.write(systemContext('anchor-test'), (_tx, audit) =>
            audit({ action: 'test.anchor', entityType: 'test', entityId: `${tag}-${i}` }),
          ),
        ),
      );
    const seqs = async () =>
      (await sql<{ seq: number }>`select seq from audit_log order by seq`.execute(db())).rows.map(
        (r) => r.seq,
      );
    /** Deletes entries as an owner of the database can, keeping them to put back. */
    const removeSaved = async (where: ReturnType<typeof sql>) => {
      await sql`create table audit_log_saved as select * from audit_log where ${where}`.execute(db());
      await db()
        .transaction()
        .execute(async (tx) => {
          await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(tx);
          await sql`delete from audit_log where ${where}`.execute(tx);
          await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(tx);
        });
    };
    const restoreSaved = async () => {
      await sql`insert into audit_log select * from audit_log_saved`.execute(db());
      await sql`drop table audit_log_saved`.execute(db());
    };
    const deleteSeq = (seq: number) =>
      db()
        .transaction()
        .execute(async (tx) => {
          await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(tx);
          await sql`delete from audit_log where seq = ${seq}`.execute(tx);
          await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(tx);
        });

    it('numbers entries 1, 2, 3 … without gaps, even when a transaction that wrote one rolls back', async () => {
      writeFileSync(anchorFile, '');
      await env().userWith('auditor', {}, 'anchor.auditor');
      await expect(
        env().services.write(systemContext('rollback'), async (_tx, audit) => {
          await audit({ action: 'test.rolled_back' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await write(3, 'numbered');
      const all = await seqs();
      expect(all).toEqual(all.map((_, i) => i + 1));
      expect((await verifyAuditIntegrity(db(), [])).ok).toBe(true);
    });

    it('anchors the head at start, on each tick while it moves, and a last time at stop', async () => {
      const file = join(dir, `ticks-${env().kind}.log`);
      const logged: object[] = [];
      let tick = () => {};
      let cancelled = false;
      const anchoring = startAuditAnchoring({
        db: db(),
        file,
        clock: env().clock,
        intervalMs: 60_000,
        log: { info: (o) => logged.push(o), error: () => {} },
        every: (ms, fn) => {
          expect(ms).toBe(60_000);
          tick = fn;
          return { cancel: () => (cancelled = true) };
        },
      });
      const first = await anchoring.anchorNow(); // queued behind the start-up anchor: nothing new
      expect(first).toBeNull();
      const [start] = await readAnchors(file);
      const head = (await seqs()).at(-1)!;
      expect(start).toMatchObject({ seq: head, at: env().clock.now().toISOString() });

      await write(2, 'tick');
      env().clock.advance(60_000);
      tick();
      const moved = await anchoring.anchorNow(); // after the tick's anchor: unchanged again
      expect(moved).toBeNull();
      expect((await readAnchors(file)).map((a) => a.seq)).toEqual([head, head + 2]);

      await write(1, 'stop');
      const last = await anchoring.stop();
      expect(cancelled).toBe(true);
      expect(last?.seq).toBe(head + 3);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(JSON.parse(lines[2]!)).toEqual({ seq: head + 3, hash: last!.hash, at: last!.at });
      // the same anchors went to the server's log, which a collector keeps: they read back alike
      expect(logged).toHaveLength(3);
      expect(parseAnchors(logged.map((o) => JSON.stringify({ level: 30, ...o })).join('\n'))).toEqual(
        await readAnchors(file),
      );
    });

    it('names the newest entries missing when they are deleted behind the application’s back', async () => {
      const cookie = env().cookieOf(await env().login('anchor.auditor'));
      await write(5, 'tail');
      const anchor = await anchorAuditHead(db(), anchorFile, env().clock);
      const head = anchor!.seq;
      await removeSaved(sql`seq > ${head - 3}`);

      // the chain alone still links: this is what went undetected
      expect((await verifyAuditChain(db())).ok).toBe(true);
      const r = await verifyAuditIntegrity(db(), await readAnchors(anchorFile));
      expect(r).toMatchObject({
        ok: false,
        headSeq: head - 3,
        anchorProblems: [{ kind: 'missing', from: head - 2, to: head, anchoredAt: anchor!.at }],
      });
      expect(describeIntegrity(r)[0]!.en).toContain(`entries ${head - 2}..${head} missing`);

      // the auditor's verify button reads the server's anchors too
      const res = await env().app.inject({
        url: '/api/audit/verify',
        headers: { cookie, 'accept-language': 'en' },
      });
      expect(res.json()).toMatchObject({ ok: false });
      expect(res.json().reason).toContain(`entries ${head - 2}..${head} missing`);
      // the check was logged after the cut, as entry head-2: take it out and put the tail back
      await deleteSeq(head - 2);
      await restoreSaved();
      expect(await verifyAuditIntegrity(db(), await readAnchors(anchorFile))).toMatchObject({
        ok: true,
        anchorsChecked: 1,
      });
    });

    it('reports a gap in the sequence numbers', async () => {
      await write(4, 'gap');
      const all = await seqs();
      const victim = all[all.length - 3]!;
      await removeSaved(sql`seq = ${victim}`);
      const r = await verifyAuditIntegrity(db(), await readAnchors(anchorFile));
      expect(r.ok).toBe(false);
      expect(r.sequence).toEqual([{ kind: 'gap', from: victim, to: victim }]);
      expect(describeIntegrity(r).map((l) => l.en)).toContain(
        `sequence gap: entries ${victim}..${victim} missing`,
      );
      await restoreSaved();
      expect((await verifyAuditIntegrity(db(), await readAnchors(anchorFile))).ok).toBe(true);
    });

    it('names the entries replaced when the tail is cut and new entries written after it', async () => {
      const good = await anchorAuditHead(db(), anchorFile, env().clock);
      await write(3, 'replaced');
      const anchored = await anchorAuditHead(db(), anchorFile, env().clock);
      await removeSaved(sql`seq > ${good!.seq}`);
      await sql`drop table audit_log_saved`.execute(db());
      await write(4, 'forged'); // the log grows past the anchored number again, with other entries
      const r = await verifyAuditIntegrity(db(), await readAnchors(anchorFile));
      expect(r.chain.ok).toBe(true);
      expect(r.sequence).toEqual([]);
      expect(r.anchorProblems).toEqual([
        { kind: 'differs', from: good!.seq + 1, seq: anchored!.seq, anchoredAt: anchored!.at },
      ]);
      expect(describeIntegrity(r)[0]!.en).toContain(
        `entries ${good!.seq + 1}..${anchored!.seq} were removed or replaced`,
      );
    });
  },
  { config: { auditAnchors: { file: anchorFile, intervalSeconds: 60 } } },
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));
