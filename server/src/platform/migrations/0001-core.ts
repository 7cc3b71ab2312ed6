import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table regions (
       code text primary key,
       name text not null,
       parent_code text references regions(code),
       level smallint not null check (level between 1 and 5),
       pinyin text not null
     )`,
    'create index regions_parent_idx on regions (parent_code)',
    `create table organisations (
       id uuid primary key default gen_random_uuid(),
       parent_id uuid references organisations(id),
       kind text not null check (kind in ('department','street_office','enterprise','university','workshop',
         'inspector','contractor','village_committee','other')),
       name text not null,
       region_code text not null references regions(code),
       credit_code text unique,
       address text,
       status text not null default 'active' check (status in ('active','closed')),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    'create index organisations_parent_idx on organisations (parent_id)',
    'create index organisations_region_idx on organisations (region_code)',
    `create table persons (
       id uuid primary key default gen_random_uuid(),
       name text not null,
       citizen_id_enc text not null,
       citizen_id_index text not null unique,
       citizen_id_masked text not null,
       birth_date date not null,
       gender text not null check (gender in ('male','female')),
       native_region_code text not null,
       region_code text references regions(code),
       mobile_enc text,
       mobile_index text,
       mobile_masked text,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    'create index persons_region_idx on persons (region_code)',
    'create index persons_mobile_idx on persons (mobile_index)',
    `create table users (
       id uuid primary key default gen_random_uuid(),
       username text not null unique,
       display_name text not null,
       password_hash text not null,
       status text not null default 'active' check (status in ('active','disabled')),
       failed_attempts integer not null default 0,
       locked_until timestamptz,
       organisation_id uuid references organisations(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    `create table user_grants (
       id uuid primary key default gen_random_uuid(),
       user_id uuid not null references users(id) on delete cascade,
       role text not null,
       region_code text references regions(code),
       organisation_id uuid references organisations(id),
       programmes text[] not null default '{}',
       created_at timestamptz not null default now()
     )`,
    'create index user_grants_user_idx on user_grants (user_id)',
    `create table sessions (
       id text primary key,
       user_id uuid not null references users(id) on delete cascade,
       created_at timestamptz not null,
       last_seen_at timestamptz not null,
       expires_at timestamptz not null,
       revoked_at timestamptz,
       ip text,
       user_agent text
     )`,
    'create index sessions_user_idx on sessions (user_id)',
    `create table audit_log (
       id bigserial primary key,
       at timestamptz not null,
       actor_id uuid,
       actor_name text,
       action text not null,
       entity_type text,
       entity_id text,
       before jsonb,
       after jsonb,
       request_id text,
       ip text,
       outcome text not null check (outcome in ('ok','denied','failed')),
       prev_hash text not null,
       hash text not null
     )`,
    'create index audit_log_actor_idx on audit_log (actor_id, at)',
    'create index audit_log_entity_idx on audit_log (entity_type, entity_id)',
    'create index audit_log_at_idx on audit_log (at)',
    `create function audit_log_append_only() returns trigger language plpgsql as $$
     begin
       raise exception 'audit_log is append-only: % is refused', tg_op;
     end $$`,
    `create trigger audit_log_no_update_delete before update or delete on audit_log
       for each row execute function audit_log_append_only()`,
    `create trigger audit_log_no_truncate before truncate on audit_log
       for each statement execute function audit_log_append_only()`,
  ]);
}
