import {
  type AuditFn,
  conflict,
  type Db,
  type PlatformServices,
  type RequestContext,
  requiredText,
} from '../../../platform/kit/index.ts';
import { communityPlansPolicy } from '../communities/community.policy.ts';
import { communityFor, planNotFound, planPolicy, recordFor } from './ballot.policy.ts';
import { checkPlanItems, totalCostFen } from './ballot.rules.ts';
import { voidUnfinishedBallots } from './ballot.service.ts';
import { attachFiles, PLAN_FILES, uniqueIds } from './files.ts';
import {
  findPlan,
  insertPlan,
  listPlanItems,
  listPlans,
  lockCurrentPlan,
  lockPlan,
  nextVersion,
  type PlanItemRow,
  type PlanRow,
  patchPlan,
  replacePlanItems,
  setPlanStatus,
} from './plan.repo.ts';
import type { CreatePlanInput, UpdatePlanInput } from './plan.schemas.ts';

/**
 * Use cases of a community's renovation plan versions (改造方案). A new version supersedes the
 * previous one; any ballot on the superseded version that is not yet published becomes void and
 * its links are revoked — a changed plan is voted again. A plan may be edited only before it is
 * put to the vote.
 */

export { planNotFound };

export interface PlanDetail {
  plan: PlanRow;
  items: PlanItemRow[];
  /** What the caller may do with the plan. */
  can: Record<'update', boolean>;
}

const detailsOf = async (db: Db, plans: PlanRow[], can: Record<'update', boolean>): Promise<PlanDetail[]> => {
  const items = await listPlanItems(
    db,
    plans.map((p) => p.id),
  );
  return plans.map((plan) => ({ plan, items: items.filter((i) => i.plan_id === plan.id), can }));
};

export async function listCommunityPlans(s: PlatformServices, ctx: RequestContext, communityId: string) {
  const { can } = await communityFor(s, ctx, communityId, communityPlansPolicy, 'read');
  return detailsOf(s.db, await listPlans(s.db, communityId), can);
}

/** The plan, if the caller sees its community's plans; 404 otherwise. */
export async function getPlan(s: PlatformServices, ctx: RequestContext, id: string): Promise<PlanDetail> {
  const plan = await findPlan(s.db, id);
  if (!plan) throw planNotFound(id);
  const { can } = await recordFor(s, ctx, { id, communityId: plan.community_id }, planPolicy, 'read');
  return (await detailsOf(s.db, [plan], can))[0]!;
}

const planAudit = (title: string, items: { name: string; costFen: number }[], drawings: string[]) => ({
  title,
  items: items.map((i) => `${i.name} ${i.costFen}`),
  totalCostFen: totalCostFen(items),
  drawings: drawings.length,
});

/** Supersedes the community's current versions (voiding their unfinished ballots), inside `tx`. */
async function supersedeCurrent(
  s: PlatformServices,
  tx: Db,
  audit: AuditFn,
  communityId: string,
  newId: string,
  newVersion: number,
) {
  const at = s.clock.now();
  for (const old of await lockCurrentPlan(tx, communityId)) {
    if (old.id === newId) continue;
    await setPlanStatus(tx, old.id, 'superseded', at, newId);
    await audit({
      action: 'renewal.plan.supersede',
      entityType: 'renewal_plan',
      entityId: old.id,
      before: { version: old.version, status: old.status },
      after: { status: 'superseded', supersededBy: newId, byVersion: newVersion },
    });
    await voidUnfinishedBallots(s, tx, audit, old.id, {
      zh: `方案已修改为第 ${newVersion} 版，原表决作废，需对新方案重新表决`,
      en: `The plan was changed (version ${newVersion}); this ballot is void and the new plan must be voted again`,
    });
  }
}

/** Records a new version of the community's plan; the previous version is superseded. */
export async function createPlan(
  s: PlatformServices,
  ctx: RequestContext,
  communityId: string,
  input: CreatePlanInput,
): Promise<PlanDetail> {
  await communityFor(s, ctx, communityId, communityPlansPolicy, 'update');
  const title = requiredText('title', input.title);
  const items = checkPlanItems(input.items);
  const drawings = uniqueIds(input.drawingFileIds ?? []);
  const id = await s.write(ctx, async (tx, audit) => {
    const at = s.clock.now();
    // the current versions are locked first: two new versions at once get distinct numbers
    await lockCurrentPlan(tx, communityId);
    const version = await nextVersion(tx, communityId);
    const { id } = await insertPlan(tx, {
      communityId,
      version,
      title,
      summary: input.summary?.trim() ?? '',
      drawingFileIds: drawings,
      createdBy: ctx.principal?.userId ?? null,
      at,
    });
    await replacePlanItems(tx, id, items);
    await attachFiles(s, tx, ctx, drawings, { entityType: PLAN_FILES, entityId: id }, 'drawingFileIds', true);
    await audit({
      action: 'renewal.plan.create',
      entityType: 'renewal_plan',
      entityId: id,
      after: { communityId, version, ...planAudit(title, items, drawings) },
    });
    await supersedeCurrent(s, tx, audit, communityId, id, version);
    return id;
  });
  return getPlan(s, ctx, id);
}

/** Amends a plan that has not been put to the vote (draft or under review). */
export async function updatePlan(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdatePlanInput,
): Promise<PlanDetail> {
  const found = await findPlan(s.db, id);
  if (!found) throw planNotFound(id);
  await recordFor(s, ctx, { id, communityId: found.community_id }, planPolicy, 'update');
  const items = input.items ? checkPlanItems(input.items) : undefined;
  const drawings = input.drawingFileIds === undefined ? undefined : uniqueIds(input.drawingFileIds);
  await s.write(ctx, async (tx, audit) => {
    const before = (await lockPlan(tx, id))!;
    if (before.status !== 'draft' && before.status !== 'reviewing') {
      throw conflict(
        'status',
        {
          zh: `第 ${before.version} 版方案已进入表决或已被取代，不能再修改；如需调整，请新建一个方案版本（将重新表决）`,
          en: `Version ${before.version} has been put to the vote or superseded and cannot change; record a new version instead (it will be voted again)`,
        },
        'RENEWAL_PLAN_LOCKED',
      );
    }
    const oldItems = (await listPlanItems(tx, [id])).map((i) => ({
      name: i.name,
      costFen: Number(i.cost_fen),
    }));
    const next = {
      title: input.title === undefined ? before.title : requiredText('title', input.title),
      summary: input.summary === undefined ? before.summary : input.summary.trim(),
      drawingFileIds: drawings ?? before.drawing_file_ids,
    };
    await patchPlan(tx, id, { ...next, at: s.clock.now() });
    if (items) await replacePlanItems(tx, id, items);
    if (drawings) {
      await attachFiles(
        s,
        tx,
        ctx,
        drawings,
        { entityType: PLAN_FILES, entityId: id },
        'drawingFileIds',
        true,
      );
    }
    await audit({
      action: 'renewal.plan.update',
      entityType: 'renewal_plan',
      entityId: id,
      before: planAudit(before.title, oldItems, before.drawing_file_ids),
      after: planAudit(next.title, items ?? oldItems, next.drawingFileIds),
    });
  });
  return getPlan(s, ctx, id);
}
