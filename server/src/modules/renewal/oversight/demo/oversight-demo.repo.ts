import type { Db } from '../../../../platform/kit/index.ts';
import { rdb } from '../../shared/renewal.tables.ts';

/** Look-ups the oversight demo needs (demo data only). */

/** Projects whose name contains `part`, by name. */
export const findProjectsNamed = (db: Db, part: string) =>
  rdb(db)
    .selectFrom('renewal_projects')
    .select(['id', 'name', 'inspector_id', 'contractor_id'])
    .where('name', 'like', `%${part}%`)
    .orderBy('name')
    .execute();

export const findOrganisationNamed = (db: Db, name: string) =>
  db.selectFrom('organisations').select(['id', 'name']).where('name', '=', name).executeTakeFirst();

/** Tasks of a project whose name contains `part`, in order. */
export const findTasksNamed = (db: Db, projectId: string, part: string) =>
  rdb(db)
    .selectFrom('renewal_tasks')
    .select(['id', 'name'])
    .where('project_id', '=', projectId)
    .where('name', 'like', `%${part}%`)
    .orderBy('position')
    .execute();
