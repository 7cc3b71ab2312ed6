import type { FindingAction, FindingStatus } from '@gongfu/domain/renewal/finding-status';
import type { HazardCategory, Severity } from '@gongfu/domain/renewal/rectification';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, PlatformTables } from '../../../platform/kit/index.ts';
import type { RenewalTables } from '../shared/renewal.tables.ts';

/** Table types of the oversight part of the renewal module (migrations/0002-oversight.ts). */

type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read and written as 'YYYY-MM-DD'. */
type Day = string;

export interface MeetingTable {
  id: Generated<string>;
  title: string;
  held_on: Day;
  location: string | null;
  minutes: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface MeetingProjectTable {
  meeting_id: string;
  project_id: string;
}

export interface MeetingAttendeeTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  name: string;
  organisation_id: string | null;
  organisation_name: string;
  job_title: string | null;
}

export type ActionItemStatus = 'open' | 'done';

export interface ActionItemTable {
  id: Generated<string>;
  meeting_id: string;
  /** Number within the meeting, from 1. */
  seq: number;
  project_id: string;
  task_id: string | null;
  text: string;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  owner_person: string | null;
  due_on: Day;
  status: ColumnType<ActionItemStatus, ActionItemStatus | undefined, ActionItemStatus>;
  closed_on: Day | null;
  closing_note: string | null;
  closed_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface InspectionTable {
  id: Generated<string>;
  project_id: string;
  inspector_organisation_id: string;
  inspected_on: Day;
  inspector_names: string[];
  summary: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface FindingTable {
  id: Generated<string>;
  inspection_id: string;
  /** Number within the visit, from 1. */
  seq: number;
  project_id: string;
  category: HazardCategory;
  severity: Severity;
  location: string;
  description: string;
  photos: string[];
  found_on: Day;
  deadline: Day;
  stop_work: boolean;
  status: ColumnType<FindingStatus, FindingStatus | undefined, FindingStatus>;
  rounds: ColumnType<number, number | undefined, number>;
  closed_on: Day | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface FindingEventTable {
  id: Generated<string>;
  finding_id: string;
  /** Order within the finding's history, from 1. */
  seq: number;
  action: FindingAction;
  acted_on: Day;
  note: string | null;
  photos: string[];
  new_deadline: Day | null;
  organisation_id: string | null;
  actor_id: string | null;
  created_at: CreatedAt;
}

export type NightWorkStatus = 'pending' | 'approved' | 'rejected';

export interface NightWorkTable {
  id: Generated<string>;
  project_id: string;
  first_night: Day;
  last_night: Day;
  start_time: string;
  end_time: string;
  reason: string;
  noise_measures: string;
  requested_by: string | null;
  requesting_organisation_id: string | null;
  status: ColumnType<NightWorkStatus, NightWorkStatus | undefined, NightWorkStatus>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type NoticeChannel = 'notice_board' | 'wechat_group' | 'door_to_door' | 'phone';

export interface NightWorkNoticeTable {
  id: Generated<string>;
  night_work_id: string;
  text: string;
  published_on: Day;
  channel: NoticeChannel;
  created_by: string | null;
  created_at: CreatedAt;
}

export type Attitude = 'support' | 'neutral' | 'object';

export interface NightWorkFeedbackTable {
  id: Generated<string>;
  night_work_id: string;
  name: string | null;
  text: string;
  attitude: Attitude;
  received_on: Day;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface OversightTables {
  renewal_meetings: MeetingTable;
  renewal_meeting_projects: MeetingProjectTable;
  renewal_meeting_attendees: MeetingAttendeeTable;
  renewal_action_items: ActionItemTable;
  renewal_inspections: InspectionTable;
  renewal_findings: FindingTable;
  renewal_finding_events: FindingEventTable;
  renewal_night_work: NightWorkTable;
  renewal_night_work_notices: NightWorkNoticeTable;
  renewal_night_work_feedback: NightWorkFeedbackTable;
}

export type OversightDb = Kysely<PlatformTables & RenewalTables & OversightTables>;

/** The platform connection (or transaction), seen with the renewal and oversight tables. For repos only. */
export const odb = (db: Db): OversightDb => db as unknown as OversightDb;
