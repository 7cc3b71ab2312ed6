import type { ColumnType, Generated } from 'kysely';

/** Table types of the platform core. Modules declare their own tables beside their code. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a database default. */
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionTable {
  code: string;
  name: string;
  parent_code: string | null;
  level: number;
  pinyin: string;
}

export type OrganisationKind =
  | 'department'
  | 'street_office'
  | 'enterprise'
  | 'university'
  | 'workshop'
  | 'inspector'
  | 'contractor'
  | 'village_committee'
  | 'other';

export interface OrganisationTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: OrganisationKind;
  name: string;
  region_code: string;
  credit_code: string | null;
  address: string | null;
  status: Generated<'active' | 'closed'>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface PersonTable {
  id: Generated<string>;
  name: string;
  citizen_id_enc: string;
  citizen_id_index: string;
  citizen_id_masked: string;
  birth_date: string;
  gender: 'male' | 'female';
  native_region_code: string;
  region_code: string | null;
  mobile_enc: string | null;
  mobile_index: string | null;
  mobile_masked: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  organisation_id: string | null;
  /** When an administrator last set the password; null once the owner has changed it since. */
  password_reset_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** Failed sign-ins per username, whether or not an account has that name (0007). */
export interface SignInFailureTable {
  username: string;
  failed_attempts: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface UserGrantTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  region_code: string | null;
  organisation_id: string | null;
  programmes: ColumnType<string[], string[] | undefined, string[]>;
  created_at: TimestampDefault;
}

export interface SessionTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: ColumnType<unknown, string | null, never> | null;
  after: ColumnType<unknown, string | null, never> | null;
  request_id: string | null;
  ip: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** 1, 2, 3 … without gaps, assigned under the chain's lock (0007). */
  seq: number;
  prev_hash: string;
  hash: string;
}

/** How many persons live in each region subtree ('' counts everyone), kept by triggers (0008). */
export interface PersonRegionCountTable {
  region_prefix: string;
  persons: number;
}

export interface PlatformTables {
  regions: RegionTable;
  organisations: OrganisationTable;
  persons: PersonTable;
  person_region_counts: PersonRegionCountTable;
  users: UserTable;
  sign_in_failures: SignInFailureTable;
  user_grants: UserGrantTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
}
