import { sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import type { RenewalScope } from '../shared/renewal.scope.ts';
import { odb } from './oversight.tables.ts';
import { READERS } from './project-access.policy.ts';
import { projectIdsInScope } from './project-access.repo.ts';

/** The only place with queries on safety-inspection visits (巡查). Their findings: finding.repo.ts. */

export const insertInspection = (
  tx: Db,
  v: {
    projectId: string;
    inspectorOrganisationId: string;
    inspectedOn: string;
    inspectorNames: string[];
    summary: string | null;
    createdBy: string | null;
    at: Date;
  },
) =>
  odb(tx)
    .insertInto('renewal_inspections')
    .values({
      project_id: v.projectId,
      inspector_organisation_id: v.inspectorOrganisationId,
      inspected_on: v.inspectedOn,
      inspector_names: v.inspectorNames,
      summary: v.summary,
      created_by: v.createdBy,
      created_at: v.at,
      updated_at: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const withNames = (db: Db) =>
  odb(db)
    .selectFrom('renewal_inspections as i')
    .innerJoin('renewal_projects as p', 'p.id', 'i.project_id')
    .innerJoin('organisations as io', 'io.id', 'i.inspector_organisation_id')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select([
      'p.name as project_name',
      'io.name as inspector_organisation_name',
      'u.display_name as created_by_name',
    ]);

export const findInspection = (db: Db, id: string) => withNames(db).where('i.id', '=', id).executeTakeFirst();

/** Locks the visit until the transaction ends: findings added at once are numbered in turn. */
export async function lockInspection(tx: Db, id: string): Promise<void> {
  await odb(tx).selectFrom('renewal_inspections').select('id').where('id', '=', id).forUpdate().execute();
}

export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

export interface InspectionFilter {
  scope: RenewalScope;
  projectId?: string | undefined;
  inspectorOrganisationId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const filtered = (db: Db, f: InspectionFilter) =>
  withNames(db)
    .where('i.project_id', 'in', projectIdsInScope(db, f.scope, READERS))
    .$if(f.projectId !== undefined, (q) => q.where('i.project_id', '=', f.projectId as string))
    .$if(f.inspectorOrganisationId !== undefined, (q) =>
      q.where('i.inspector_organisation_id', '=', f.inspectorOrganisationId as string),
    )
    .$if(f.from !== undefined, (q) => q.where('i.inspected_on', '>=', f.from as string))
    .$if(f.to !== undefined, (q) => q.where('i.inspected_on', '<=', f.to as string));

/** One page of visits, latest first, with their finding counts as of `today`. */
export async function findInspectionPage(
  db: Db,
  f: InspectionFilter,
  today: string,
  page: { limit: number; offset: number },
) {
  const [rows, count] = await Promise.all([
    filtered(db, f)
      .select((eb) =>
        eb
          .selectFrom('renewal_findings as f')
          .whereRef('f.inspection_id', '=', 'i.id')
          .select(sql<number>`count(*)`.as('n'))
          .as('finding_count'),
      )
      .select((eb) =>
        eb
          .selectFrom('renewal_findings as f')
          .whereRef('f.inspection_id', '=', 'i.id')
          .where('f.status', '<>', 'closed')
          .select(sql<number>`count(*)`.as('n'))
          .as('unclosed_count'),
      )
      .select((eb) =>
        eb
          .selectFrom('renewal_findings as f')
          .whereRef('f.inspection_id', '=', 'i.id')
          .where('f.status', '<>', 'closed')
          .where('f.deadline', '<', today)
          .select(sql<number>`count(*)`.as('n'))
          .as('overdue_count'),
      )
      .orderBy('i.inspected_on', 'desc')
      .orderBy('i.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    odb(db)
      .selectFrom(filtered(db, f).as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
