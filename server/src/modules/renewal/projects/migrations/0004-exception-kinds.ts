import type { Kysely } from 'kysely';
import { execStatements } from '../../../../platform/kit/index.ts';

/**
 * What kind of calendar exception a day is: a rain day (雨天停工, often from a rainy daily
 * report), another stoppage (台风, 停工令, 重大活动) or an extra working day (补班). Older rows
 * take their kind from `working`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `alter table renewal_project_exceptions add column kind text not null default 'stoppage'
       check (kind in ('rain', 'stoppage', 'extra_workday'))`,
    `update renewal_project_exceptions set kind = 'extra_workday' where working`,
    `alter table renewal_project_exceptions add constraint renewal_project_exceptions_kind_working_check
       check ((kind = 'extra_workday') = working)`,
    `alter table renewal_project_exceptions add column created_by uuid references users(id)`,
  ]);
}
