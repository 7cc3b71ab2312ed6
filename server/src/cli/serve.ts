import { buildApp } from '../app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { modules } from '../modules/index.ts';
import { countUsers } from '../platform/accounts/account.repo.ts';
import { startAuditAnchoring } from '../platform/audit/audit-anchor.ts';
import { openMigrated } from './context.ts';

export async function runServe(): Promise<number> {
  const { config, database } = await openMigrated();
  const { app, services, manifests } = await buildApp({ config, database, modules, logger: true });
  if (config.demo && (await countUsers(database.db)) === 0) {
    console.log('首次启动，加载演示数据 First start: loading demo data…');
    await seedDemo(services, manifests, (l: string) => console.log(`  ${l}`));
  }
  // the chain's head, outside the database: at start, every interval while it moves, at shutdown
  const anchoring = config.auditAnchors
    ? startAuditAnchoring({
        db: database.db,
        file: config.auditAnchors.file,
        clock: services.clock,
        intervalMs: config.auditAnchors.intervalSeconds * 1000,
        log: app.log,
      })
    : undefined;
  const close = async () => {
    await app.close();
    await anchoring?.stop().catch((err: unknown) => app.log.error({ err }, 'final audit anchor failed'));
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\n共富工作台 Gongfu is running at ${url}  (API docs: ${url}/api/docs)`);
  console.log(
    `数据库 Database: ${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''}`,
  );
  if (config.demo) {
    console.log(`\n演示账号 Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(12)} ${a.displayName}`);
  }
  return -1;
}
