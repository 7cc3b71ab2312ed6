import { type SqlBool, sql } from 'kysely';
import { defineList, type ExportColumn, filter, uuid } from '../../../platform/kit/index.ts';
import { type MeetingListRow, meetingCoversSql, meetingInScopeSql, meetingListRows } from './meeting.repo.ts';
import { MeetingListItem } from './meeting.schemas.ts';
import { dayFilter } from './oversight.rules.ts';
import { OVERSIGHT_READ } from './oversight.scope.ts';

/**
 * 督查例会: supervision meetings covering at least one project the caller sees, latest first.
 * A meeting may cover projects of several counties or partners: each caller is shown only the
 * covered projects they see, and counts only the action items on those. The Excel export
 * (督查例会) has the same filters and scope.
 */

const count = (n: string | number | null) => Number(n ?? 0);

const COLUMNS: ExportColumn<MeetingListRow>[] = [
  {
    key: 'heldOn',
    header: { zh: '例会日期', en: 'Held on' },
    width: 12,
    kind: 'date',
    value: (m) => m.held_on,
  },
  { key: 'title', header: { zh: '例会名称', en: 'Meeting' }, width: 28, value: (m) => m.title },
  { key: 'location', header: { zh: '地点', en: 'Location' }, width: 20, value: (m) => m.location },
  {
    key: 'projects',
    header: { zh: '涉及项目', en: 'Projects' },
    width: 40,
    value: (m, lang) => m.projects.map((p) => p.name).join(lang === 'en' ? '; ' : '、'),
  },
  {
    key: 'attendees',
    header: { zh: '参会人数', en: 'Attendees' },
    width: 8,
    value: (m) => count(m.attendee_count),
  },
  {
    key: 'actionItems',
    header: { zh: '督办事项', en: 'Action items' },
    width: 8,
    value: (m) => count(m.action_item_count),
  },
  { key: 'open', header: { zh: '未完成', en: 'Open' }, width: 8, value: (m) => count(m.open_count) },
  { key: 'overdue', header: { zh: '逾期', en: 'Overdue' }, width: 8, value: (m) => count(m.overdue_count) },
];

export const meetingList = defineList({
  path: '/api/renewal/meetings',
  tag: 'renewal-oversight',
  summary: '督查例会列表 Supervision meetings, latest first',
  permission: OVERSIGHT_READ,
  // the covered projects shown and the action items counted are those in the caller's scope
  rows: (db, { scope, today }) => meetingListRows(db, scope, today),
  scope: meetingInScopeSql,
  filters: {
    // a project the caller does not see selects no meeting (it is not disclosed which cover it)
    projectId: filter(uuid('only meetings covering this project'), (id, { scope }) =>
      meetingCoversSql(scope, id),
    ),
    from: dayFilter('from', 'held on or after', (d) => sql<SqlBool>`m.held_on >= ${d}`),
    to: dayFilter('to', 'held on or before', (d) => sql<SqlBool>`m.held_on <= ${d}`),
  },
  sorts: { heldOn: ['m.held_on'] },
  defaultSort: '-heldOn',
  key: 'm.id',
  item: MeetingListItem,
  present: (m) => ({
    id: m.id,
    title: m.title,
    heldOn: m.held_on,
    location: m.location,
    projects: m.projects,
    attendeeCount: count(m.attendee_count),
    actionItemCount: count(m.action_item_count),
    openActionItemCount: count(m.open_count),
    overdueActionItemCount: count(m.overdue_count),
  }),
  excel: {
    target: 'renewal-meetings',
    title: { zh: '督查例会', en: 'Supervision meetings' },
    entityType: 'renewal_meeting',
    audit: 'renewal.meeting.export',
    columns: COLUMNS,
  },
});
