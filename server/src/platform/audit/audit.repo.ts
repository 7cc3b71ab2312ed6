import { type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../db/schema.ts';
import { type ChainedFields, entryHash, GENESIS_HASH } from './audit-chain.ts';

export type Db = Kysely<PlatformTables>;

/** Any fixed 64-bit number; all writers of the audit chain take this advisory lock. */
const AUDIT_LOCK = 7_317_000_001;

export type AuditInsert = Omit<ChainedFields, 'prev_hash'>;

/** Appends one entry. Must run inside a transaction: the lock serialises concurrent writers. */
export async function appendAudit(tx: Db, e: AuditInsert): Promise<number> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await auditHead(tx);
  const prev_hash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash({ ...e, prev_hash });
  const row = await tx
    .insertInto('audit_log')
    .values({
      ...e,
      seq: (last?.seq ?? 0) + 1,
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      prev_hash,
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface AuditQuery {
  actor?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  outcome?: 'ok' | 'denied' | 'failed' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

/** LIKE wildcards in user input match literally (backslash is PostgreSQL's default escape). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first. `actor` matches part of the actor's name, `action` a prefix of the action. */
export async function searchAudit(db: Db, q: AuditQuery) {
  let query = db.selectFrom('audit_log');
  if (q.actor) query = query.where('actor_name', 'ilike', `%${likeEscape(q.actor)}%`);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', 'like', `${likeEscape(q.action)}%`);
  if (q.outcome) query = query.where('outcome', '=', q.outcome);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Streams the chain in id order in pages, for verification. */
export async function* auditPages(db: Db, pageSize = 2000) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export async function auditCount(db: Db): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The newest entry's sequence number and hash (the chain's head), or undefined for an empty log. */
export const auditHead = (db: Db) =>
  db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
