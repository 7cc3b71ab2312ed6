import { type SqlBool, sql } from 'kysely';
import { defineList, type ExportColumn, filter, uuid } from '../../../platform/kit/index.ts';
import { type InspectionListRow, inspectionListRows } from './inspection.repo.ts';
import { InspectionListItem } from './inspection.schemas.ts';
import { dayFilter } from './oversight.rules.ts';
import { OVERSIGHT_READ } from './oversight.scope.ts';
import { projectInScopeSql } from './project-access.repo.ts';

/**
 * 安全巡查记录: third-party inspection visits on the projects the caller sees, latest first, with
 * their findings as of today (not closed, overdue); filters by project, firm and visit dates.
 * The Excel export (安全巡查记录) has the same filters and scope.
 */

const COLUMNS: ExportColumn<InspectionListRow>[] = [
  {
    key: 'inspectedOn',
    header: { zh: '巡查日期', en: 'Inspected on' },
    width: 12,
    kind: 'date',
    value: (i) => i.inspected_on,
  },
  { key: 'projectName', header: { zh: '项目名称', en: 'Project' }, width: 28, value: (i) => i.project_name },
  {
    key: 'inspectorOrganisation',
    header: { zh: '巡查单位', en: 'Inspection firm' },
    width: 24,
    value: (i) => i.inspector_organisation_name,
  },
  {
    key: 'inspectorNames',
    header: { zh: '巡查人员', en: 'Inspectors' },
    width: 20,
    value: (i, lang) => i.inspector_names.join(lang === 'en' ? ', ' : '、'),
  },
  {
    key: 'findingCount',
    header: { zh: '隐患数', en: 'Findings' },
    width: 8,
    value: (i) => Number(i.finding_count),
  },
  {
    key: 'unclosedCount',
    header: { zh: '未销号', en: 'Not closed' },
    width: 8,
    value: (i) => Number(i.unclosed_count),
  },
  {
    key: 'overdueCount',
    header: { zh: '逾期未整改', en: 'Overdue' },
    width: 10,
    value: (i) => Number(i.overdue_count),
  },
  { key: 'summary', header: { zh: '总体评价', en: 'Summary' }, width: 40, value: (i) => i.summary },
];

export const inspectionList = defineList({
  path: '/api/renewal/inspections',
  tag: 'renewal-oversight',
  summary: '安全巡查记录 Safety inspection visits, latest first',
  permission: OVERSIGHT_READ,
  rows: (db, { today }) => inspectionListRows(db, today),
  scope: (scope) => projectInScopeSql(scope),
  filters: {
    projectId: filter(uuid('only this project'), (id) => sql<SqlBool>`i.project_id = ${id}`),
    inspectorOrganisationId: filter(
      uuid('only visits by this firm'),
      (id) => sql<SqlBool>`i.inspector_organisation_id = ${id}`,
    ),
    from: dayFilter('from', 'visited on or after', (d) => sql<SqlBool>`i.inspected_on >= ${d}`),
    to: dayFilter('to', 'visited on or before', (d) => sql<SqlBool>`i.inspected_on <= ${d}`),
  },
  sorts: { inspectedOn: ['i.inspected_on'] },
  defaultSort: '-inspectedOn',
  key: 'i.id',
  item: InspectionListItem,
  present: (i) => ({
    id: i.id,
    projectName: i.project_name,
    inspectorOrganisation: { id: i.inspector_organisation_id, name: i.inspector_organisation_name },
    inspectedOn: i.inspected_on,
    inspectorNames: i.inspector_names,
    summary: i.summary,
    findingCount: Number(i.finding_count),
    unclosedCount: Number(i.unclosed_count),
    overdueCount: Number(i.overdue_count),
  }),
  excel: {
    target: 'renewal-inspections',
    title: { zh: '安全巡查记录', en: 'Safety inspections' },
    entityType: 'renewal_inspection',
    audit: 'renewal.inspection.export',
    columns: COLUMNS,
  },
});
