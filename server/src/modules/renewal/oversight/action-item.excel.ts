import type { Static } from 'typebox';
import { type ExcelListDef, type ExportColumn, todayOf, yesNo } from '../../../platform/kit/index.ts';
import { NO_ACTION_ITEM_CAN } from './action-item.policy.ts';
import { presentActionItem } from './action-item.routes.ts';
import { ActionItemListQuery, type ActionItemView } from './action-item.schemas.ts';
import { actionItemExportPages } from './action-item.service.ts';
import { MEETING_WRITE, OVERSIGHT_READ } from './oversight.scope.ts';

/** Action items of supervision meetings (督办事项) as an Excel export, with the list's filters; export only. */

type ActionItemItem = Static<typeof ActionItemView>;

const COLUMNS: ExportColumn<ActionItemItem>[] = [
  {
    key: 'meetingTitle',
    header: { zh: '督查例会', en: 'Meeting' },
    width: 28,
    value: (i) => i.meetingTitle,
  },
  {
    key: 'meetingHeldOn',
    header: { zh: '例会日期', en: 'Held on' },
    width: 12,
    kind: 'date',
    value: (i) => i.meetingHeldOn,
  },
  { key: 'seq', header: { zh: '序号', en: 'No.' }, width: 6, value: (i) => i.seq },
  { key: 'projectName', header: { zh: '项目名称', en: 'Project' }, width: 28, value: (i) => i.projectName },
  { key: 'taskName', header: { zh: '关联任务', en: 'Task' }, width: 20, value: (i) => i.taskName },
  { key: 'text', header: { zh: '督办事项', en: 'Action' }, width: 40, value: (i) => i.text },
  {
    key: 'ownerOrganisationName',
    header: { zh: '责任单位', en: 'Owner organisation' },
    width: 24,
    value: (i) => i.ownerOrganisationName,
  },
  { key: 'ownerPerson', header: { zh: '责任人', en: 'Owner' }, width: 10, value: (i) => i.ownerPerson },
  { key: 'dueOn', header: { zh: '完成时限', en: 'Due on' }, width: 12, kind: 'date', value: (i) => i.dueOn },
  { key: 'status', header: { zh: '状态', en: 'Status' }, width: 8, value: (i) => i.statusName },
  {
    key: 'overdue',
    header: { zh: '是否逾期', en: 'Overdue' },
    width: 8,
    value: (i, lang) => yesNo(i.overdue, lang),
  },
  {
    key: 'daysOverdue',
    header: { zh: '逾期天数', en: 'Days overdue' },
    width: 8,
    value: (i) => i.daysOverdue,
  },
  {
    key: 'closedOn',
    header: { zh: '完成日期', en: 'Done on' },
    width: 12,
    kind: 'date',
    value: (i) => i.closedOn,
  },
  {
    key: 'closingNote',
    header: { zh: '完成情况', en: 'How it was done' },
    width: 36,
    value: (i) => i.closingNote,
  },
];

export const actionItemExcel: ExcelListDef<ActionItemItem> = {
  target: 'renewal-action-items',
  basePath: '/api/renewal/action-items',
  tag: 'renewal-oversight',
  title: { zh: '督办事项', en: 'Action items' },
  entityType: 'renewal_action_item',
  permissions: { read: OVERSIGHT_READ, write: MEETING_WRITE },
  export: {
    query: ActionItemListQuery,
    audit: 'renewal.action_item.export',
    columns: COLUMNS,
    async open(s, ctx, query, pageSize) {
      const found = await actionItemExportPages(s, ctx, query as ActionItemListQuery, pageSize);
      const today = todayOf(s);
      async function* pages() {
        for await (const rows of found.pages)
          yield rows.map((r) => presentActionItem({ ...r, can: NO_ACTION_ITEM_CAN }, ctx.lang, today));
      }
      return { total: found.total, filters: found.filters, pages: pages() };
    },
  },
};
