import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, PlatformTables } from '../../../platform/kit/index.ts';
import type { CommunityTables } from '../communities/community.tables.ts';
import type { RenewalTables } from '../shared/renewal.tables.ts';

/** Table types of the ballots part of the renewal module (migrations/0005-ballots.ts). */

type At = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: read and written as 'YYYY-MM-DD'. */
type Day = string;
/** A bigint column (money in fen): read back as a string by the driver. */
type BigintCol = ColumnType<string, number | bigint | string, number | bigint | string>;

export type PlanStatus = 'draft' | 'reviewing' | 'voting' | 'adopted' | 'superseded';
export const PLAN_STATUSES: readonly PlanStatus[] = ['draft', 'reviewing', 'voting', 'adopted', 'superseded'];

export interface PlanTable {
  id: Generated<string>;
  community_id: string;
  version: number;
  title: string;
  summary: string;
  drawing_file_ids: string[];
  status: ColumnType<PlanStatus, PlanStatus | undefined, PlanStatus>;
  superseded_by: string | null;
  created_by: string | null;
  created_at: At;
  updated_at: At;
}

export interface PlanItemTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  name: string;
  /** Quantity or description as written: "外墙 12,400 m²", "更换 36 部单元门". */
  quantity: string;
  cost_fen: BigintCol;
}

export type ReviewDecision = 'adopt' | 'revise';
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['adopt', 'revise'];

/** 居民代表 / 专家 / 设计单位 / 施工单位 / 街道社区 / 住建局. */
export type AttendeeKind = 'resident_rep' | 'expert' | 'designer' | 'builder' | 'street' | 'bureau';
export const ATTENDEE_KINDS: readonly AttendeeKind[] = [
  'resident_rep',
  'expert',
  'designer',
  'builder',
  'street',
  'bureau',
];

export interface PlanReviewTable {
  id: Generated<string>;
  community_id: string;
  plan_id: string;
  held_on: Day;
  place: string;
  minutes: string;
  decision: ReviewDecision;
  decision_notes: string;
  minutes_file_ids: string[];
  created_by: string | null;
  created_at: At;
  updated_at: At;
}

export interface PlanReviewAttendeeTable {
  id: Generated<string>;
  review_id: string;
  position: number;
  name: string;
  kind: AttendeeKind;
  organisation: string | null;
}

export type Matter = 'ordinary' | 'major';
export const MATTERS: readonly Matter[] = ['ordinary', 'major'];
export type BallotStatus = 'draft' | 'open' | 'closed' | 'published' | 'void';
export const BALLOT_STATUSES: readonly BallotStatus[] = ['draft', 'open', 'closed', 'published', 'void'];

/** The figures of a closed ballot (areas in hundredths of m²), frozen when it is published. */
export interface BallotResult {
  outcome: 'passed' | 'rejected' | 'no-quorum';
  totalOwners: number;
  participatingOwners: number;
  yesOwners: number;
  noOwners: number;
  abstainOwners: number;
  totalArea: string;
  participatingArea: string;
  yesArea: string;
  noArea: string;
  abstainArea: string;
  byChannel: { online: number; paper: number; proxy: number };
  computedAt: string;
}

export interface BallotTable {
  id: Generated<string>;
  community_id: string;
  plan_id: string;
  matter: Matter;
  question: string;
  opens_at: At;
  closes_at: At;
  status: ColumnType<BallotStatus, BallotStatus | undefined, BallotStatus>;
  opened_at: At | null;
  closed_at: At | null;
  published_at: At | null;
  voided_at: At | null;
  void_reason: string | null;
  result: ColumnType<BallotResult | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: At;
  updated_at: At;
}

export type Channel = 'online' | 'paper' | 'proxy';
export const CHANNELS: readonly Channel[] = ['online', 'paper', 'proxy'];
export type Choice = 'yes' | 'no' | 'abstain';
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain'];

export interface BallotVoteTable {
  id: Generated<string>;
  ballot_id: string;
  owner_id: string;
  channel: Channel;
  choice: Choice;
  scan_file_id: string | null;
  proxy_holder: string | null;
  proxy_file_id: string | null;
  token_id: string | null;
  recorded_by: string | null;
  cast_at: At;
  updated_at: At;
}

export type VoteAction = 'cast' | 'corrected' | 'voided';

export interface BallotVoteEventTable {
  id: Generated<string>;
  /** Order of the events (an identity column). */
  seq: Generated<string>;
  ballot_id: string;
  vote_id: string;
  owner_id: string;
  action: VoteAction;
  channel: Channel;
  choice: Choice;
  before: ColumnType<unknown, string | null | undefined, string | null>;
  reason: string | null;
  actor_id: string | null;
  actor_name: string;
  at: At;
}

export interface BallotTables {
  renewal_plans: PlanTable;
  renewal_plan_items: PlanItemTable;
  renewal_plan_reviews: PlanReviewTable;
  renewal_plan_review_attendees: PlanReviewAttendeeTable;
  renewal_ballots: BallotTable;
  renewal_ballot_votes: BallotVoteTable;
  renewal_ballot_vote_events: BallotVoteEventTable;
}

export type BallotDb = Kysely<PlatformTables & RenewalTables & CommunityTables & BallotTables>;

/** The platform connection (or transaction), seen with the community and ballot tables. For repos only. */
export const bdb = (db: Db): BallotDb => db as unknown as BallotDb;
