import type { Kysely } from 'kysely';
import { execStatements } from '../../../../platform/kit/index.ts';

/**
 * Oversight of renewal projects: supervision meetings (督查例会) with action items,
 * third-party safety inspections (第三方安全巡查) with findings and their history, and
 * night-work coordination (夜间施工). Runs after 0001-projects in the renewal history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    // ---------------------------------------------------------------- meetings
    `create table renewal_meetings (
       id uuid primary key default gen_random_uuid(),
       title text not null,
       held_on date not null,
       location text,
       minutes text not null default '',
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    'create index renewal_meetings_held_idx on renewal_meetings (held_on desc)',
    `create table renewal_meeting_projects (
       meeting_id uuid not null references renewal_meetings(id) on delete cascade,
       project_id uuid not null references renewal_projects(id),
       primary key (meeting_id, project_id)
     )`,
    'create index renewal_meeting_projects_project_idx on renewal_meeting_projects (project_id)',
    `create table renewal_meeting_attendees (
       id uuid primary key default gen_random_uuid(),
       meeting_id uuid not null references renewal_meetings(id) on delete cascade,
       position integer not null,
       name text not null,
       organisation_id uuid references organisations(id),
       organisation_name text not null,
       job_title text,
       unique (meeting_id, position)
     )`,
    `create table renewal_action_items (
       id uuid primary key default gen_random_uuid(),
       meeting_id uuid not null references renewal_meetings(id),
       seq integer not null check (seq >= 1),
       project_id uuid not null references renewal_projects(id),
       task_id uuid references renewal_tasks(id),
       text text not null,
       owner_organisation_id uuid references organisations(id),
       owner_organisation_name text,
       owner_person text,
       due_on date not null,
       status text not null default 'open' check (status in ('open','done')),
       closed_on date,
       closing_note text,
       closed_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check ((status = 'done') = (closed_on is not null)),
       check (owner_organisation_name is not null or owner_person is not null),
       unique (meeting_id, seq)
     )`,
    'create index renewal_action_items_project_idx on renewal_action_items (project_id, status)',
    'create index renewal_action_items_due_idx on renewal_action_items (status, due_on)',
    // ---------------------------------------------------------------- inspections
    `create table renewal_inspections (
       id uuid primary key default gen_random_uuid(),
       project_id uuid not null references renewal_projects(id),
       inspector_organisation_id uuid not null references organisations(id),
       inspected_on date not null,
       inspector_names text[] not null,
       summary text,
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    'create index renewal_inspections_project_idx on renewal_inspections (project_id, inspected_on desc)',
    'create index renewal_inspections_inspector_idx on renewal_inspections (inspector_organisation_id)',
    `create table renewal_findings (
       id uuid primary key default gen_random_uuid(),
       inspection_id uuid not null references renewal_inspections(id),
       seq integer not null check (seq >= 1),
       project_id uuid not null references renewal_projects(id),
       category text not null check (category in ('fall_from_height','temporary_electricity',
         'lifting_machinery','scaffolding','excavation','fire','formwork','site_order','other')),
       severity text not null check (severity in ('minor','major','critical')),
       location text not null,
       description text not null,
       photos text[] not null default '{}',
       found_on date not null,
       deadline date not null check (deadline >= found_on),
       stop_work boolean not null,
       status text not null default 'open' check (status in ('open','replied','passed','failed','closed')),
       rounds integer not null default 1 check (rounds >= 1),
       closed_on date,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check ((status = 'closed') = (closed_on is not null)),
       unique (inspection_id, seq)
     )`,
    'create index renewal_findings_project_idx on renewal_findings (project_id, status)',
    "create index renewal_findings_due_idx on renewal_findings (deadline) where status <> 'closed'",
    `create table renewal_finding_events (
       id uuid primary key default gen_random_uuid(),
       finding_id uuid not null references renewal_findings(id),
       seq integer not null check (seq >= 1),
       action text not null check (action in ('reply','pass','fail','close')),
       acted_on date not null,
       note text,
       photos text[] not null default '{}',
       new_deadline date,
       organisation_id uuid references organisations(id),
       actor_id uuid references users(id),
       created_at timestamptz not null default now(),
       unique (finding_id, seq)
     )`,
    // ---------------------------------------------------------------- night work
    `create table renewal_night_work (
       id uuid primary key default gen_random_uuid(),
       project_id uuid not null references renewal_projects(id),
       first_night date not null,
       last_night date not null check (last_night >= first_night),
       start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
       end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
       reason text not null,
       noise_measures text not null,
       requested_by uuid references users(id),
       requesting_organisation_id uuid references organisations(id),
       status text not null default 'pending' check (status in ('pending','approved','rejected')),
       decided_by uuid references users(id),
       decided_at timestamptz,
       decision_note text,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check ((status = 'pending') = (decided_at is null))
     )`,
    'create index renewal_night_work_project_idx on renewal_night_work (project_id, first_night)',
    `create table renewal_night_work_notices (
       id uuid primary key default gen_random_uuid(),
       night_work_id uuid not null references renewal_night_work(id),
       text text not null,
       published_on date not null,
       channel text not null check (channel in ('notice_board','wechat_group','door_to_door','phone')),
       created_by uuid references users(id),
       created_at timestamptz not null default now()
     )`,
    'create index renewal_night_work_notices_idx on renewal_night_work_notices (night_work_id)',
    `create table renewal_night_work_feedback (
       id uuid primary key default gen_random_uuid(),
       night_work_id uuid not null references renewal_night_work(id),
       name text,
       text text not null,
       attitude text not null check (attitude in ('support','neutral','object')),
       received_on date not null,
       created_by uuid references users(id),
       created_at timestamptz not null default now()
     )`,
    'create index renewal_night_work_feedback_idx on renewal_night_work_feedback (night_work_id)',
  ]);
}
