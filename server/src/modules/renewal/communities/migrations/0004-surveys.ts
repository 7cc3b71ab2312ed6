import type { Kysely } from 'kysely';
import { execStatements } from '../../../../platform/kit/index.ts';

/**
 * Residents' surveys of a community under renovation: before the works (问需于民, phase
 * 'needs') and after them (问效于民, phase 'satisfaction'). A survey has questions (single or
 * multiple choice, a 1–5 rating, free text) with options; each unit answers once, online by
 * its one-time link or on paper entered by staff. A published survey keeps the figures it was
 * published with (`result`). The acceptance (竣工验收) of a community's renovation records the
 * satisfaction its published satisfaction survey reached.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table renewal_surveys (
       id uuid primary key default gen_random_uuid(),
       community_id uuid not null references renewal_communities(id) on delete cascade,
       phase text not null check (phase in ('needs', 'satisfaction')),
       title text not null,
       intro text not null default '',
       status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'published')),
       links_expire_at timestamptz,
       opened_at timestamptz,
       closed_at timestamptz,
       published_at timestamptz,
       result jsonb,
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    'create index renewal_surveys_community_idx on renewal_surveys (community_id, created_at)',
    `create table renewal_survey_questions (
       id uuid primary key default gen_random_uuid(),
       survey_id uuid not null references renewal_surveys(id) on delete cascade,
       position integer not null,
       kind text not null check (kind in ('single', 'multiple', 'rating', 'text')),
       text text not null,
       required boolean not null default true,
       unique (survey_id, position)
     )`,
    `create table renewal_survey_options (
       id uuid primary key default gen_random_uuid(),
       question_id uuid not null references renewal_survey_questions(id) on delete cascade,
       position integer not null,
       label text not null,
       unique (question_id, position)
     )`,
    `create table renewal_survey_responses (
       id uuid primary key default gen_random_uuid(),
       survey_id uuid not null references renewal_surveys(id) on delete cascade,
       unit_id uuid not null references renewal_community_units(id) on delete cascade,
       channel text not null check (channel in ('online', 'paper')),
       token_id uuid references renewal_resident_tokens(id) on delete set null,
       entered_by uuid references users(id),
       submitted_at timestamptz not null,
       corrected_at timestamptz,
       corrected_by uuid references users(id),
       unique (survey_id, unit_id)
     )`,
    `create table renewal_survey_answers (
       id uuid primary key default gen_random_uuid(),
       response_id uuid not null references renewal_survey_responses(id) on delete cascade,
       question_id uuid not null references renewal_survey_questions(id) on delete cascade,
       option_id uuid references renewal_survey_options(id) on delete cascade,
       rating integer check (rating between 1 and 5),
       text text,
       check ((option_id is not null)::int + (rating is not null)::int + (text is not null)::int = 1)
     )`,
    'create index renewal_survey_answers_response_idx on renewal_survey_answers (response_id)',
    'create index renewal_survey_answers_question_idx on renewal_survey_answers (question_id, option_id)',
    `create table renewal_community_acceptances (
       community_id uuid primary key references renewal_communities(id) on delete cascade,
       accepted_on date not null,
       accepted_by text not null,
       survey_id uuid not null references renewal_surveys(id),
       satisfied integer not null check (satisfied >= 0),
       rated integer not null check (rated >= satisfied),
       note text,
       recorded_by uuid references users(id),
       created_at timestamptz not null default now()
     )`,
  ]);
}
