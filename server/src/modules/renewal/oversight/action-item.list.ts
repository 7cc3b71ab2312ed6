import { type SqlBool, sql } from 'kysely';
import {
  defineList,
  type ExportColumn,
  filter,
  regionWithin,
  uuid,
  yesNo,
} from '../../../platform/kit/index.ts';
import { type ActionItemListRow, actionItemListRows } from './action-item.repo.ts';
import { ActionItemListItem, ActionItemStatusSchema } from './action-item.schemas.ts';
import { ACTION_ITEM_STATUS_NAMES, labelIn } from './oversight.rules.ts';
import { MEETING_WRITE, OVERSIGHT_READ } from './oversight.scope.ts';
import { projectInScopeSql } from './project-access.repo.ts';

/**
 * 督办事项: the action items of supervision meetings on the projects the caller sees (staff and
 * leaders in their regions, partners taking part in the project), open ones first by due date;
 * closed (销项) by staff holding renewal.meeting.write in the project's region.
 */

const late = (i: ActionItemListRow) => Number(i.days_overdue);

const COLUMNS: ExportColumn<ActionItemListRow>[] = [
  {
    key: 'meetingTitle',
    header: { zh: '督查例会', en: 'Meeting' },
    width: 28,
    value: (i) => i.meeting_title,
  },
  {
    key: 'meetingHeldOn',
    header: { zh: '例会日期', en: 'Held on' },
    width: 12,
    kind: 'date',
    value: (i) => i.meeting_held_on,
  },
  { key: 'seq', header: { zh: '序号', en: 'No.' }, width: 6, value: (i) => i.seq },
  {
    key: 'projectName',
    header: { zh: '项目名称', en: 'Project' },
    width: 28,
    value: (i) => i.project_name,
  },
  { key: 'taskName', header: { zh: '关联任务', en: 'Task' }, width: 20, value: (i) => i.task_name },
  { key: 'text', header: { zh: '督办事项', en: 'Action' }, width: 40, value: (i) => i.text },
  {
    key: 'ownerOrganisationName',
    header: { zh: '责任单位', en: 'Owner organisation' },
    width: 24,
    value: (i) => i.owner_organisation_name,
  },
  { key: 'ownerPerson', header: { zh: '责任人', en: 'Owner' }, width: 10, value: (i) => i.owner_person },
  {
    key: 'dueOn',
    header: { zh: '完成时限', en: 'Due on' },
    width: 12,
    kind: 'date',
    value: (i) => i.due_on,
  },
  {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    width: 8,
    value: (i, lang) => labelIn(ACTION_ITEM_STATUS_NAMES[i.status], lang),
  },
  {
    key: 'overdue',
    header: { zh: '是否逾期', en: 'Overdue' },
    width: 8,
    value: (i, lang) => yesNo(late(i) > 0, lang),
  },
  { key: 'daysOverdue', header: { zh: '逾期天数', en: 'Days overdue' }, width: 8, value: late },
  {
    key: 'closedOn',
    header: { zh: '完成日期', en: 'Done on' },
    width: 12,
    kind: 'date',
    value: (i) => i.closed_on,
  },
  {
    key: 'closingNote',
    header: { zh: '完成情况', en: 'How it was done' },
    width: 36,
    value: (i) => i.closing_note,
  },
];

export const actionItemList = defineList({
  path: '/api/renewal/action-items',
  tag: 'renewal-oversight',
  summary: '督办事项列表 Action items of supervision meetings (open first, by due date)',
  permission: OVERSIGHT_READ,
  rows: (db, { today }) => actionItemListRows(db, today),
  scope: (scope) => projectInScopeSql(scope),
  filters: {
    projectId: filter(uuid('only this project'), (id) => sql<SqlBool>`a.project_id = ${id}`),
    meetingId: filter(uuid('only this meeting'), (id) => sql<SqlBool>`a.meeting_id = ${id}`),
    status: filter(ActionItemStatusSchema, (status) => sql<SqlBool>`a.status = ${status}`),
  },
  sorts: {
    // 'open' sorts after 'done': descending puts the open items first
    openFirst: [['a.status', 'desc'], 'a.due_on'],
    dueOn: ['a.due_on'],
    meeting: ['m.held_on', 'a.meeting_id', 'a.seq'],
  },
  defaultSort: 'openFirst',
  key: 'a.id',
  item: ActionItemListItem,
  present: (i, { lang }) => {
    const days = late(i);
    return {
      id: i.id,
      meetingId: i.meeting_id,
      meetingTitle: i.meeting_title,
      meetingHeldOn: i.meeting_held_on,
      seq: i.seq,
      projectId: i.project_id,
      projectName: i.project_name,
      taskName: i.task_name,
      text: i.text,
      ownerOrganisationName: i.owner_organisation_name,
      ownerPerson: i.owner_person,
      dueOn: i.due_on,
      status: i.status,
      statusName: labelIn(ACTION_ITEM_STATUS_NAMES[i.status], lang),
      overdue: days > 0,
      daysOverdue: days,
      closedOn: i.closed_on,
      closingNote: i.closing_note,
    };
  },
  // as actionItemPolicy: closed by staff holding renewal.meeting.write in the project's region
  can: { close: { permission: MEETING_WRITE, allows: (scope, i) => regionWithin(scope, i.region_code) } },
  excel: {
    target: 'renewal-action-items',
    title: { zh: '督办事项', en: 'Action items' },
    entityType: 'renewal_action_item',
    audit: 'renewal.action_item.export',
    columns: COLUMNS,
  },
});
