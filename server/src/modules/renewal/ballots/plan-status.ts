import { type AuditFn, type Db, invalid, type PlatformServices } from '../../../platform/kit/index.ts';
import type { PlanStatus } from './ballot.tables.ts';
import { findPlan, setPlanStatus } from './plan.repo.ts';

/** Moves a plan to a new status inside `tx`, audited (under review, being voted on, adopted). */
export async function movePlan(
  s: PlatformServices,
  tx: Db,
  audit: AuditFn,
  plan: { id: string; version: number; status: PlanStatus },
  status: PlanStatus,
  why: string,
) {
  if (plan.status === status) return;
  await setPlanStatus(tx, plan.id, status, s.clock.now());
  await audit({
    action: 'renewal.plan.status',
    entityType: 'renewal_plan',
    entityId: plan.id,
    before: { version: plan.version, status: plan.status },
    after: { status, why },
  });
}

/** A plan version named in a request body (field `planId`): it must be one of the community's. */
export async function planOfCommunity(s: PlatformServices, communityId: string, planId: string) {
  const plan = await findPlan(s.db, planId);
  if (!plan || plan.community_id !== communityId) {
    throw invalid('planId', {
      zh: '方案版本不存在或不属于本小区，请重新选择',
      en: 'The plan version does not exist or belongs to another community; choose another',
    });
  }
  return plan;
}
