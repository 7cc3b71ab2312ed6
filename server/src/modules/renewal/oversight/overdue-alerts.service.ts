import { HAZARD_CATEGORY_LABELS } from '@gongfu/domain/renewal/rectification';
import {
  daysBetween,
  notify,
  type PlatformServices,
  regionInScope,
  roleList,
  systemContext,
} from '../../../platform/kit/index.ts';
import {
  listActiveGrants,
  listOverdueActionItemsAll,
  listOverdueFindingsAll,
  usersOfOrganisations,
} from './overdue-alerts.repo.ts';
import { INSPECT } from './oversight.scope.ts';

/**
 * The daily overdue alerts (逾期提醒), in-app: a finding past its rectification deadline goes
 * to the accounts of the project's contractor (partner grants on that organisation) and to the
 * staff who hold the inspection permission in the project's region; an action item past due
 * goes to the meeting's creator and the accounts of the item's owner organisation. Once per
 * item per overdue episode: the dedupe key holds the deadline, so a new deadline (after a
 * failed re-inspection, say) alerts again, and running the check again does not.
 */

export interface OverdueAlertResult {
  date: string;
  findings: number;
  actionItems: number;
  /** Notifications written now. */
  notified: number;
}

export async function notifyOverdue(s: PlatformServices, today: string): Promise<OverdueAlertResult> {
  const [findings, items, grants] = await Promise.all([
    listOverdueFindingsAll(s.db, today),
    listOverdueActionItemsAll(s.db, today),
    listActiveGrants(s.db),
  ]);
  // staff roles holding the inspection permission; partners hear through their organisation
  const inspectRoles = new Set<string>(
    roleList().filter((r) => r !== 'partner' && s.access.permissionsOfRole(r).includes(INSPECT)),
  );
  const inRenewal = (programmes: string[]) => programmes.length === 0 || programmes.includes('renewal');
  const staffFor = (regionCode: string) =>
    grants
      .filter(
        (g) =>
          inspectRoles.has(g.role) &&
          inRenewal(g.programmes) &&
          regionInScope(g.region_code === null ? null : [g.region_code], regionCode),
      )
      .map((g) => g.user_id);
  const partnersOf = (orgId: string | null) =>
    orgId === null
      ? []
      : grants.filter((g) => g.role === 'partner' && g.organisation_id === orgId).map((g) => g.user_id);
  const owners = await usersOfOrganisations(s.db, [
    ...new Set(items.flatMap((a) => (a.owner_organisation_id ? [a.owner_organisation_id] : []))),
  ]);
  const at = s.clock.now();

  return s.write(systemContext('renewal-overdue-alerts'), async (tx, audit) => {
    let notified = 0;
    for (const f of findings) {
      const late = daysBetween(f.deadline, today);
      const cat = HAZARD_CATEGORY_LABELS[f.category];
      const created = await notify(tx, {
        userIds: [...partnersOf(f.contractor_id), ...staffFor(f.region_code)],
        kind: 'renewal.finding.overdue',
        title: {
          zh: `安全隐患逾期未整改：${f.project_name}`,
          en: `Safety finding overdue: ${f.project_name}`,
        },
        body: {
          zh: `${cat.zh} · ${f.location}：${f.description}。整改期限 ${f.deadline}，已逾期 ${late} 天。`,
          en: `${cat.en} · ${f.location}: ${f.description}. Rectification was due ${f.deadline}; ${late} day(s) overdue.`,
        },
        link: `/renewal/inspections/${f.inspection_id}?finding=${f.id}`,
        dedupeKey: `renewal.finding.overdue:${f.id}:${f.deadline}`,
        at,
      });
      notified += created.length;
    }
    for (const a of items) {
      const late = daysBetween(a.due_on, today);
      const owner = a.owner_organisation_name ?? '';
      const created = await notify(tx, {
        userIds: [
          ...(a.meeting_created_by ? [a.meeting_created_by] : []),
          ...(a.owner_organisation_id ? (owners.get(a.owner_organisation_id) ?? []) : []),
        ],
        kind: 'renewal.action_item.overdue',
        title: { zh: `督办事项逾期：${a.project_name}`, en: `Action item overdue: ${a.project_name}` },
        body: {
          zh: `${a.meeting_title} 第 ${a.seq} 项：${a.text}${owner ? `（责任单位：${owner}）` : ''}。期限 ${a.due_on}，已逾期 ${late} 天。`,
          en: `${a.meeting_title}, item ${a.seq}: ${a.text}${owner ? ` (owner: ${owner})` : ''}. Due ${a.due_on}; ${late} day(s) overdue.`,
        },
        link: `/renewal/meetings/${a.meeting_id}`,
        dedupeKey: `renewal.action_item.overdue:${a.id}:${a.due_on}`,
        at,
      });
      notified += created.length;
    }
    if (notified > 0) {
      await audit({
        action: 'renewal.overdue.notify',
        entityType: 'notifications',
        entityId: today,
        after: { date: today, findings: findings.length, actionItems: items.length, notified },
      });
    }
    return { date: today, findings: findings.length, actionItems: items.length, notified };
  });
}
