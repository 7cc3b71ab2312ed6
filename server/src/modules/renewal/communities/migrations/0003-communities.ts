import type { Kysely } from 'kysely';
import { execStatements } from '../../../../platform/kit/index.ts';

/**
 * Old residential communities (老旧小区) under renovation: the register of communities, their
 * buildings (楼栋), units (单元/室) with each unit's exclusive area (专有部分面积) and its owner, and
 * the one-time links (tokens) residents use to answer a survey or cast a ballot without an
 * account. Area is kept in hundredths of a square metre (integer), so tallies are exact.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table renewal_communities (
       id uuid primary key default gen_random_uuid(),
       name text not null,
       region_code text not null references regions(code),
       address text,
       year_built integer check (year_built between 1949 and 2100),
       batch text,
       status text not null default 'planned'
         check (status in ('planned', 'surveying', 'designing', 'voting', 'construction', 'completed', 'accepted')),
       project_id uuid references renewal_projects(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       unique (region_code, name)
     )`,
    'create index renewal_communities_region_idx on renewal_communities (region_code, name)',
    'create index renewal_communities_project_idx on renewal_communities (project_id)',
    `create table renewal_community_buildings (
       id uuid primary key default gen_random_uuid(),
       community_id uuid not null references renewal_communities(id) on delete cascade,
       name text not null,
       position integer not null,
       unique (community_id, name)
     )`,
    `create table renewal_community_owners (
       id uuid primary key default gen_random_uuid(),
       community_id uuid not null references renewal_communities(id) on delete cascade,
       name text not null,
       kind text not null default 'person' check (kind in ('person', 'organisation')),
       person_id uuid references persons(id),
       organisation_id uuid references organisations(id),
       created_at timestamptz not null default now(),
       check (person_id is null or organisation_id is null)
     )`,
    'create index renewal_community_owners_community_idx on renewal_community_owners (community_id, name)',
    'create unique index renewal_community_owners_person_uq on renewal_community_owners (community_id, person_id) where person_id is not null',
    'create unique index renewal_community_owners_org_uq on renewal_community_owners (community_id, organisation_id) where organisation_id is not null',
    `create table renewal_community_units (
       id uuid primary key default gen_random_uuid(),
       community_id uuid not null references renewal_communities(id) on delete cascade,
       building_id uuid not null references renewal_community_buildings(id) on delete cascade,
       entrance text not null default '',
       room text not null,
       area_centi integer not null check (area_centi > 0),
       owner_id uuid not null references renewal_community_owners(id),
       unique (building_id, entrance, room)
     )`,
    'create index renewal_community_units_community_idx on renewal_community_units (community_id, building_id)',
    'create index renewal_community_units_owner_idx on renewal_community_units (owner_id)',
    `create table renewal_resident_tokens (
       id uuid primary key default gen_random_uuid(),
       token_hash text not null unique,
       token_enc text not null,
       purpose text not null check (purpose in ('survey', 'ballot')),
       subject_id uuid not null,
       community_id uuid not null references renewal_communities(id) on delete cascade,
       unit_id uuid references renewal_community_units(id) on delete cascade,
       owner_id uuid references renewal_community_owners(id) on delete cascade,
       issued_at timestamptz not null,
       expires_at timestamptz not null,
       used_at timestamptz,
       revoked_at timestamptz,
       check (unit_id is not null or owner_id is not null)
     )`,
    'create index renewal_resident_tokens_subject_idx on renewal_resident_tokens (purpose, subject_id)',
    `create unique index renewal_resident_tokens_live_uq on renewal_resident_tokens
       (purpose, subject_id, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid),
        coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid))
       where revoked_at is null`,
  ]);
}
