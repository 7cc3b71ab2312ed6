import type { Db } from '../../platform/audit/audit.repo.ts';
import { rdb } from './renewal.tables.ts';

/** Queries of the module's metrics (figures within a region subtree, as of a date). */

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

/** Projects not delivered and started by `asOf`, in the region subtree (null: everywhere). */
export async function countActiveProjects(db: Db, regionCode: string | null, asOf: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_projects as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.stage', '<>', 'delivered')
    .where('p.start_date', '<=', asOf)
    .$if(regionCode !== null, (q) => q.where('p.region_code', 'like', `${escapeLike(regionCode!)}%`))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Active projects whose latest re-plan on or before `asOf` finishes after the deadline. */
export async function countLateProjects(db: Db, regionCode: string | null, asOf: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_projects as p')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('renewal_schedule_snapshots as s')
          .select('s.days_late')
          .whereRef('s.project_id', '=', 'p.id')
          .where('s.snapshot_date', '<=', asOf)
          .orderBy('s.snapshot_date', 'desc')
          .limit(1)
          .as('snap'),
      (join) => join.onTrue(),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.stage', '<>', 'delivered')
    .where('p.start_date', '<=', asOf)
    .where('snap.days_late', '>', 0)
    .$if(regionCode !== null, (q) => q.where('p.region_code', 'like', `${escapeLike(regionCode!)}%`))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
