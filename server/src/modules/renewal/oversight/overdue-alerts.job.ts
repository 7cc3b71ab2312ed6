import type { GongfuApp, PlatformServices } from '../../../platform/module/app-types.ts';
import { todayOf } from '../renewal.dates.ts';
import { installDailyTask } from '../replan.job.ts';
import { notifyOverdue } from './overdue-alerts.service.ts';

/** The overdue alerts at start-up and after each midnight, like the daily re-plan; idempotent per item and deadline. */
export function installOverdueAlerts(app: GongfuApp, s: PlatformServices): void {
  installDailyTask(app, s, async () => {
    try {
      const r = await notifyOverdue(s, todayOf(s));
      if (r.notified > 0) app.log.info(`renewal: ${r.notified} overdue notifications for ${r.date}`);
    } catch (e) {
      app.log.error({ err: e }, 'renewal: overdue alerts failed');
    }
  });
}
