/** What a module's tests may use of the platform besides the kit: fixtures and checks. */

export { verifyAuditChain } from '../audit/audit-verify.ts';
export { ManualClock } from '../clock.ts';
export { type Config, defaultSecurity } from '../config.ts';
export { shownSheetsOf, typedSheetsOf, workbookOf } from '../excel/__tests__/typed-fixtures.ts';
export { sheetsOf, xlsxOf } from '../excel/__tests__/xlsx-fixtures.ts';
export { XLSX_TYPE } from '../excel/xlsx-export.ts';
export { tinyPdf, upload } from '../files/__tests__/multipart.ts';
export { countStaged } from '../jobs/job.repo.ts';
export { creditCodeFor } from '../orgs/__tests__/org-factory.ts';
export { updateOrganisation } from '../orgs/organisation.service.ts';
