import type { Kysely } from 'kysely';
import { execStatements } from '../../../../platform/kit/index.ts';

/**
 * Issue 10: the project register answers from indexes. A region scope is a range on
 * `region_code` (`'330523' <= code < '330524'`, the kit's `regionScopeSql`), which a plain
 * b-tree serves under any collation; the `text_pattern_ops` index served only `LIKE 'prefix%'`,
 * which nothing uses any more. The list's deadline sort (either way) reads its page from
 * `(deadline, id)` instead of sorting the whole scope.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    'drop index renewal_projects_region_idx',
    'create index renewal_projects_region_idx on renewal_projects (region_code)',
    'create index renewal_projects_deadline_idx on renewal_projects (deadline, id)',
  ]);
}
