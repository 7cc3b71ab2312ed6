import { type ScheduleDef, shanghaiDate } from '../../../platform/kit/index.ts';
import { notifyOverdue } from './overdue-alerts.service.ts';

/**
 * The overdue alerts as the platform's schedule `renewal.overdue-alerts`: shortly after each
 * midnight (Asia/Shanghai), and at start-up if the day was missed; once per cluster, and
 * idempotent per item and deadline anyway.
 */
export const overdueAlertsSchedule: ScheduleDef = {
  key: 'renewal.overdue-alerts',
  name: { zh: '逾期提醒（安全隐患、督办事项）', en: 'Overdue alerts (findings, action items)' },
  when: { dailyAt: '00:05' },
  runAtStart: true,
  async run(s, { now }) {
    const r = await notifyOverdue(s, shanghaiDate(now));
    return {
      summary: `${r.date}：逾期隐患 ${r.findings} 条、督办事项 ${r.actionItems} 项，发出提醒 ${r.notified} 条 / ${r.findings} finding(s), ${r.actionItems} action item(s) overdue, ${r.notified} notification(s) sent`,
    };
  },
};
