import type { Db } from '../../../platform/kit/index.ts';
import type { PlanItemValues } from './ballot.rules.ts';
import { bdb, type PlanStatus } from './ballot.tables.ts';

/** The only place with queries on plan versions and their items. */

export const findPlan = (db: Db, id: string) =>
  bdb(db).selectFrom('renewal_plans').selectAll().where('id', '=', id).executeTakeFirst();

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export const listPlans = (db: Db, communityId: string) =>
  bdb(db)
    .selectFrom('renewal_plans')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('version', 'desc')
    .execute();

export const listPlanItems = (db: Db, planIds: string[]) =>
  planIds.length === 0
    ? Promise.resolve([])
    : bdb(db)
        .selectFrom('renewal_plan_items')
        .select(['plan_id', 'name', 'quantity', 'cost_fen'])
        .where('plan_id', 'in', planIds)
        .orderBy('plan_id')
        .orderBy('position')
        .execute();

export type PlanItemRow = Awaited<ReturnType<typeof listPlanItems>>[number];

/** The community's latest version that is not superseded, locked until the transaction ends. */
export const lockCurrentPlan = (tx: Db, communityId: string) =>
  bdb(tx)
    .selectFrom('renewal_plans')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '<>', 'superseded')
    .orderBy('version', 'desc')
    .forUpdate()
    .execute();

export const lockPlan = (tx: Db, id: string) =>
  bdb(tx).selectFrom('renewal_plans').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export async function nextVersion(tx: Db, communityId: string): Promise<number> {
  const r = await bdb(tx)
    .selectFrom('renewal_plans')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

export const insertPlan = (
  tx: Db,
  v: {
    communityId: string;
    version: number;
    title: string;
    summary: string;
    drawingFileIds: string[];
    createdBy: string | null;
    at: Date;
  },
) =>
  bdb(tx)
    .insertInto('renewal_plans')
    .values({
      community_id: v.communityId,
      version: v.version,
      title: v.title,
      summary: v.summary,
      drawing_file_ids: v.drawingFileIds,
      created_by: v.createdBy,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export async function replacePlanItems(tx: Db, planId: string, items: PlanItemValues[]): Promise<void> {
  await bdb(tx).deleteFrom('renewal_plan_items').where('plan_id', '=', planId).execute();
  if (items.length === 0) return;
  await bdb(tx)
    .insertInto('renewal_plan_items')
    .values(
      items.map((it, position) => ({
        plan_id: planId,
        position,
        name: it.name,
        quantity: it.quantity,
        cost_fen: it.costFen,
      })),
    )
    .execute();
}

export const patchPlan = (
  tx: Db,
  id: string,
  v: { title: string; summary: string; drawingFileIds: string[]; at: Date },
) =>
  bdb(tx)
    .updateTable('renewal_plans')
    .set({ title: v.title, summary: v.summary, drawing_file_ids: v.drawingFileIds, updated_at: v.at })
    .where('id', '=', id)
    .execute();

export const setPlanStatus = (tx: Db, id: string, status: PlanStatus, at: Date, supersededBy?: string) =>
  bdb(tx)
    .updateTable('renewal_plans')
    .set({ status, updated_at: at, ...(supersededBy ? { superseded_by: supersededBy } : {}) })
    .where('id', '=', id)
    .execute();
