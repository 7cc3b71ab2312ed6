import type { Kysely } from 'kysely';
import { execStatements } from '../../../platform/kit/index.ts';

/**
 * Rural sewage facilities (农村生活污水处理设施) with the villages they serve and their
 * water-quality tests, and landscape districts (风貌区). Needs only platform tables.
 * Written when facilities were a part of the renewal module: a database made then has run it
 * under this name in `migrations_renewal`, and the manifest's `adoptsMigrations` moves that
 * record here instead of running it again. Never edit it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table renewal_sewage_facilities (
       id uuid primary key default gen_random_uuid(),
       name text not null,
       village_code text not null references regions(code),
       capacity_tenths integer not null check (capacity_tenths > 0),
       kind text not null check (kind in ('built','rebuilt')),
       year integer not null check (year between 2000 and 2099),
       investment_fen bigint not null check (investment_fen >= 0),
       operator_organisation_id uuid references organisations(id),
       process text,
       discharge_grade smallint not null check (discharge_grade in (1,2)),
       status text not null check (status in ('operating','under_construction','suspended')),
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       unique (village_code, name)
     )`,
    'create index renewal_sewage_facilities_year_idx on renewal_sewage_facilities (year)',
    `create table renewal_sewage_villages (
       village_code text primary key references regions(code),
       households integer check (households >= 0),
       connected_households integer check (connected_households >= 0),
       on_network boolean not null default false,
       facility_id uuid references renewal_sewage_facilities(id),
       note text,
       updated_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check (not (on_network and facility_id is not null)),
       check (connected_households is null or households is null or connected_households <= households)
     )`,
    'create index renewal_sewage_villages_facility_idx on renewal_sewage_villages (facility_id)',
    `create table renewal_water_tests (
       id uuid primary key default gen_random_uuid(),
       facility_id uuid not null references renewal_sewage_facilities(id),
       sampled_on date not null,
       lab text not null,
       ph integer not null check (ph between 0 and 1400),
       cod integer not null check (cod >= 0),
       nh3n integer not null check (nh3n >= 0),
       tp integer not null check (tp >= 0),
       tn integer check (tn >= 0),
       ss integer check (ss >= 0),
       oil integer check (oil >= 0),
       water_temp_tenths integer,
       grade smallint not null check (grade in (1,2)),
       compliant boolean not null,
       exceeded text[] not null default '{}',
       note text,
       created_by uuid references users(id),
       created_at timestamptz not null default now()
     )`,
    'create index renewal_water_tests_facility_idx on renewal_water_tests (facility_id, sampled_on desc)',
    'create index renewal_water_tests_sampled_idx on renewal_water_tests (sampled_on)',
    `create table renewal_landscape_districts (
       id uuid primary key default gen_random_uuid(),
       name text not null unique,
       region_code text not null references regions(code),
       kind text not null check (kind in ('county','urban')),
       area_hundredths bigint check (area_hundredths > 0),
       lead_organisation_id uuid references organisations(id),
       pilot_year integer check (pilot_year between 2000 and 2099),
       status text not null check (status in ('planning','under_construction','accepted')),
       accepted_on date,
       description text,
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check ((status = 'accepted') = (accepted_on is not null))
     )`,
  ]);
}
