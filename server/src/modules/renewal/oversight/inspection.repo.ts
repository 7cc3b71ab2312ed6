import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../platform/kit/index.ts';
import { odb } from './oversight.tables.ts';

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

/** Findings of the visit `i` (not closed; and past their deadline on `today`), as columns. */
const findingCount = (where: RawBuilder<boolean>) =>
  sql<string>`(select count(*) from renewal_findings f where f.inspection_id = i.id and ${where})`;

/** The rows of the visits list and its export: the visit, its project and firm, its findings as of `today`. */
export const inspectionListRows = (db: Db, today: string) =>
  odb(db)
    .selectFrom('renewal_inspections as i')
    .innerJoin('renewal_projects as p', 'p.id', 'i.project_id')
    .innerJoin('organisations as io', 'io.id', 'i.inspector_organisation_id')
    .select([
      'i.id',
      'i.inspected_on',
      'i.inspector_names',
      'i.summary',
      'i.inspector_organisation_id',
      'io.name as inspector_organisation_name',
      'p.name as project_name',
      findingCount(sql<boolean>`true`).as('finding_count'),
      findingCount(sql<boolean>`f.status <> 'closed'`).as('unclosed_count'),
      findingCount(sql<boolean>`f.status <> 'closed' and f.deadline < ${today}`).as('overdue_count'),
    ]);

export type InspectionListRow = Awaited<ReturnType<ReturnType<typeof inspectionListRows>['execute']>>[number];
