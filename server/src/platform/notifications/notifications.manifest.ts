import { defineModule, type ModuleManifest } from '../module/manifest.ts';
import { notificationRoutes } from './notification.routes.ts';

/**
 * In-app notifications (站内消息): every signed-in user's own inbox. The table is a platform
 * migration (0006-notifications); modules write with `notify` (notifier.ts) in their transactions.
 */
export const notificationsModule: ModuleManifest = defineModule({
  id: 'notifications',
  name: { zh: '站内消息', en: 'Notifications' },
  programme: false,
  dependsOn: ['platform'],
  routes: notificationRoutes,
  // a day's reminders sent by a module's job are audited under the day
  audit: { entities: { notifications: { label: { zh: '站内消息', en: 'Notifications' } } } },
});
