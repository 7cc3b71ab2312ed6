import type { Db } from '../../../platform/kit/index.ts';
import { rdb, type Stage } from '../shared/renewal.tables.ts';

/** The only place with queries on a project's task forces (工作专班) and their members. */

export interface TaskForceInsert {
  stage: Stage;
  name: string;
  members: Array<{
    personId: string | null;
    userId: string | null;
    role: 'leader' | 'member';
    duty: string | null;
  }>;
}

export async function replaceTaskForces(tx: Db, projectId: string, forces: TaskForceInsert[]): Promise<void> {
  await rdb(tx).deleteFrom('renewal_task_forces').where('project_id', '=', projectId).execute();
  for (const [i, f] of forces.entries()) {
    const row = await rdb(tx)
      .insertInto('renewal_task_forces')
      .values({ project_id: projectId, stage: f.stage, name: f.name, position: i })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (f.members.length === 0) continue;
    await rdb(tx)
      .insertInto('renewal_task_force_members')
      .values(
        f.members.map((m, j) => ({
          task_force_id: row.id,
          person_id: m.personId,
          user_id: m.userId,
          role: m.role,
          duty: m.duty,
          position: j,
        })),
      )
      .execute();
  }
}

export interface TaskForceMemberRow {
  id: string;
  task_force_id: string;
  stage: Stage;
  force_name: string;
  member_id: string | null;
  person_id: string | null;
  user_id: string | null;
  role: 'leader' | 'member' | null;
  duty: string | null;
  person_name: string | null;
  user_name: string | null;
}

/** Task forces in order, one row per member (a force without members gives one row with member_id null). */
export const listTaskForceRows = (db: Db, projectId: string): Promise<TaskForceMemberRow[]> =>
  rdb(db)
    .selectFrom('renewal_task_forces as f')
    .leftJoin('renewal_task_force_members as m', 'm.task_force_id', 'f.id')
    .leftJoin('persons as pe', 'pe.id', 'm.person_id')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'f.id',
      'f.id as task_force_id',
      'f.stage',
      'f.name as force_name',
      'm.id as member_id',
      'm.person_id',
      'm.user_id',
      'm.role',
      'm.duty',
      'pe.name as person_name',
      'u.display_name as user_name',
    ])
    .where('f.project_id', '=', projectId)
    .orderBy('f.position')
    .orderBy('m.position')
    .execute();
