import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, PlatformTables } from '../../../platform/kit/index.ts';

/** Table types of the renewal module (SQL in migrations/0001-projects.ts). */

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export const PROJECT_TYPES = [
  'housing',
  'landmark',
  'future_community',
  'road',
  'old_community',
  'sewage',
  'other',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const DELIVERY_MODES = ['full_agency', 'agency', 'self_build', 'epc'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const STAGES = ['initiation', 'design', 'construction', 'acceptance', 'delivered'] as const;
export type Stage = (typeof STAGES)[number];

export const CALENDAR_KINDS = ['calendar-days', 'workdays'] as const;
export type CalendarKindName = (typeof CALENDAR_KINDS)[number];

export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
export type LinkTypeName = (typeof LINK_TYPES)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const WEATHERS = [
  'sunny',
  'cloudy',
  'overcast',
  'rain',
  'heavy_rain',
  'snow',
  'wind',
  'heat',
  'fog',
] as const;
export type Weather = (typeof WEATHERS)[number];

export interface Machinery {
  type: string;
  count: number;
}
export interface ReportProblem {
  text: string;
  severity: Severity;
}
export interface ReportPhoto {
  description: string;
  url: string | null;
  /** The uploaded photo (platform `files`, attached to the report); absent in older reports. */
  fileId?: string | null;
}

export interface ProjectTable {
  id: Generated<string>;
  name: string;
  type: ProjectType;
  region_code: string;
  owner_org_id: string;
  delivery_mode: DeliveryMode;
  agent_builder_id: string | null;
  contractor_id: string | null;
  supervisor_id: string | null;
  inspector_id: string | null;
  budget_fen: number;
  start_date: string;
  deadline: string;
  stage: Stage;
  calendar_kind: CalendarKindName;
  description: string | null;
  created_by: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export const EXCEPTION_KINDS = ['rain', 'stoppage', 'extra_workday'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export interface ProjectExceptionTable {
  project_id: string;
  day: string;
  working: boolean;
  reason: string;
  /** rain 雨天停工 | stoppage 其他停工 | extra_workday 加班/补班 (working = extra_workday). */
  kind: ColumnType<ExceptionKind, ExceptionKind | undefined, ExceptionKind>;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TaskForceTable {
  id: Generated<string>;
  project_id: string;
  stage: Stage;
  name: string;
  position: number;
}

export interface TaskForceMemberTable {
  id: Generated<string>;
  task_force_id: string;
  person_id: string | null;
  user_id: string | null;
  role: 'leader' | 'member';
  duty: string | null;
  position: number;
}

export interface TaskTable {
  id: Generated<string>;
  project_id: string;
  parent_id: string | null;
  wbs_code: string | null;
  name: string;
  duration: number;
  responsible_org_id: string | null;
  position: number;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface TaskLinkTable {
  id: Generated<string>;
  project_id: string;
  from_task_id: string;
  to_task_id: string;
  type: LinkTypeName;
  lag: number;
}

export interface DailyReportTable {
  id: Generated<string>;
  project_id: string;
  report_date: string;
  weather: Weather;
  workers_on_site: number;
  machinery: Json<Machinery[]>;
  problems: Json<ReportProblem[]>;
  photos: Json<ReportPhoto[]>;
  notes: string | null;
  filed_by: string | null;
  filed_by_name: string | null;
  amended_by: string | null;
  amended_by_name: string | null;
  amended_at: Date | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ReportProgressTable {
  report_id: string;
  task_id: string;
  percent: number | null;
  started_on: string | null;
  finished_on: string | null;
  remaining_days: number | null;
}

export interface ProjectIssueTable {
  id: Generated<string>;
  project_id: string;
  report_id: string | null;
  problem_no: number | null;
  title: string;
  severity: Severity;
  owner_org_id: string | null;
  due_date: string;
  status: Generated<'open' | 'resolved'>;
  resolution: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_by: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface ScheduleSnapshotTable {
  project_id: string;
  snapshot_date: string;
  project_finish: string;
  feasible: boolean;
  days_late: number;
  late_task_count: number;
  at_risk_task_count: number;
  /** Progress in basis points (0–10000) of the duration-weighted work. */
  progress_bp: number;
  computed_at: Date;
}

export interface RenewalTables {
  renewal_projects: ProjectTable;
  renewal_project_exceptions: ProjectExceptionTable;
  renewal_task_forces: TaskForceTable;
  renewal_task_force_members: TaskForceMemberTable;
  renewal_tasks: TaskTable;
  renewal_task_links: TaskLinkTable;
  renewal_daily_reports: DailyReportTable;
  renewal_report_progress: ReportProgressTable;
  renewal_project_issues: ProjectIssueTable;
  renewal_schedule_snapshots: ScheduleSnapshotTable;
}

export type RenewalDb = Kysely<PlatformTables & RenewalTables>;

/** The platform connection (or transaction), seen with this module's tables added. For repos only. */
export const rdb = (db: Db): RenewalDb => db as unknown as RenewalDb;
