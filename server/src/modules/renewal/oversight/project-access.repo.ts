import type { Db } from '../../../platform/kit/index.ts';
import { projectScopeSql } from '../projects/project.repo.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { rdb } from '../shared/renewal.tables.ts';
import type { Party } from './project-access.policy.ts';

/** Ids of the projects within the scope (through a region, or as one of `parties`): a subquery for lists. */
export const projectIdsInScope = (db: Db, scope: RenewalScope, parties: readonly Party[]) =>
  rdb(db).selectFrom('renewal_projects as p').select('p.id').where(projectScopeSql(scope, parties));

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
