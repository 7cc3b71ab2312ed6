import { type Db, regionsSql } from '../../../platform/kit/index.ts';
import { rdb } from '../shared/renewal.tables.ts';

/** Queries of the module's metrics (figures within region subtrees, null: everywhere; as of a date). */

const inRegions = (regions: string[] | null) => regionsSql(regions, 'p.region_code');

/** Projects not delivered and started by `asOf`, in the regions (null: everywhere). */
export async function countActiveProjects(db: Db, regions: string[] | null, asOf: string): Promise<number> {
  const r = await rdb(db)
    .selectFrom('renewal_projects as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.stage', '<>', 'delivered')
    .where('p.start_date', '<=', asOf)
    .where(inRegions(regions))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Active projects whose latest re-plan on or before `asOf` finishes after the deadline. */
export async function countLateProjects(db: Db, regions: string[] | null, asOf: string): Promise<number> {
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
    .where(inRegions(regions))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
