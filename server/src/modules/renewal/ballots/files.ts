import type { Db, PlatformServices, RequestContext } from '../../../platform/kit/index.ts';

/**
 * Files the ballots refer to — plan drawings, review minutes, paper ballot scans and written
 * proxies (委托书) — live in the platform's file store; the ballots keep their ids and attach
 * them to the record in the same transaction (each must be the caller's fresh upload or already
 * the record's; a bad id is a 400 naming `field.i`).
 */

export const PLAN_FILES = 'renewal_plan';
export const REVIEW_FILES = 'renewal_plan_review';
export const VOTE_FILES = 'renewal_ballot_vote';

export const uniqueIds = (ids: readonly string[]): string[] => [...new Set(ids)];

export async function attachFiles(
  s: PlatformServices,
  tx: Db,
  ctx: RequestContext,
  ids: readonly string[],
  to: { entityType: string; entityId: string },
  field: string,
  replace = false,
): Promise<void> {
  await s.files.attach(tx, ctx, ids, to, {
    field: (i) => (ids.length === 1 && !replace ? field : `${field}.${i}`),
    replace,
  });
}
