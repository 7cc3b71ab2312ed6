import { parseArgs } from 'node:util';
import { ConfigError } from './platform/config.ts';

const HELP = `gongfu — 共富工作台 command line

  gongfu serve                 migrate, load demo data on first start (dev), and serve
  gongfu migrate               run every module's pending migrations
  gongfu seed-demo             load the demo data (refused in production)
  gongfu create-admin --username NAME --role sysadmin|secadmin|auditor [--display-name TEXT]
                               password from GONGFU_ADMIN_PASSWORD, or generated and printed
  gongfu reset-password --username NAME
                               set a new password (any account; the only way for sysadmin,
                               secadmin and auditor accounts); from GONGFU_NEW_PASSWORD, or
                               generated and printed; the user is told at next sign-in
  gongfu audit verify [--anchors FILE]
                               check the audit hash chain, its sequence numbers and the anchors
                               kept outside the database (data folder's audit-anchors.log, or
                               FILE: a copy or the collected server log); exit 1 naming what is
                               broken or missing
  gongfu openapi [--check]     write openapi.json (or fail if the committed one is stale)

Environment: DATABASE_URL (PostgreSQL; default embedded PGlite in GONGFU_DATA_DIR=./data),
GONGFU_MASTER_KEY (64 hex; required in production), PORT, HOST, NODE_ENV,
GONGFU_TRUSTED_PROXIES (addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed),
GONGFU_AUDIT_ANCHOR_FILE (default <data>/audit-anchors.log), GONGFU_AUDIT_ANCHOR_SECONDS (60).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      check: { type: 'boolean' },
      anchors: { type: 'string' },
    },
  });
  // Each command loads only what it runs: a start costs seconds on a busy machine.
  switch (command) {
    case 'serve':
      return (await import('./cli/serve.ts')).runServe();
    case 'migrate':
      return (await import('./cli/migrate.ts')).runMigrate();
    case 'seed-demo':
      return (await import('./cli/migrate.ts')).runSeedDemo();
    case 'create-admin':
      return (await import('./cli/create-admin.ts')).runCreateAdmin(
        values.username,
        values.role,
        values['display-name'],
      );
    case 'reset-password':
      return (await import('./cli/reset-password.ts')).runResetPassword(values.username);
    case 'audit':
      if (positionals[0] === 'verify')
        return (await import('./cli/audit-verify.ts')).runAuditVerify(values.anchors);
      break;
    case 'openapi':
      return (await import('./cli/openapi.ts')).runOpenapi(Boolean(values.check));
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
  }
  console.error(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? `配置错误 Configuration error: ${err.message}` : err);
    process.exit(1);
  },
);
