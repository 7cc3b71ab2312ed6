import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import { cdb, type ResidentTokenPurpose } from './community.tables.ts';

/** The only place with queries on residents' one-time links (renewal_resident_tokens). */

export interface NewTokenRow {
  tokenHash: string;
  tokenEnc: string;
  unitId: string | null;
  ownerId: string | null;
}

export async function insertTokens(
  tx: Db,
  v: {
    purpose: ResidentTokenPurpose;
    subjectId: string;
    communityId: string;
    issuedAt: Date;
    expiresAt: Date;
    rows: NewTokenRow[];
  },
): Promise<{ id: string; unit_id: string | null; owner_id: string | null }[]> {
  if (v.rows.length === 0) return [];
  const out: { id: string; unit_id: string | null; owner_id: string | null }[] = [];
  // Chunked: a 10,000-unit community stays under the parameter limit.
  for (let i = 0; i < v.rows.length; i += 1000) {
    const chunk = v.rows.slice(i, i + 1000);
    out.push(
      ...(await cdb(tx)
        .insertInto('renewal_resident_tokens')
        .values(
          chunk.map((r) => ({
            token_hash: r.tokenHash,
            token_enc: r.tokenEnc,
            purpose: v.purpose,
            subject_id: v.subjectId,
            community_id: v.communityId,
            unit_id: r.unitId,
            owner_id: r.ownerId,
            issued_at: v.issuedAt,
            expires_at: v.expiresAt,
          })),
        )
        .returning(['id', 'unit_id', 'owner_id'])
        .execute()),
    );
  }
  return out;
}

/** Revokes the live links of these holders (before issuing new ones); returns how many. */
export async function revokeTokens(
  tx: Db,
  purpose: ResidentTokenPurpose,
  subjectId: string,
  at: Date,
  holders?: { unitIds?: string[]; ownerIds?: string[] },
): Promise<number> {
  let q = cdb(tx)
    .updateTable('renewal_resident_tokens')
    .set({ revoked_at: at })
    .where('purpose', '=', purpose)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null);
  if (holders?.unitIds)
    q = q.where('unit_id', 'in', holders.unitIds.length ? holders.unitIds : [null as never]);
  if (holders?.ownerIds)
    q = q.where('owner_id', 'in', holders.ownerIds.length ? holders.ownerIds : [null as never]);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export const findTokenByHash = (db: Db, tokenHash: string) =>
  cdb(db)
    .selectFrom('renewal_resident_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();

export type ResidentTokenRow = NonNullable<Awaited<ReturnType<typeof findTokenByHash>>>;

/**
 * Marks the link used if it is live at `at`, in one statement: of two requests racing with one
 * link, exactly one gets the row back.
 */
export const consumeTokenRow = (tx: Db, tokenHash: string, purpose: ResidentTokenPurpose, at: Date) =>
  cdb(tx)
    .updateTable('renewal_resident_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .returningAll()
    .executeTakeFirst();

/** The live links of a survey or ballot, with the encrypted token (for printing link sheets). */
export const listLiveTokens = (db: Db, purpose: ResidentTokenPurpose, subjectId: string) =>
  cdb(db)
    .selectFrom('renewal_resident_tokens')
    .select(['id', 'token_enc', 'unit_id', 'owner_id', 'expires_at', 'used_at'])
    .where('purpose', '=', purpose)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null)
    .orderBy('issued_at')
    .orderBy('id')
    .execute();

/**
 * How many holders (units or owners) were handed a link, and how many of them used one. Counted
 * over every link, revoked ones included: closing a survey or ballot withdraws its links, and a
 * reissued link replaces the holder's old one, yet neither undoes a link handed out or used.
 */
export const countTokens = (db: Db, purpose: ResidentTokenPurpose, subjectId: string) =>
  cdb(db)
    .selectFrom('renewal_resident_tokens')
    .select([
      sql<string>`count(distinct coalesce(owner_id, unit_id))`.as('issued'),
      sql<string>`count(distinct coalesce(owner_id, unit_id)) filter (where used_at is not null)`.as('used'),
    ])
    .where('purpose', '=', purpose)
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow();
