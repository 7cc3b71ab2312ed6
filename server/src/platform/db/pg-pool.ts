import type { PostgresPool } from 'kysely';
import pg from 'pg';
import { DatabaseUnreachableError, isConnectionLost } from './connection-errors.ts';

/** At most one line per this many ms about lost connections (a restart loses them all at once). */
const REPORT_EVERY_MS = 5_000;

/**
 * The `pg` pool behind Kysely, made to outlive its connections.
 *
 * When a backend dies (pg_terminate_backend, a PostgreSQL restart, a network cut) node-postgres
 * emits 'error' on the Client. The pool listens only while the client is idle in it; a client
 * checked out by a request has no listener, and an unheard 'error' event ends the process. So
 * every client gets a listener of its own for its whole life: the query in flight fails (the
 * request gets a 503), the pool drops the dead client when it is released, and the next
 * request gets a new connection. A connection that cannot be made is reported as
 * DatabaseUnreachableError, so the API can say "try again" rather than "internal error".
 */
export function resilientPool(
  connectionString: string,
  report: (line: string) => void = (line) => console.error(line),
): PostgresPool {
  // keepAlive: an idle connection to a host that vanished (no RST) is noticed by TCP, not by the next query
  const pool = new pg.Pool({ connectionString, max: 10, keepAlive: true });
  let lastReport = 0;
  let unreported = 0;
  const lost = (err: Error) => {
    unreported++;
    const now = Date.now();
    if (now - lastReport < REPORT_EVERY_MS) return;
    report(`PostgreSQL connection lost (${unreported} since the last report): ${err.message}`);
    lastReport = now;
    unreported = 0;
  };
  pool.on('connect', (client) => {
    client.on('error', lost);
  });
  // The pool re-emits the errors of idle clients; each client's own listener has reported them.
  pool.on('error', () => {});
  return {
    connect: async () => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw new DatabaseUnreachableError(err);
      }
      return discardWhenLost(client);
    },
    end: () => pool.end(),
  };
}

const watched = new WeakSet<pg.PoolClient>();
const lostClients = new WeakSet<pg.PoolClient>();

/**
 * A query that fails because the backend is going away (57P01 arrives before the socket
 * closes) leaves a client that still looks usable; released as is, the pool would hand it
 * to the next request. Such a client is released as broken, so the pool closes it.
 */
function discardWhenLost(client: pg.PoolClient): pg.PoolClient {
  if (!watched.has(client)) {
    watched.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) {
        return result.catch((err: unknown) => {
          if (isConnectionLost(err)) lostClients.add(client);
          throw err;
        });
      }
      return result;
    }) as typeof client.query;
  }
  // the pool gives the client a new release function at every checkout
  const release = client.release;
  client.release = (err?: Error | boolean) => release(err || lostClients.has(client));
  return client;
}
