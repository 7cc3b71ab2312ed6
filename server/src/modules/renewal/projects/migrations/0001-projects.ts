import type { Kysely } from 'kysely';
import { execStatements } from '../../../../platform/kit/index.ts';

/**
 * Urban renewal projects (城市有机更新): the register, the task network for reverse
 * scheduling, daily reports (工程日报), the issues raised from them and the daily
 * schedule snapshots. Every table is prefixed `renewal_`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table renewal_projects (
       id uuid primary key default gen_random_uuid(),
       name text not null,
       type text not null check (type in
         ('housing', 'landmark', 'future_community', 'road', 'old_community', 'sewage', 'other')),
       region_code text not null references regions(code),
       owner_org_id uuid not null references organisations(id),
       delivery_mode text not null check (delivery_mode in ('full_agency', 'agency', 'self_build', 'epc')),
       agent_builder_id uuid references organisations(id),
       contractor_id uuid references organisations(id),
       supervisor_id uuid references organisations(id),
       inspector_id uuid references organisations(id),
       budget_fen bigint not null check (budget_fen >= 0),
       start_date date not null,
       deadline date not null,
       stage text not null check (stage in ('initiation', 'design', 'construction', 'acceptance', 'delivered')),
       calendar_kind text not null default 'calendar-days' check (calendar_kind in ('calendar-days', 'workdays')),
       description text,
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check (deadline >= start_date)
     )`,
    'create index renewal_projects_region_idx on renewal_projects (region_code text_pattern_ops)',
    'create index renewal_projects_name_idx on renewal_projects (name, id)',
    'create index renewal_projects_contractor_idx on renewal_projects (contractor_id)',
    'create index renewal_projects_agent_idx on renewal_projects (agent_builder_id)',
    'create index renewal_projects_supervisor_idx on renewal_projects (supervisor_id)',
    'create index renewal_projects_inspector_idx on renewal_projects (inspector_id)',
    `create table renewal_project_exceptions (
       project_id uuid not null references renewal_projects(id) on delete cascade,
       day date not null,
       working boolean not null,
       reason text not null default '',
       primary key (project_id, day)
     )`,
    `create table renewal_task_forces (
       id uuid primary key default gen_random_uuid(),
       project_id uuid not null references renewal_projects(id) on delete cascade,
       stage text not null check (stage in ('initiation', 'design', 'construction', 'acceptance', 'delivered')),
       name text not null,
       position integer not null
     )`,
    'create index renewal_task_forces_project_idx on renewal_task_forces (project_id, position)',
    `create table renewal_task_force_members (
       id uuid primary key default gen_random_uuid(),
       task_force_id uuid not null references renewal_task_forces(id) on delete cascade,
       person_id uuid references persons(id),
       user_id uuid references users(id),
       role text not null check (role in ('leader', 'member')),
       duty text,
       position integer not null,
       check ((person_id is null) <> (user_id is null))
     )`,
    'create index renewal_task_force_members_force_idx on renewal_task_force_members (task_force_id, position)',
    `create table renewal_tasks (
       id uuid primary key default gen_random_uuid(),
       project_id uuid not null references renewal_projects(id) on delete cascade,
       parent_id uuid references renewal_tasks(id),
       wbs_code text,
       name text not null,
       duration integer not null check (duration >= 1),
       responsible_org_id uuid references organisations(id),
       position integer not null,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    'create index renewal_tasks_project_idx on renewal_tasks (project_id, position)',
    'create index renewal_tasks_parent_idx on renewal_tasks (parent_id)',
    `create unique index renewal_tasks_wbs_idx on renewal_tasks (project_id, wbs_code)
       where wbs_code is not null`,
    `create table renewal_task_links (
       id uuid primary key default gen_random_uuid(),
       project_id uuid not null references renewal_projects(id) on delete cascade,
       from_task_id uuid not null references renewal_tasks(id) on delete cascade,
       to_task_id uuid not null references renewal_tasks(id) on delete cascade,
       type text not null check (type in ('FS', 'SS', 'FF', 'SF')),
       lag integer not null default 0,
       unique (from_task_id, to_task_id),
       check (from_task_id <> to_task_id)
     )`,
    'create index renewal_task_links_project_idx on renewal_task_links (project_id)',
    'create index renewal_task_links_to_idx on renewal_task_links (to_task_id)',
    `create table renewal_daily_reports (
       id uuid primary key default gen_random_uuid(),
       project_id uuid not null references renewal_projects(id) on delete cascade,
       report_date date not null,
       weather text not null,
       workers_on_site integer not null check (workers_on_site >= 0),
       machinery jsonb not null default '[]',
       problems jsonb not null default '[]',
       photos jsonb not null default '[]',
       notes text,
       filed_by uuid references users(id),
       filed_by_name text,
       amended_by uuid references users(id),
       amended_by_name text,
       amended_at timestamptz,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       constraint renewal_daily_reports_project_date_key unique (project_id, report_date)
     )`,
    'create index renewal_daily_reports_date_idx on renewal_daily_reports (report_date)',
    `create table renewal_report_progress (
       report_id uuid not null references renewal_daily_reports(id) on delete cascade,
       task_id uuid not null references renewal_tasks(id),
       percent integer check (percent between 0 and 100),
       started_on date,
       finished_on date,
       remaining_days integer check (remaining_days >= 0),
       primary key (report_id, task_id)
     )`,
    'create index renewal_report_progress_task_idx on renewal_report_progress (task_id)',
    `create table renewal_project_issues (
       id uuid primary key default gen_random_uuid(),
       project_id uuid not null references renewal_projects(id) on delete cascade,
       report_id uuid references renewal_daily_reports(id),
       problem_no integer,
       title text not null,
       severity text not null check (severity in ('minor', 'major', 'critical')),
       owner_org_id uuid references organisations(id),
       due_date date not null,
       status text not null default 'open' check (status in ('open', 'resolved')),
       resolution text,
       resolved_at timestamptz,
       resolved_by uuid references users(id),
       created_by uuid references users(id),
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       constraint renewal_project_issues_problem_key unique (report_id, problem_no)
     )`,
    'create index renewal_project_issues_project_idx on renewal_project_issues (project_id, status)',
    `create table renewal_schedule_snapshots (
       project_id uuid not null references renewal_projects(id) on delete cascade,
       snapshot_date date not null,
       project_finish date not null,
       feasible boolean not null,
       days_late integer not null,
       late_task_count integer not null,
       at_risk_task_count integer not null,
       progress_bp integer not null,
       computed_at timestamptz not null,
       primary key (project_id, snapshot_date)
     )`,
  ]);
}
