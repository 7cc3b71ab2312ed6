import { formatBasisPoints, rateBasisPoints, STANDARD_CODE } from '@gongfu/domain/renewal/sewage';
import { type SqlBool, sql } from 'kysely';
import {
  type PlatformServices,
  type RequestContext,
  regionScopeSql,
  regionSubtreeSql,
  scopeOf,
  todayOf,
} from '../../platform/kit/index.ts';
import { FACILITIES_READ } from './facilities.scope.ts';
import type { SummaryQuery } from './sewage.schemas.ts';
import { coverageCounts, facilityCounts, type Within, yearRows } from './sewage-summary.repo.ts';

/** The sewage figures: facilities, coverage and compliance rates, computed from the records. */

export const rateOf = (n: number, d: number) => {
  const bp = rateBasisPoints(n, d);
  return { rate: bp === null ? null : formatBasisPoints(bp), rateBasisPoints: bp };
};

/** Records within region subtrees (null: everywhere), for figures the system computes. */
export const withinRegions =
  (regions: string[] | null): Within =>
  (column) =>
    regionScopeSql({ all: regions === null, regions: regions ?? [], organisations: [] }, column);

/**
 * The year's figures, coverage now, and every year, over the records `within` admits.
 * Without a year: the latest year up to this one with water tests (the figures are reported
 * for a finished monitoring year), else this year.
 */
export async function sewageFigures(s: PlatformServices, within: Within, wanted: number | undefined) {
  const [facilities, coverage, years] = await Promise.all([
    facilityCounts(s.db, within),
    coverageCounts(s.db, within),
    yearRows(s.db, within),
  ]);
  const thisYear = Number(todayOf(s).slice(0, 4));
  const year = wanted ?? years.find((r) => r.year <= thisYear && r.testedFacilities > 0)?.year ?? thisYear;
  const y = years.find((r) => r.year === year);
  const byYear = years.map((r) => ({ ...r, ...rateOf(r.compliantFacilities, r.testedFacilities) }));
  return {
    year,
    standard: STANDARD_CODE,
    facilities,
    builtOrRebuilt: {
      count: (y?.built ?? 0) + (y?.rebuilt ?? 0),
      built: y?.built ?? 0,
      rebuilt: y?.rebuilt ?? 0,
      investmentFen: y?.investmentFen ?? 0,
    },
    coverage: { ...coverage, ...rateOf(coverage.covered, coverage.inScope) },
    compliance: {
      testedFacilities: y?.testedFacilities ?? 0,
      compliantFacilities: y?.compliantFacilities ?? 0,
      tests: y?.tests ?? 0,
      compliantTests: y?.compliantTests ?? 0,
      ...rateOf(y?.compliantFacilities ?? 0, y?.testedFacilities ?? 0),
    },
    byYear,
  };
}

/** The caller's records (read scope), narrowed to `regionCode` when given. */
async function callersRecords(s: PlatformServices, ctx: RequestContext, regionCode: string | undefined) {
  const scope = await scopeOf(s, ctx, FACILITIES_READ);
  return (column: string) =>
    regionCode === undefined
      ? regionScopeSql(scope, column)
      : sql<SqlBool>`(${regionScopeSql(scope, column)} and ${regionSubtreeSql(column, regionCode)})`;
}

export async function sewageSummary(s: PlatformServices, ctx: RequestContext, q: SummaryQuery) {
  const within = await callersRecords(s, ctx, q.regionCode);
  return { ...(await sewageFigures(s, within, q.year)), regionCode: q.regionCode ?? null };
}

/** The figures per year, for the Excel export (one page: a row per year). */
export async function yearExportPages(s: PlatformServices, ctx: RequestContext, q: SummaryQuery) {
  const { byYear } = await sewageFigures(s, await callersRecords(s, ctx, q.regionCode), q.year);
  async function* one() {
    if (byYear.length > 0) yield byYear;
  }
  return { total: byYear.length, filters: { regionCode: q.regionCode }, pages: one() };
}
