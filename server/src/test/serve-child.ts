/**
 * A real Gongfu server in a process of its own, for tests that must see whether the
 * process survives (a lost database connection must never end it). Like `gongfu serve`:
 * the PostgreSQL pool of DATABASE_URL, the request logger on stdout, the platform routes;
 * but on 127.0.0.1 port 0 (`serve` takes PORT > 0) with one staff account
 * (GONGFU_TEST_USER / TEST_PASSWORD). Prints `GONGFU_TEST_LISTENING <port>` once it serves.
 *
 *   node --import tsx server/src/test/serve-child.ts
 */
import { buildApp, migrate } from '../app.ts';
import { createUser, systemContext } from '../platform/accounts/create-user.ts';
import { openDatabase } from '../platform/db/database.ts';
import { TEST_PASSWORD, testConfig } from './harness.ts';

export const LISTENING_MARK = 'GONGFU_TEST_LISTENING';

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('serve-child needs DATABASE_URL');
  const database = await openDatabase({ databaseUrl });
  await migrate(database, []);
  const { app, services } = await buildApp({
    config: testConfig({ databaseUrl }),
    database,
    modules: [],
    logger: true,
  });
  const username = process.env.GONGFU_TEST_USER ?? 'staff1';
  await createUser(services, systemContext('test'), {
    username,
    displayName: username,
    password: TEST_PASSWORD,
    grants: [{ role: 'staff', regionCode: null, organisationId: null, programmes: [] }],
  });
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a port');
  process.stdout.write(`${LISTENING_MARK} ${address.port}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
