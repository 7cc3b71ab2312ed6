import { auditCount, auditPages, type Db } from './audit.repo.ts';
import { entryHash, GENESIS_HASH } from './audit-chain.ts';

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenId: number; reason: string; kind: 'link' | 'content' };

/** Recomputes the whole chain; reports the first entry whose link or content does not match. */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyResult> {
  const total = onProgress ? await auditCount(db) : 0;
  let prev = GENESIS_HASH;
  let n = 0;
  for await (const page of auditPages(db)) {
    for (const row of page) {
      if (row.prev_hash !== prev) {
        return {
          ok: false,
          entries: n,
          brokenId: row.id,
          reason: 'link to the previous entry does not match',
          kind: 'link',
        };
      }
      const expected = entryHash({
        at: row.at,
        actor_id: row.actor_id,
        actor_name: row.actor_name,
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        before: row.before,
        after: row.after,
        request_id: row.request_id,
        ip: row.ip,
        outcome: row.outcome,
        prev_hash: row.prev_hash,
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          entries: n,
          brokenId: row.id,
          reason: 'content does not match its hash',
          kind: 'content',
        };
      }
      prev = row.hash;
      n++;
    }
    onProgress?.(n, total);
  }
  return { ok: true, entries: n, lastHash: prev };
}
