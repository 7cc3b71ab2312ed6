import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

/**
 * In-app notifications (站内消息): one row per recipient, idempotent per (user, dedupe key) so
 * a daily check can run again, or on two servers, without notifying twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table notifications (
       id uuid primary key default gen_random_uuid(),
       user_id uuid not null references users(id) on delete cascade,
       kind text not null,
       title_zh text not null,
       title_en text not null,
       body_zh text not null,
       body_en text not null,
       link text,
       dedupe_key text not null,
       created_at timestamptz not null,
       read_at timestamptz,
       constraint notifications_dedupe_key unique (user_id, dedupe_key)
     )`,
    'create index notifications_user_idx on notifications (user_id, (read_at is null) desc, created_at desc)',
  ]);
}
