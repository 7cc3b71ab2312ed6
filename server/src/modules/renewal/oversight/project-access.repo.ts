import { type Expression, type SqlBool, sql } from 'kysely';
import { type Db, regionScopeSql } from '../../../platform/kit/index.ts';
import { PARTY_COLUMNS, type RenewalScope } from '../shared/renewal.scope.ts';
import { rdb } from '../shared/renewal.tables.ts';
import type { Party } from './project-access.policy.ts';

/**
 * The project `alias` (a `renewal_projects` row) is within the scope: its region within a region
 * grant (as index ranges), or a partner organisation one of `parties` (by default every party
 * that sees a project's oversight records).
 */
export function projectInScopeSql(
  scope: RenewalScope,
  alias = 'p',
  parties: readonly Party[] = PARTY_COLUMNS,
): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const any: Expression<SqlBool>[] = [];
  if (scope.regions.length > 0) any.push(regionScopeSql(scope, `${alias}.region_code`));
  if (scope.organisations.length > 0 && parties.length > 0) {
    const orgs = sql.join(scope.organisations.map((id) => sql`${id}::uuid`));
    for (const col of parties) any.push(sql<SqlBool>`${sql.ref(`${alias}.${col}`)} in (${orgs})`);
  }
  return any.length > 0 ? sql<SqlBool>`(${sql.join(any, sql` or `)})` : sql<SqlBool>`false`;
}

/** Ids of the projects within the scope (through a region, or as one of `parties`): a subquery for lists. */
export const projectIdsInScope = (db: Db, scope: RenewalScope, parties: readonly Party[]) =>
  rdb(db)
    .selectFrom('renewal_projects as p')
    .select('p.id')
    .where(projectInScopeSql(scope, 'p', parties));

/** A task with the project it belongs to (action items may link one). */
export const findTask = (db: Db, id: string) =>
  rdb(db)
    .selectFrom('renewal_tasks')
    .select(['id', 'project_id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();

/** Organisations by id, with what the oversight rules check (kind, status). */
export const findOrganisations = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'status'])
        .where('id', 'in', [...new Set(ids)])
        .execute();

/** Projects by id, for names beside records. */
export const findProjects = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : rdb(db)
        .selectFrom('renewal_projects')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute();
