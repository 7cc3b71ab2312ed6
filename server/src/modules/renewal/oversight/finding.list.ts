import { allowedFindingActions, FINDING_STATUS_LABELS } from '@gongfu/domain/renewal/finding-status';
import { HAZARD_CATEGORY_LABELS, SEVERITY_LABELS } from '@gongfu/domain/renewal/rectification';
import { type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import {
  defineList,
  type ExportColumn,
  filter,
  orgRef,
  regionWithin,
  type Scope,
  uuid,
  yesNo,
} from '../../../platform/kit/index.ts';
import { type FindingListRow, findingListRows } from './finding.repo.ts';
import {
  FindingListItem,
  FindingStatusSchema,
  HazardCategorySchema,
  SeveritySchema,
} from './finding.schemas.ts';
import { labelIn } from './oversight.rules.ts';
import { INSPECT, OVERSIGHT_READ, RECTIFY } from './oversight.scope.ts';
import { projectInScopeSql } from './project-access.repo.ts';

/**
 * 安全隐患: findings of third-party safety inspections on the projects the caller sees, by
 * deadline; filters by project, visit, contractor, status, severity, category and overdue.
 * The Excel export (安全巡查隐患) has the same filters and scope.
 */

/** Is one of `organisations` a partner organisation of the scope? */
const partnerOf = (scope: Scope, ...organisations: Array<string | null>) =>
  organisations.some((o) => o !== null && scope.organisations.includes(o));

const late = (f: FindingListRow) => Number(f.days_overdue);

const COLUMNS: ExportColumn<FindingListRow>[] = [
  {
    key: 'projectName',
    header: { zh: '项目名称', en: 'Project' },
    width: 28,
    value: (f) => f.project_name,
  },
  {
    key: 'contractor',
    header: { zh: '施工单位', en: 'Contractor' },
    width: 24,
    value: (f) => f.contractor_name,
  },
  {
    key: 'inspectorOrganisation',
    header: { zh: '巡查单位', en: 'Inspector' },
    width: 24,
    value: (f) => f.inspector_organisation_name,
  },
  {
    key: 'foundOn',
    header: { zh: '巡查日期', en: 'Found on' },
    width: 12,
    kind: 'date',
    value: (f) => f.found_on,
  },
  { key: 'seq', header: { zh: '序号', en: 'No.' }, width: 6, value: (f) => f.seq },
  {
    key: 'category',
    header: { zh: '隐患类别', en: 'Hazard' },
    width: 12,
    value: (f, lang) => labelIn(HAZARD_CATEGORY_LABELS[f.category], lang),
  },
  {
    key: 'severity',
    header: { zh: '隐患等级', en: 'Severity' },
    width: 8,
    value: (f, lang) => labelIn(SEVERITY_LABELS[f.severity], lang),
  },
  { key: 'location', header: { zh: '部位', en: 'Location' }, width: 24, value: (f) => f.location },
  {
    key: 'description',
    header: { zh: '隐患描述', en: 'Description' },
    width: 40,
    value: (f) => f.description,
  },
  {
    key: 'deadline',
    header: { zh: '整改期限', en: 'Deadline' },
    width: 12,
    kind: 'date',
    value: (f) => f.deadline,
  },
  {
    key: 'stopWork',
    header: { zh: '停工整改', en: 'Stop work' },
    width: 8,
    value: (f, lang) => yesNo(f.stop_work, lang),
  },
  { key: 'rounds', header: { zh: '整改轮次', en: 'Rounds' }, width: 8, value: (f) => f.rounds },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 12,
    value: (f, lang) => labelIn(FINDING_STATUS_LABELS[f.status], lang),
  },
  {
    key: 'overdue',
    header: { zh: '是否逾期', en: 'Overdue' },
    width: 8,
    value: (f, lang) => yesNo(late(f) > 0, lang),
  },
  { key: 'daysOverdue', header: { zh: '逾期天数', en: 'Days overdue' }, width: 8, value: late },
  {
    key: 'closedOn',
    header: { zh: '销号日期', en: 'Closed on' },
    width: 12,
    kind: 'date',
    value: (f) => f.closed_on,
  },
  {
    key: 'photos',
    header: { zh: '照片数', en: 'Photos' },
    width: 8,
    value: (f) => Number(f.photo_count ?? 0),
  },
];

export const findingList = defineList({
  path: '/api/renewal/findings',
  tag: 'renewal-oversight',
  summary: '安全隐患列表 Inspection findings (filter by project, status, severity, category, overdue)',
  permission: OVERSIGHT_READ,
  rows: (db, { today }) => findingListRows(db, today),
  scope: (scope) => projectInScopeSql(scope),
  filters: {
    projectId: filter(uuid('only this project'), (id) => sql<SqlBool>`f.project_id = ${id}`),
    inspectionId: filter(uuid('only this inspection visit'), (id) => sql<SqlBool>`f.inspection_id = ${id}`),
    contractorId: filter(
      uuid('only projects of this contractor'),
      (id) => sql<SqlBool>`p.contractor_id = ${id}`,
    ),
    status: filter(FindingStatusSchema, (status) => sql<SqlBool>`f.status = ${status}`),
    severity: filter(SeveritySchema, (severity) => sql<SqlBool>`f.severity = ${severity}`),
    category: filter(HazardCategorySchema, (category) => sql<SqlBool>`f.category = ${category}`),
    overdue: filter(
      Type.Boolean({ description: 'true: only findings past their deadline, not closed' }),
      (overdue, { today }) =>
        overdue ? sql<SqlBool>`(f.status <> 'closed' and f.deadline < ${today})` : sql<SqlBool>`true`,
    ),
  },
  sorts: {
    deadline: ['f.deadline', 'f.inspection_id', 'f.seq'],
    foundOn: ['f.found_on', 'f.inspection_id', 'f.seq'],
  },
  defaultSort: 'deadline',
  key: 'f.id',
  item: FindingListItem,
  present: (f, { lang }) => {
    const days = late(f);
    return {
      id: f.id,
      projectId: f.project_id,
      projectName: f.project_name,
      contractor: orgRef(f.contractor_id, f.contractor_name),
      categoryName: labelIn(HAZARD_CATEGORY_LABELS[f.category], lang),
      severity: f.severity,
      severityName: labelIn(SEVERITY_LABELS[f.severity], lang),
      location: f.location,
      description: f.description,
      foundOn: f.found_on,
      deadline: f.deadline,
      stopWork: f.stop_work,
      status: f.status,
      statusName: labelIn(FINDING_STATUS_LABELS[f.status], lang),
      overdue: days > 0,
      daysOverdue: days,
      allowedActions: allowedFindingActions(f.status),
    };
  },
  // as findingPolicy: staff in the project's region, or the partner named for the step
  can: {
    reply: {
      permission: RECTIFY,
      allows: (scope, f) => regionWithin(scope, f.region_code) || partnerOf(scope, f.contractor_id),
    },
    inspect: {
      permission: INSPECT,
      allows: (scope, f) =>
        regionWithin(scope, f.region_code) || partnerOf(scope, f.inspector_organisation_id, f.inspector_id),
    },
  },
  excel: {
    target: 'renewal-findings',
    title: { zh: '安全巡查隐患', en: 'Inspection findings' },
    entityType: 'renewal_finding',
    audit: 'renewal.finding.export',
    columns: COLUMNS,
  },
});
