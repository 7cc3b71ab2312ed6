import type { Db } from '../audit/audit.repo.ts';
import type { Bilingual } from '../http/errors.ts';
import { insertNotifications, type NotificationRow } from './notification.repo.ts';

/**
 * Notifications to users. The in-app inbox (站内消息) is the channel of record: `notify`
 * writes one row per recipient, idempotent per (user, dedupe key). Other channels (SMS,
 * DingTalk 钉钉 …) implement `Notifier` and are handed only the rows just written, so they
 * too deliver each notification once; none is built yet.
 */

export interface NotificationInput {
  userIds: readonly string[];
  /** What it is about, e.g. 'renewal.finding.overdue'. */
  kind: string;
  title: Bilingual;
  body: Bilingual;
  /** Path in the web app to open, e.g. '/renewal/findings/…'. */
  link: string | null;
  /** Same key, same user: notified once (e.g. 'renewal.finding.overdue:<id>:<deadline>'). */
  dedupeKey: string;
  /** When (the platform clock); default now. */
  at?: Date;
}

/** A further delivery channel; `deliver` runs inside the caller's transaction. */
export interface Notifier {
  readonly channel: string;
  deliver(tx: Db, created: readonly NotificationRow[]): Promise<void>;
}

/**
 * Notifies the users (each once per dedupe key) inside the caller's transaction; returns the
 * notifications written now (empty when every recipient had it already).
 */
export async function notify(
  tx: Db,
  input: NotificationInput,
  channels: readonly Notifier[] = [],
): Promise<NotificationRow[]> {
  const at = input.at ?? new Date();
  const created = await insertNotifications(
    tx,
    [...new Set(input.userIds)].map((userId) => ({
      user_id: userId,
      kind: input.kind,
      title_zh: input.title.zh,
      title_en: input.title.en,
      body_zh: input.body.zh,
      body_en: input.body.en,
      link: input.link,
      dedupe_key: input.dedupeKey,
      created_at: at,
    })),
  );
  for (const c of channels) if (created.length > 0) await c.deliver(tx, created);
  return created;
}
