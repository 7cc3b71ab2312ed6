import { randomBytes } from 'node:crypto';
import { buildApp, migrate } from '../app.ts';
import { modules } from '../modules/index.ts';
import { anchorAuditHead } from '../platform/audit/audit-anchor.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { AppError } from '../platform/http/errors.ts';
import type { PlatformServices } from '../platform/module/app-types.ts';

/** Opens the configured database and brings it to the latest schema. */
export async function openMigrated(log = true): Promise<{ config: Config; database: Database }> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database, modules, log ? (l) => console.log(`  migrate ${l}`) : undefined);
  return { config, database };
}

/**
 * Runs an account command on the server (create-admin, reset-password): the password comes
 * from `passwordVar` or is generated and printed once; the audit chain's head is anchored
 * after the write; a refusal prints its message and exits 1.
 */
export async function runAccountCommand(
  passwordVar: string,
  shownAs: string,
  work: (services: PlatformServices, password: string) => Promise<string>,
): Promise<number> {
  const { config, database } = await openMigrated(false);
  const { services } = await buildApp({ config, database, modules });
  const given = process.env[passwordVar];
  const password = given || `Gf-${randomBytes(9).toString('base64url')}7`;
  try {
    console.log(await work(services, password));
    if (config.auditAnchors) await anchorAuditHead(database.db, config.auditAnchors.file, services.clock);
    if (!given) console.log(`${shownAs} (shown once): ${password}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`${e.text.zh} / ${e.text.en}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

/** A one-line progress bar for long work on a terminal; plain lines otherwise. */
export function progress(label: string) {
  const tty = process.stdout.isTTY;
  let last = -1;
  return (done: number, total: number) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (pct === last) return;
    last = pct;
    if (tty) {
      const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
      process.stdout.write(`\r${label} [${bar}] ${pct}% (${done}/${total})`);
      if (pct === 100) process.stdout.write('\n');
    } else if (pct % 25 === 0) {
      console.log(`${label} ${pct}% (${done}/${total})`);
    }
  };
}
