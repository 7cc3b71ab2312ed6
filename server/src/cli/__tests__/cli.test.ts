import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

    it('migrates, creates an administrator, and verifies the audit chain', () => {
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

    it('exits non-zero naming the first broken entry after tampering', async () => {
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
