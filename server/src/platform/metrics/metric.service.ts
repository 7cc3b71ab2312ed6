import type { RequestContext } from '../audit/audit.service.ts';
import { invalid, type Lang, notFound } from '../http/errors.ts';
import { checkDate, todayOf } from '../kit/dates.ts';
import { say } from '../kit/lang.ts';
import { scopeOf } from '../kit/scope.ts';
import type { PlatformServices } from '../module/app-types.ts';
import type { MetricDef, ModuleManifest } from '../module/manifest.ts';
import { findRegion, listRegionChildren } from '../regions/region.repo.ts';
import { narrowRegions } from './metric.rules.ts';

interface Registered {
  def: MetricDef;
  module: string;
}

/** Every module's metrics by key (a key declared twice fails start-up). */
export function metricRegistry(manifests: ModuleManifest[]): Map<string, Registered> {
  const out = new Map<string, Registered>();
  for (const m of manifests) {
    for (const def of m.metrics ?? []) {
      if (out.has(def.key)) throw new Error(`Metric ${def.key} is declared twice`);
      out.set(def.key, { def, module: m.id });
    }
  }
  return out;
}

const view = (r: Registered, lang: Lang) => ({
  key: r.def.key,
  name: say(r.def.name, lang),
  unit: say(r.def.unit, lang),
  kind: r.def.kind,
  module: r.module,
});

/** The metrics the caller may read (holds their permission). */
export function listMetrics(ctx: RequestContext, registry: Map<string, Registered>) {
  const held = ctx.principal?.permissions ?? new Set<string>();
  return [...registry.values()].filter((r) => held.has(r.def.permission)).map((r) => view(r, ctx.lang));
}

export interface MetricRequest {
  from?: string | undefined;
  to?: string | undefined;
  regionCode?: string | undefined;
  by?: 'region' | undefined;
}

/**
 * A figure for the caller: within the scope of the metric's permission (401/403 as for any
 * route; an unknown metric or a region outside the scope: 404), over a period, optionally
 * broken down by the sub-regions of the region asked for.
 */
export async function readMetric(
  s: PlatformServices,
  ctx: RequestContext,
  registry: Map<string, Registered>,
  key: string,
  q: MetricRequest,
) {
  const r = registry.get(key);
  if (!r)
    throw notFound(
      { zh: `没有名为 ${key} 的指标`, en: `There is no metric named ${key}` },
      'METRIC_NOT_FOUND',
    );
  const scope = await scopeOf(s, ctx, r.def.permission);
  const to = q.to ? checkDate('to', q.to) : todayOf(s);
  const from = q.from ? checkDate('from', q.from) : `${to.slice(0, 4)}-01-01`;
  if (from > to) {
    throw invalid('from', {
      zh: `开始日期（${from}）不能晚于结束日期（${to}），请调整统计期间`,
      en: `The first day (${from}) cannot be after the last day (${to}); adjust the period`,
    });
  }
  const within = scope.all ? null : scope.regions;
  const regionCode = q.regionCode ?? null;
  if (regionCode !== null && !(await findRegion(s.db, regionCode))) throw regionNotFound(regionCode);
  const regions = narrowRegions(within, regionCode);
  if (regions !== null && regions.length === 0) throw regionNotFound(regionCode ?? '');
  const value = await r.def.compute(s, { regions, from, to });
  const breakdown =
    q.by === 'region'
      ? await Promise.all(
          (
            await listRegionChildren(
              s.db,
              regionCode ?? (regions?.length === 1 ? (regions[0] as string) : null),
            )
          )
            .map((c) => ({ c, covered: narrowRegions(within, c.code) }))
            .filter(({ covered }) => covered === null || covered.length > 0)
            .map(async ({ c, covered }) => ({
              regionCode: c.code,
              regionName: c.name,
              value: await r.def.compute(s, { regions: covered, from, to }),
            })),
        )
      : undefined;
  return {
    metric: view(r, ctx.lang),
    from,
    to,
    regionCode,
    value,
    ...(breakdown ? { breakdown } : {}),
  };
}

const regionNotFound = (code: string) =>
  notFound(
    { zh: `统计范围内没有行政区划 ${code}`, en: `Region ${code} is not within your scope` },
    'REGION_NOT_FOUND',
  );
