import type { Kysely } from 'kysely';
import { execStatements } from '../../../../platform/kit/index.ts';

/**
 * Residents deciding during the works (问计于民): versions of a community's renovation plan with
 * their items and drawings, plan review meetings (方案评审会) with attendees and decisions, and
 * owners' ballots on a plan version under Civil Code art. 278 — one vote per owner across the
 * online, paper and proxy channels, every cast, correction and void kept as an event.
 * Runs after 0003-communities (it references the community register).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    // ---------------------------------------------------------------- plan versions
    `create table renewal_plans (
       id uuid primary key default gen_random_uuid(),
       community_id uuid not null references renewal_communities(id) on delete cascade,
       version integer not null check (version >= 1),
       title text not null,
       summary text not null default '',
       drawing_file_ids uuid[] not null default '{}',
       status text not null default 'draft'
         check (status in ('draft', 'reviewing', 'voting', 'adopted', 'superseded')),
       superseded_by uuid references renewal_plans(id),
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       unique (community_id, version)
     )`,
    `create table renewal_plan_items (
       id uuid primary key default gen_random_uuid(),
       plan_id uuid not null references renewal_plans(id) on delete cascade,
       position integer not null,
       name text not null,
       quantity text not null default '',
       cost_fen bigint not null check (cost_fen >= 0),
       unique (plan_id, position)
     )`,
    // ---------------------------------------------------------------- review meetings
    `create table renewal_plan_reviews (
       id uuid primary key default gen_random_uuid(),
       community_id uuid not null references renewal_communities(id) on delete cascade,
       plan_id uuid not null references renewal_plans(id),
       held_on date not null,
       place text not null,
       minutes text not null default '',
       decision text not null check (decision in ('adopt', 'revise')),
       decision_notes text not null default '',
       minutes_file_ids uuid[] not null default '{}',
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    'create index renewal_plan_reviews_community_idx on renewal_plan_reviews (community_id, held_on desc)',
    `create table renewal_plan_review_attendees (
       id uuid primary key default gen_random_uuid(),
       review_id uuid not null references renewal_plan_reviews(id) on delete cascade,
       position integer not null,
       name text not null,
       kind text not null
         check (kind in ('resident_rep', 'expert', 'designer', 'builder', 'street', 'bureau')),
       organisation text,
       unique (review_id, position)
     )`,
    // ---------------------------------------------------------------- ballots
    `create table renewal_ballots (
       id uuid primary key default gen_random_uuid(),
       community_id uuid not null references renewal_communities(id) on delete cascade,
       plan_id uuid not null references renewal_plans(id),
       matter text not null check (matter in ('ordinary', 'major')),
       question text not null,
       opens_at timestamptz not null,
       closes_at timestamptz not null,
       status text not null default 'draft'
         check (status in ('draft', 'open', 'closed', 'published', 'void')),
       opened_at timestamptz,
       closed_at timestamptz,
       published_at timestamptz,
       voided_at timestamptz,
       void_reason text,
       result jsonb,
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check (closes_at > opens_at)
     )`,
    'create index renewal_ballots_community_idx on renewal_ballots (community_id, created_at desc)',
    'create index renewal_ballots_plan_idx on renewal_ballots (plan_id)',
    // one vote per owner per ballot, whatever the channel
    `create table renewal_ballot_votes (
       id uuid primary key default gen_random_uuid(),
       ballot_id uuid not null references renewal_ballots(id) on delete cascade,
       owner_id uuid not null references renewal_community_owners(id),
       channel text not null check (channel in ('online', 'paper', 'proxy')),
       choice text not null check (choice in ('yes', 'no', 'abstain')),
       scan_file_id uuid,
       proxy_holder text,
       proxy_file_id uuid,
       token_id uuid references renewal_resident_tokens(id),
       recorded_by uuid references users(id),
       cast_at timestamptz not null,
       updated_at timestamptz not null,
       unique (ballot_id, owner_id),
       check (channel <> 'paper' or scan_file_id is not null),
       check (channel <> 'proxy' or (proxy_holder is not null and proxy_file_id is not null)),
       check (channel <> 'online' or token_id is not null)
     )`,
    `create table renewal_ballot_vote_events (
       id uuid primary key default gen_random_uuid(),
       seq bigint generated always as identity,
       ballot_id uuid not null references renewal_ballots(id) on delete cascade,
       vote_id uuid not null,
       owner_id uuid not null references renewal_community_owners(id),
       action text not null check (action in ('cast', 'corrected', 'voided')),
       channel text not null,
       choice text not null,
       before jsonb,
       reason text,
       actor_id uuid references users(id),
       actor_name text not null,
       at timestamptz not null
     )`,
    'create index renewal_ballot_vote_events_ballot_idx on renewal_ballot_vote_events (ballot_id, seq)',
  ]);
}
