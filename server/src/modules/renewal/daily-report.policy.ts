import type { RequestContext } from '../../platform/audit/audit.service.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import type { PlatformServices } from '../../platform/module/app-types.ts';
import { findReport, type ReportRow } from './daily-report.repo.ts';
import { type ProjectAccess, projectForRead, projectForReport } from './project.policy.ts';

/**
 * Daily reports follow their project: whoever may read the project reads its reports;
 * `renewal.report` on the project (staff in its region, its contractor or agent builder)
 * files and amends them.
 */

export const reportNotFound = (id: string) =>
  notFound({ zh: `工程日报 ${id}`, en: `Daily report ${id}` }, 'RENEWAL_REPORT_NOT_FOUND');

async function loadReport(s: PlatformServices, id: string): Promise<ReportRow> {
  const report = await findReport(s.db, id);
  if (!report) throw reportNotFound(id);
  return report;
}

/** The report, if the caller may read its project; 404 otherwise. */
export async function reportForRead(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<ProjectAccess & { report: ReportRow }> {
  const report = await loadReport(s, id);
  const access = await projectForRead(s, ctx, report.project_id).catch((e: unknown) => {
    throw e instanceof AppError && e.kind === 'not_found' ? reportNotFound(id) : e;
  });
  return { ...access, report };
}

/** The report, if the caller may amend its project's reports. */
export async function reportForAmend(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
): Promise<ProjectAccess & { report: ReportRow }> {
  const report = await loadReport(s, id);
  const access = await projectForReport(s, ctx, report.project_id).catch((e: unknown) => {
    throw e instanceof AppError && e.kind === 'not_found' ? reportNotFound(id) : e;
  });
  return { ...access, report };
}
