import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/database.ts';
import { createPgDatabase, TEST_BACKENDS } from '../../test/harness.ts';

const BIN = fileURLToPath(new URL('../../../bin/gongfu.mjs', import.meta.url));

/** The real `gongfu` command in a child process, against a real database. */
for (const kind of TEST_BACKENDS) {
  describe(`gongfu command line [${kind}]`, () => {
    let dataDir: string;
    let databaseUrl: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], {
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...process.env,
          GONGFU_DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl ?? '',
          GONGFU_MASTER_KEY: 'c'.repeat(64),
          GONGFU_ADMIN_PASSWORD: 'Admin-pass-2026',
          NODE_ENV: 'development',
        },
      });
    const open = () => openDatabase({ databaseUrl, dataDir });

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'gongfu-cli-'));
      if (kind === 'postgres') {
        const pg = await createPgDatabase();
        databaseUrl = pg.url;
        drop = pg.drop;
      }
    });
    afterAll(async () => {
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** Several commands in a row: on a loaded machine each start takes seconds. */
    const SLOW = 300_000;

    it('migrates, creates an administrator, and verifies the audit chain', { timeout: SLOW }, () => {
      const migrate = run('migrate');
      expect(migrate.status, migrate.stderr).toBe(0);
      expect(migrate.stdout).toContain('platform: 0001-core applied');
      expect(run('migrate').stdout).not.toContain('applied');
      const admin = run('create-admin', '--username', 'root', '--role', 'sysadmin');
      expect(admin.status, admin.stderr).toBe(0);
      expect(admin.stdout).toContain('Created sysadmin "root"');
      const mixed = run('create-admin', '--username', 'root2', '--role', 'staff');
      expect(mixed.status).toBe(2);
      const verify = run('audit', 'verify');
      expect(verify.status, verify.stderr).toBe(0);
      expect(verify.stdout).toMatch(/Audit chain intact: 1 entries/);
    });

    it('resets an administrator’s password on the server, telling the owner', { timeout: SLOW }, async () => {
      expect(run('create-admin', '--username', 'aud0', '--role', 'auditor').status).toBe(0);
      const reset = spawnSync(process.execPath, [BIN, 'reset-password', '--username', 'aud0'], {
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...process.env,
          GONGFU_DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl ?? '',
          GONGFU_MASTER_KEY: 'c'.repeat(64),
          GONGFU_NEW_PASSWORD: 'Reset-on-server-2026',
          NODE_ENV: 'development',
        },
      });
      expect(reset.status, reset.stderr).toBe(0);
      expect(reset.stdout).toContain('Password reset for "aud0"');
      expect(run('reset-password').status).toBe(2);
      expect(run('reset-password', '--username', 'nobody').status).toBe(1);

      const database = await open();
      try {
        const user = await sql<{ id: string; password_reset_at: Date | null }>`
        select id, password_reset_at from users where username = 'aud0'`.execute(database.db);
        expect(user.rows[0]?.password_reset_at).not.toBeNull();
        const inbox = await sql<{ kind: string }>`
        select kind from notifications where user_id = ${user.rows[0]!.id}`.execute(database.db);
        expect(inbox.rows).toEqual([{ kind: 'account.password_reset' }]);
        const entry = await sql<{ actor_name: string }>`
        select actor_name from audit_log where action = 'user.reset_password' order by id desc limit 1`.execute(
          database.db,
        );
        expect(entry.rows[0]?.actor_name).toBe('system:reset-password');
      } finally {
        await database.close();
      }
    });

    it('anchors the head in the data folder; verify names a deleted newest entry', {
      timeout: SLOW,
    }, async () => {
      const last = await open();
      let head = 0;
      try {
        const r = await sql<{ seq: number }>`select max(seq) as seq from audit_log`.execute(last.db);
        head = Number(r.rows[0]!.seq);
      } finally {
        await last.close();
      }
      // create-admin and reset-password anchored the head in the data folder
      const anchors = readFileSync(join(dataDir, 'audit-anchors.log'), 'utf8').trim().split('\n');
      expect(JSON.parse(anchors.at(-1)!)).toMatchObject({ seq: head });
      expect(run('audit', 'verify').status).toBe(0);

      // someone with database-owner rights removes the newest entry: the chain alone still links
      const db2 = await open();
      try {
        await sql`create table audit_log_saved as select * from audit_log where seq = ${head}`.execute(
          db2.db,
        );
        await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(db2.db);
        await sql`delete from audit_log where seq = ${head}`.execute(db2.db);
        await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(db2.db);
      } finally {
        await db2.close();
      }
      const verify = run('audit', 'verify');
      expect(verify.status).toBe(1);
      expect(verify.stderr).toContain(`entries ${head}..${head} missing`);
      // the same from a copy of the anchors, e.g. what a log collector kept
      const copy = join(dataDir, 'collected.log');
      writeFileSync(copy, `not json\n{"level":30,"auditAnchor":${anchors.at(-1)},"msg":"audit anchor"}\n`);
      expect(run('audit', 'verify', '--anchors', copy).stderr).toContain(`entries ${head}..${head} missing`);
      expect(run('audit', 'verify', '--anchors', join(dataDir, 'nope.log')).status).toBe(2);

      const db3 = await open();
      try {
        await sql`insert into audit_log select * from audit_log_saved`.execute(db3.db);
        await sql`drop table audit_log_saved`.execute(db3.db);
      } finally {
        await db3.close();
      }
      expect(run('audit', 'verify').status).toBe(0);
    });

    it('serve anchors the head when it starts and a last time when it shuts down', {
      timeout: SLOW,
    }, async () => {
      const port = await new Promise<number>((done) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as AddressInfo;
          probe.close(() => done(port));
        });
      });
      const child = spawn(process.execPath, [BIN, 'serve'], {
        env: {
          ...process.env,
          GONGFU_DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl ?? '',
          GONGFU_MASTER_KEY: 'c'.repeat(64),
          GONGFU_DEMO: 'false',
          NODE_ENV: 'development',
          HOST: '127.0.0.1',
          PORT: String(port),
        },
      });
      let out = '';
      let waiting: { text: string; done: () => void } | undefined;
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (waiting && out.includes(waiting.text)) waiting.done();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      const seen = (text: string) =>
        new Promise<void>((done) => {
          if (out.includes(text)) done();
          else waiting = { text, done };
        });
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      try {
        await seen('Gongfu is running');
        await seen('"auditAnchor"');
        const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'nobody.here', password: 'wrong-password-1' }),
        });
        expect(login.status).toBe(401);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited, out).toBe(0);
      const database = await open();
      try {
        const r = await sql<{ seq: number; hash: string }>`
        select seq, hash from audit_log order by seq desc limit 1`.execute(database.db);
        const lines = readFileSync(join(dataDir, 'audit-anchors.log'), 'utf8').trim().split('\n');
        expect(JSON.parse(lines.at(-1)!)).toMatchObject({
          seq: Number(r.rows[0]!.seq),
          hash: r.rows[0]!.hash,
        });
        expect(JSON.parse(lines.at(-2)!).seq).toBe(Number(r.rows[0]!.seq) - 1);
      } finally {
        await database.close();
      }
    });

    it('exits non-zero naming the first broken entry after tampering', { timeout: SLOW }, async () => {
      for (const [username, role] of [
        ['sec', 'secadmin'],
        ['aud', 'auditor'],
      ] as const) {
        expect(run('create-admin', '--username', username, '--role', role).status).toBe(0);
      }
      // seed-demo refuses to load into a database that has accounts already
      expect(run('seed-demo').stdout).toContain('nothing loaded');
      const database = await open();
      let tamperedId = 0;
      try {
        const row = await sql<{ id: number }>`select id from audit_log order by id offset 1 limit 1`.execute(
          database.db,
        );
        tamperedId = Number(row.rows[0]!.id);
        await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(database.db);
        await sql`update audit_log set actor_name = 'someone-else' where id = ${tamperedId}`.execute(
          database.db,
        );
        await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(database.db);
      } finally {
        await database.close();
      }
      const verify = run('audit', 'verify');
      expect(verify.status).toBe(1);
      expect(verify.stderr).toContain(`BROKEN at entry #${tamperedId}`);
    });

    it('refuses to start in production without DATABASE_URL and a key', () => {
      const r = spawnSync(process.execPath, [BIN, 'serve'], {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: '',
          GONGFU_MASTER_KEY: '',
          GONGFU_DATA_DIR: dataDir,
        },
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('DATABASE_URL and GONGFU_MASTER_KEY');
    });
  });
}
