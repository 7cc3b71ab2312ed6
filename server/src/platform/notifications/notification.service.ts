import type { RequestContext } from '../audit/audit.service.ts';
import { notFound, unauthenticated } from '../http/errors.ts';
import { pageWindow } from '../http/pagination.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { countUnread, findMyPage, markAllRead, markRead } from './notification.repo.ts';
import type { NotificationListQueryT } from './notification.schemas.ts';

/**
 * The caller's own inbox: every signed-in user sees and marks only their own notifications
 * (there is no one else's to ask for: queries filter by the caller's id). Marking read is
 * the user's own reading state and is not written to the audit log.
 */

function me(ctx: RequestContext): string {
  const id = ctx.principal?.userId;
  if (!id) throw unauthenticated();
  return id;
}

const missing = (id: string) =>
  notFound({ zh: `消息 ${id}`, en: `Notification ${id}` }, 'NOTIFICATION_NOT_FOUND');

export async function listMyNotifications(
  s: PlatformServices,
  ctx: RequestContext,
  q: NotificationListQueryT,
) {
  const userId = me(ctx);
  const { page, pageSize, offset, limit } = pageWindow(q);
  const [{ rows, total }, unread] = await Promise.all([
    findMyPage(s.db, userId, q.unreadOnly ?? false, { limit, offset }),
    countUnread(s.db, userId),
  ]);
  return { rows, total, unread, page, pageSize };
}

export const myUnreadCount = (s: PlatformServices, ctx: RequestContext) => countUnread(s.db, me(ctx));

export async function readNotification(s: PlatformServices, ctx: RequestContext, id: string) {
  const userId = me(ctx);
  const row = await s.write(ctx, (tx) => markRead(tx, userId, id, s.clock.now()));
  if (!row) throw missing(id);
  return row;
}

export async function readAllNotifications(s: PlatformServices, ctx: RequestContext) {
  const userId = me(ctx);
  return s.write(ctx, (tx) => markAllRead(tx, userId, s.clock.now()));
}
