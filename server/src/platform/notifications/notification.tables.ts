import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { PlatformTables } from '../db/schema.ts';

/** Table types of in-app notifications (SQL in migrations/0006-notifications.ts). */
export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  dedupe_key: string;
  created_at: ColumnType<Date, Date, Date>;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type NotificationDb = Kysely<PlatformTables & { notifications: NotificationTable }>;

/** The platform Db with the notifications table. */
export const ndb = (db: Db): NotificationDb => db as unknown as NotificationDb;
