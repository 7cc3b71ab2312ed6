import { FINDING_STATUS_LABELS, FINDING_STATUSES } from '@gongfu/domain/renewal/finding-status';
import {
  HAZARD_CATEGORIES,
  HAZARD_CATEGORY_LABELS,
  type Label,
  SEVERITIES,
  SEVERITY_LABELS,
} from '@gongfu/domain/renewal/rectification';
import {
  checkDate,
  type Lang,
  type PlatformServices,
  type RequestContext,
  todayOf,
} from '../../../platform/kit/index.ts';
import type { StatsQuery } from './finding.schemas.ts';
import {
  type StatsDimension,
  type StatsKey,
  statsBreakdown,
  statsKeyNames,
  statsTotals,
} from './finding-stats.repo.ts';
import { labelIn } from './oversight.rules.ts';
import { OVERSIGHT_READ, oversightScope } from './oversight.scope.ts';

/** Finding statistics per project or per contractor, within the caller's scope. */

const DIMENSIONS: Record<StatsDimension, { codes: readonly string[]; labels: Record<string, Label> }> = {
  category: { codes: HAZARD_CATEGORIES, labels: HAZARD_CATEGORY_LABELS },
  severity: { codes: SEVERITIES, labels: SEVERITY_LABELS },
  status: { codes: FINDING_STATUSES, labels: FINDING_STATUS_LABELS },
};

export interface StatsRow {
  key: string | null;
  name: string;
  projectCount: number;
  total: number;
  unclosed: number;
  closed: number;
  overdue: number;
  avgDaysToClose: number | null;
  byCategory: Array<{ code: string; name: string; count: number }>;
  bySeverity: Array<{ code: string; name: string; count: number }>;
  byStatus: Array<{ code: string; name: string; count: number }>;
}

async function statsBy(
  s: PlatformServices,
  ctx: RequestContext,
  q: StatsQuery,
  key: StatsKey,
): Promise<{ asOf: string; rows: StatsRow[] }> {
  const scope = await oversightScope(s, ctx, OVERSIGHT_READ);
  if (q.from) checkDate('from', q.from);
  if (q.to) checkDate('to', q.to);
  const asOf = todayOf(s);
  const filter = { scope, projectId: q.projectId, contractorId: q.contractorId, from: q.from, to: q.to };
  const [totals, category, severity, status] = await Promise.all([
    statsTotals(s.db, filter, key, asOf),
    statsBreakdown(s.db, filter, key, 'category'),
    statsBreakdown(s.db, filter, key, 'severity'),
    statsBreakdown(s.db, filter, key, 'status'),
  ]);
  const names = await statsKeyNames(
    s.db,
    key,
    totals.flatMap((t) => (t.key === null ? [] : [t.key])),
  );
  const lang: Lang = ctx.lang;
  const counts = (dimension: StatsDimension, list: typeof category, k: string | null) => {
    const d = DIMENSIONS[dimension];
    return d.codes.map((code) => ({
      code,
      name: labelIn(d.labels[code]!, lang),
      count: list.find((r) => r.key === k && r.value === code)?.n ?? 0,
    }));
  };
  const none = lang === 'en' ? '(no contractor)' : '（未登记施工单位）';
  const rows = totals.map((t) => ({
    key: t.key,
    name: t.key === null ? none : (names.get(t.key) ?? ''),
    projectCount: t.project_count,
    total: t.total,
    unclosed: t.total - t.closed,
    closed: t.closed,
    overdue: t.overdue,
    avgDaysToClose: t.avg_days_to_close === null ? null : Math.round(t.avg_days_to_close * 10) / 10,
    byCategory: counts('category', category, t.key),
    bySeverity: counts('severity', severity, t.key),
    byStatus: counts('status', status, t.key),
  }));
  // most overdue first, then most findings; the group without a contractor last
  rows.sort(
    (a, b) =>
      Number(a.key === null) - Number(b.key === null) ||
      b.overdue - a.overdue ||
      b.total - a.total ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  return { asOf, rows };
}

export const projectFindingStats = (s: PlatformServices, ctx: RequestContext, q: StatsQuery) =>
  statsBy(s, ctx, q, 'project');

export const contractorFindingStats = (s: PlatformServices, ctx: RequestContext, q: StatsQuery) =>
  statsBy(s, ctx, q, 'contractor');
