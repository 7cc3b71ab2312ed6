import { migrate } from '../app.ts';
import { modules } from '../modules/index.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';

/** Opens the configured database and brings it to the latest schema. */
export async function openMigrated(log = true): Promise<{ config: Config; database: Database }> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database, modules, log ? (l) => console.log(`  migrate ${l}`) : undefined);
  return { config, database };
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
