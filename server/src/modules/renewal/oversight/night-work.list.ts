import { maskName } from '@gongfu/domain/cn/mask';
import { type SqlBool, sql } from 'kysely';
import {
  daysBetween,
  defineList,
  type ExportColumn,
  filter,
  type Lang,
  uuid,
} from '../../../platform/kit/index.ts';
import { type FeedbackLine, type NightWorkListRow, nightWorkListRows } from './night-work.repo.ts';
import { ATTITUDE_NAMES, NIGHT_WORK_STATUS_NAMES } from './night-work.rules.ts';
import { NightWorkListItem, NightWorkStatusSchema } from './night-work.schemas.ts';
import { labelIn } from './oversight.rules.ts';
import { OVERSIGHT_READ } from './oversight.scope.ts';
import { projectInScopeSql } from './project-access.repo.ts';

/**
 * 夜间施工申请: night-work requests on the projects the caller sees, latest first nights first.
 * The Excel export carries the neighbours' feedback; they are private persons, so their names
 * are masked (王*), as in the audit log.
 */

/** 王*（反对，2026-03-02）：孩子要高考，希望控制噪声 — the name masked, 匿名 when none was given. */
function feedbackLine(f: FeedbackLine, lang: Lang): string {
  const who = f.name ? maskName(f.name) : lang === 'en' ? 'Anonymous' : '匿名';
  const attitude = labelIn(ATTITUDE_NAMES[f.attitude], lang);
  return lang === 'en'
    ? `${who} (${attitude}, ${f.received_on}): ${f.text}`
    : `${who}（${attitude}，${f.received_on}）：${f.text}`;
}

const count = (x: number | string) => Number(x);
const nightsOf = (n: NightWorkListRow) => daysBetween(n.first_night, n.last_night) + 1;

const COLUMNS: ExportColumn<NightWorkListRow>[] = [
  { key: 'projectName', header: { zh: '项目名称', en: 'Project' }, width: 28, value: (n) => n.project_name },
  {
    key: 'requestingOrganisation',
    header: { zh: '申请单位', en: 'Requested by' },
    width: 24,
    value: (n) => n.requesting_organisation_name,
  },
  {
    key: 'firstNight',
    header: { zh: '首晚日期', en: 'First night' },
    width: 12,
    kind: 'date',
    value: (n) => n.first_night,
  },
  {
    key: 'lastNight',
    header: { zh: '末晚日期', en: 'Last night' },
    width: 12,
    kind: 'date',
    value: (n) => n.last_night,
  },
  { key: 'nights', header: { zh: '夜数', en: 'Nights' }, width: 6, value: nightsOf },
  {
    key: 'hours',
    header: { zh: '施工时段', en: 'Hours' },
    width: 12,
    value: (n) => `${n.start_time}–${n.end_time}`,
  },
  { key: 'reason', header: { zh: '施工原因', en: 'Reason' }, width: 32, value: (n) => n.reason },
  {
    key: 'noiseMeasures',
    header: { zh: '降噪措施', en: 'Noise measures' },
    width: 32,
    value: (n) => n.noise_measures,
  },
  {
    key: 'status',
    header: { zh: '审批状态', en: 'Status' },
    width: 10,
    value: (n, lang) => labelIn(NIGHT_WORK_STATUS_NAMES[n.status], lang),
  },
  {
    key: 'decidedBy',
    header: { zh: '审批人', en: 'Decided by' },
    width: 12,
    value: (n) => n.decided_by_name,
  },
  {
    key: 'decidedAt',
    header: { zh: '审批时间', en: 'Decided at' },
    width: 20,
    kind: 'datetime',
    value: (n) => n.decided_at,
  },
  {
    key: 'decisionNote',
    header: { zh: '审批意见', en: 'Decision note' },
    width: 28,
    value: (n) => n.decision_note,
  },
  {
    key: 'noticeCount',
    header: { zh: '告知次数', en: 'Notices' },
    width: 8,
    value: (n) => count(n.notice_count),
  },
  {
    key: 'support',
    header: { zh: '居民支持', en: 'Support' },
    width: 8,
    value: (n) => count(n.support_count),
  },
  {
    key: 'neutral',
    header: { zh: '居民中立', en: 'Neutral' },
    width: 8,
    value: (n) => count(n.neutral_count),
  },
  { key: 'object', header: { zh: '居民反对', en: 'Object' }, width: 8, value: (n) => count(n.object_count) },
  {
    key: 'feedback',
    header: { zh: '居民意见（姓名已脱敏）', en: 'Neighbours’ feedback (names masked)' },
    width: 60,
    value: (n, lang) =>
      n.feedback.map((f) => feedbackLine(f, lang)).join(lang === 'en' ? '; ' : '；') || null,
  },
];

export const nightWorkList = defineList({
  path: '/api/renewal/night-work',
  tag: 'renewal-oversight',
  summary: '夜间施工申请列表 Night-work requests, latest nights first',
  permission: OVERSIGHT_READ,
  rows: nightWorkListRows,
  scope: (scope) => projectInScopeSql(scope),
  filters: {
    projectId: filter(uuid('only this project'), (id) => sql<SqlBool>`n.project_id = ${id}`),
    status: filter(NightWorkStatusSchema, (status) => sql<SqlBool>`n.status = ${status}`),
  },
  sorts: { firstNight: ['n.first_night'] },
  defaultSort: '-firstNight',
  key: 'n.id',
  item: NightWorkListItem,
  present: (n, { lang }) => ({
    id: n.id,
    projectId: n.project_id,
    projectName: n.project_name,
    firstNight: n.first_night,
    lastNight: n.last_night,
    nights: nightsOf(n),
    startTime: n.start_time,
    endTime: n.end_time,
    reason: n.reason,
    status: n.status,
    statusName: labelIn(NIGHT_WORK_STATUS_NAMES[n.status], lang),
    feedbackTally: {
      support: count(n.support_count),
      neutral: count(n.neutral_count),
      object: count(n.object_count),
    },
    noticeCount: count(n.notice_count),
  }),
  excel: {
    target: 'renewal-night-work',
    title: { zh: '夜间施工申请', en: 'Night-work requests' },
    entityType: 'renewal_night_work',
    audit: 'renewal.night_work.export',
    columns: COLUMNS,
  },
});
