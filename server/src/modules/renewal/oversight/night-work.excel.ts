import { maskName } from '@gongfu/domain/cn/mask';
import { daysBetween, type ExcelListDef, type ExportColumn, type Lang } from '../../../platform/kit/index.ts';
import type { NightWorkRow } from './night-work.repo.ts';
import { ATTITUDE_NAMES, NIGHT_WORK_STATUS_NAMES } from './night-work.rules.ts';
import { NightWorkListQuery } from './night-work.schemas.ts';
import { type FeedbackRow, nightWorkExportPages } from './night-work.service.ts';
import { labelIn } from './oversight.rules.ts';
import { NIGHTWORK_REQUEST, OVERSIGHT_READ } from './oversight.scope.ts';

/**
 * Night-work requests (夜间施工) as an Excel export, with the neighbours' feedback; the
 * neighbours are private persons, so their names are masked (王*), as in the audit log.
 * Export only.
 */

export interface NightWorkExportItem {
  request: NightWorkRow;
  feedback: FeedbackRow[];
}

/** 王*（反对）：孩子要高考，希望控制噪声 — the name masked, 匿名 when none was given. */
export function feedbackLine(f: FeedbackRow, lang: Lang): string {
  const who = f.name ? maskName(f.name) : lang === 'en' ? 'Anonymous' : '匿名';
  const attitude = labelIn(ATTITUDE_NAMES[f.attitude], lang);
  return lang === 'en'
    ? `${who} (${attitude}, ${f.received_on}): ${f.text}`
    : `${who}（${attitude}，${f.received_on}）：${f.text}`;
}

const count = (x: number | string) => Number(x);

const COLUMNS: ExportColumn<NightWorkExportItem>[] = [
  {
    key: 'projectName',
    header: { zh: '项目名称', en: 'Project' },
    width: 28,
    value: (x) => x.request.project_name,
  },
  {
    key: 'requestingOrganisation',
    header: { zh: '申请单位', en: 'Requested by' },
    width: 24,
    value: (x) => x.request.requesting_organisation_name,
  },
  {
    key: 'firstNight',
    header: { zh: '首晚日期', en: 'First night' },
    width: 12,
    kind: 'date',
    value: (x) => x.request.first_night,
  },
  {
    key: 'lastNight',
    header: { zh: '末晚日期', en: 'Last night' },
    width: 12,
    kind: 'date',
    value: (x) => x.request.last_night,
  },
  {
    key: 'nights',
    header: { zh: '夜数', en: 'Nights' },
    width: 6,
    value: (x) => daysBetween(x.request.first_night, x.request.last_night) + 1,
  },
  {
    key: 'hours',
    header: { zh: '施工时段', en: 'Hours' },
    width: 12,
    value: (x) => `${x.request.start_time}–${x.request.end_time}`,
  },
  { key: 'reason', header: { zh: '施工原因', en: 'Reason' }, width: 32, value: (x) => x.request.reason },
  {
    key: 'noiseMeasures',
    header: { zh: '降噪措施', en: 'Noise measures' },
    width: 32,
    value: (x) => x.request.noise_measures,
  },
  {
    key: 'status',
    header: { zh: '审批状态', en: 'Status' },
    width: 10,
    value: (x, lang) => labelIn(NIGHT_WORK_STATUS_NAMES[x.request.status], lang),
  },
  {
    key: 'decidedBy',
    header: { zh: '审批人', en: 'Decided by' },
    width: 12,
    value: (x) => x.request.decided_by_name,
  },
  {
    key: 'decidedAt',
    header: { zh: '审批时间', en: 'Decided at' },
    width: 20,
    kind: 'datetime',
    value: (x) => (x.request.decided_at ? x.request.decided_at : null),
  },
  {
    key: 'decisionNote',
    header: { zh: '审批意见', en: 'Decision note' },
    width: 28,
    value: (x) => x.request.decision_note,
  },
  {
    key: 'noticeCount',
    header: { zh: '告知次数', en: 'Notices' },
    width: 8,
    value: (x) => count(x.request.notice_count),
  },
  {
    key: 'support',
    header: { zh: '居民支持', en: 'Support' },
    width: 8,
    value: (x) => count(x.request.support_count),
  },
  {
    key: 'neutral',
    header: { zh: '居民中立', en: 'Neutral' },
    width: 8,
    value: (x) => count(x.request.neutral_count),
  },
  {
    key: 'object',
    header: { zh: '居民反对', en: 'Object' },
    width: 8,
    value: (x) => count(x.request.object_count),
  },
  {
    key: 'feedback',
    header: { zh: '居民意见（姓名已脱敏）', en: 'Neighbours’ feedback (names masked)' },
    width: 60,
    value: (x, lang) =>
      x.feedback.map((f) => feedbackLine(f, lang)).join(lang === 'en' ? '; ' : '；') || null,
  },
];

export const nightWorkExcel: ExcelListDef<NightWorkExportItem> = {
  target: 'renewal-night-work',
  basePath: '/api/renewal/night-work',
  tag: 'renewal-oversight',
  title: { zh: '夜间施工申请', en: 'Night-work requests' },
  entityType: 'renewal_night_work',
  permissions: { read: OVERSIGHT_READ, write: NIGHTWORK_REQUEST },
  export: {
    query: NightWorkListQuery,
    audit: 'renewal.night_work.export',
    columns: COLUMNS,
    open: (s, ctx, query, pageSize) =>
      nightWorkExportPages(s, ctx, query as Parameters<typeof nightWorkExportPages>[2], pageSize),
  },
};
