/**
 * The module kit: everything a programme module may use of the platform, from one place.
 * Modules import nothing else of `platform/` (a test enforces it); tests add `kit/testing.ts`.
 * What a module needs and the kit lacks is added here, not reached for inside the platform.
 */

// Platform records a module refers to
export { systemContext } from '../accounts/create-user.ts';
// Records and transactions
export type { Db } from '../audit/audit.repo.ts';
// Requests, errors, languages
export type { AuditFn, RequestContext } from '../audit/audit.service.ts';
export { namesIn } from '../audit/audit-labels.ts';
export { roleList } from '../auth/access.ts';
export { regionInScope, regionScope } from '../auth/principal.ts';
export { actAs } from '../auth/principal-for.ts';
export { type Clock, shanghaiDate, shanghaiDateTime } from '../clock.ts';
export { execStatements } from '../db/migrate.ts';
export type { OrganisationKind, PlatformTables } from '../db/schema.ts';
export type {
  ExcelListDef,
  ExportColumn,
  ImportColumn,
  ImportRow,
  ListParams,
  PreparedRow,
  RowImporter,
  RowProblem,
} from '../excel/excel-list.ts';
export { IMAGE_TYPES } from '../files/file.rules.ts';
export { FileViewSchema } from '../files/file.schemas.ts';
export type { FileView } from '../files/file.service.ts';
export { solidPng } from '../files/png.ts';
export {
  AppError,
  type Bilingual,
  conflict,
  forbidden,
  invalid,
  type Lang,
  notFound,
  unauthenticated,
} from '../http/errors.ts';

// Lists and Excel
export { pageOf, pageQueryFields, pageWindow } from '../http/pagination.ts';
export { listStagedRows } from '../jobs/job.repo.ts';
export type { GongfuApp, PlatformServices } from '../module/app-types.ts';
export {
  type AuditDefs,
  type AuditEntityDef,
  type DemoContext,
  defineModule,
  type MenuEntry,
  type MetricDef,
  type MetricQuery,
  type ModuleManifest,
  type PermissionDef,
  type ScheduleDef,
  type ScheduleOutcome,
  type ScheduleRunContext,
  type ScheduleWhen,
} from '../module/manifest.ts';
// The manifest and the app
export { type ModuleServices, servicesOf } from '../module/module-services.ts';
export { notify } from '../notifications/notifier.ts';
export { ORG_READ } from '../orgs/organisation.policy.ts';
export { createOrganisation } from '../orgs/organisation.service.ts';
export { findRegion } from '../regions/region.repo.ts';
export {
  addDays,
  checkDate,
  checkRange,
  DATE_PATTERN,
  daysBetween,
  shanghaiInstant,
  todayOf,
} from './dates.ts';
export { isUniqueViolation, pgError, uniqueAsField } from './db-errors.ts';
export { labelList, say, yesNo } from './lang.ts';
export {
  type CanFlag,
  defineList,
  filter,
  type ListExcel,
  type ListItem,
  type ListPage,
  type ListParentDef,
  type ListQuery,
  type ListView,
  pagesOf,
  type ScopedList,
  type SortKey,
} from './list.ts';
export { formatFen, formatWan, yuanToFen } from './money.ts';
export {
  type Actor,
  actorOf,
  actorWith,
  definePolicy,
  type Policy,
  type PolicyDef,
  type Rule,
} from './policy.ts';
export {
  CodeLabel,
  DateString,
  dateString,
  IdParams,
  Nullable,
  OrgRef,
  orgRef,
  Uuid,
  uuid,
} from './schemas.ts';
// Scope and permissions
export {
  isSystem,
  regionScopeSql,
  regionSubtreeSql,
  regionsSql,
  regionWithin,
  type Scope,
  scopeOf,
  subtreeEnd,
} from './scope.ts';
// Fields: text, dates, money, schemas
export { cleanList, escapeLike, optionalText, requiredText } from './text.ts';
