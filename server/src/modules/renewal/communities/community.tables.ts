import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db, PlatformTables } from '../../../platform/kit/index.ts';
import type { RenewalTables } from '../shared/renewal.tables.ts';

/** Table types of old-community renovation (migrations/0003-communities.ts, 0004-surveys.ts). */

type At = ColumnType<Date, Date | string | undefined, Date | string>;

export type CommunityStatus =
  | 'planned'
  | 'surveying'
  | 'designing'
  | 'voting'
  | 'construction'
  | 'completed'
  | 'accepted';

export const COMMUNITY_STATUSES: readonly CommunityStatus[] = [
  'planned',
  'surveying',
  'designing',
  'voting',
  'construction',
  'completed',
  'accepted',
];

export interface CommunityTable {
  id: Generated<string>;
  name: string;
  region_code: string;
  address: string | null;
  year_built: number | null;
  /** Renovation batch (改造批次), e.g. "2023年第一批". */
  batch: string | null;
  status: Generated<CommunityStatus>;
  /** The construction project (renewal_projects) that carries out the renovation. */
  project_id: string | null;
  created_at: At;
  updated_at: At;
}

export interface CommunityBuildingTable {
  id: Generated<string>;
  community_id: string;
  /** As residents say it: "1幢", "3号楼". */
  name: string;
  position: number;
}

export type OwnerKind = 'person' | 'organisation';

/** An owner (业主) counted once however many units it holds: a person, or an organisation such as the developer. */
export interface CommunityOwnerTable {
  id: Generated<string>;
  community_id: string;
  name: string;
  /** A person, or an organisation (the developer holding unsold units, a company). */
  kind: Generated<OwnerKind>;
  person_id: string | null;
  organisation_id: string | null;
  created_at: At;
}

export interface CommunityUnitTable {
  id: Generated<string>;
  community_id: string;
  building_id: string;
  /** 单元, '' when the building has one entrance. */
  entrance: string;
  /** 室, e.g. "302". */
  room: string;
  /** Exclusive area (专有部分面积) in hundredths of a square metre: 89.37 m² is 8937. */
  area_centi: number;
  owner_id: string;
}

export type ResidentTokenPurpose = 'survey' | 'ballot';

export interface ResidentTokenTable {
  id: Generated<string>;
  /** SM3 of the token: how a link is looked up. */
  token_hash: string;
  /** The token itself, encrypted, so a link sheet can be printed again. */
  token_enc: string;
  purpose: ResidentTokenPurpose;
  /** The survey or ballot the link answers. */
  subject_id: string;
  community_id: string;
  unit_id: string | null;
  owner_id: string | null;
  issued_at: At;
  expires_at: At;
  used_at: At | null;
  revoked_at: At | null;
}

export type SurveyPhase = 'needs' | 'satisfaction';
export type SurveyStatus = 'draft' | 'open' | 'closed' | 'published';
export type QuestionKind = 'single' | 'multiple' | 'rating' | 'text';
export type ResponseChannel = 'online' | 'paper';

export interface SurveyTable {
  id: Generated<string>;
  community_id: string;
  phase: SurveyPhase;
  title: string;
  intro: Generated<string>;
  status: Generated<SurveyStatus>;
  /** When the units' links stop working. */
  links_expire_at: At | null;
  opened_at: At | null;
  closed_at: At | null;
  published_at: At | null;
  /** The figures as published (frozen): a `SurveyResult`. */
  result: ColumnType<unknown, string | null, string | null> | null;
  created_by: string | null;
  created_at: At;
  updated_at: At;
}

export interface SurveyQuestionTable {
  id: Generated<string>;
  survey_id: string;
  position: number;
  kind: QuestionKind;
  text: string;
  required: boolean;
}

export interface SurveyOptionTable {
  id: Generated<string>;
  question_id: string;
  position: number;
  label: string;
}

/** One unit's answer sheet: online (by its link) or on paper entered by staff; one per unit. */
export interface SurveyResponseTable {
  id: Generated<string>;
  survey_id: string;
  unit_id: string;
  channel: ResponseChannel;
  token_id: string | null;
  entered_by: string | null;
  submitted_at: At;
  corrected_at: At | null;
  corrected_by: string | null;
}

/** One chosen option, one rating or one text of a response. */
export interface SurveyAnswerTable {
  id: Generated<string>;
  response_id: string;
  question_id: string;
  option_id: string | null;
  rating: number | null;
  text: string | null;
}

/** The acceptance (竣工验收) of a community's renovation, with the satisfaction reached. */
export interface CommunityAcceptanceTable {
  community_id: string;
  /** 'YYYY-MM-DD' */
  accepted_on: string;
  accepted_by: string;
  /** The published satisfaction survey the figures come from. */
  survey_id: string;
  /** Respondents rating the overall question 4 or 5, of those who rated it. */
  satisfied: number;
  rated: number;
  note: string | null;
  recorded_by: string | null;
  created_at: At;
}

export interface CommunityTables {
  renewal_surveys: SurveyTable;
  renewal_survey_questions: SurveyQuestionTable;
  renewal_survey_options: SurveyOptionTable;
  renewal_survey_responses: SurveyResponseTable;
  renewal_survey_answers: SurveyAnswerTable;
  renewal_community_acceptances: CommunityAcceptanceTable;
  renewal_communities: CommunityTable;
  renewal_community_buildings: CommunityBuildingTable;
  renewal_community_owners: CommunityOwnerTable;
  renewal_community_units: CommunityUnitTable;
  renewal_resident_tokens: ResidentTokenTable;
}

export type CommunityDb = Kysely<PlatformTables & RenewalTables & CommunityTables>;

/** The platform connection (or transaction), seen with the community tables. For repos only. */
export const cdb = (db: Db): CommunityDb => db as unknown as CommunityDb;
