import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

/**
 * Issue 9: sign-in failures are counted per username, whether or not an account has that
 * name (so answers and lockouts do not tell who exists), in `sign_in_failures` instead of
 * on `users`; `users.password_reset_at` marks a password an administrator set and its owner
 * has not changed since; `audit_log.seq` numbers the chain without gaps (ids from the
 * sequence skip values on rollback), so a missing range can be named and anchored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table sign_in_failures (
       username text primary key,
       failed_attempts integer not null default 0,
       locked_until timestamptz,
       updated_at timestamptz not null default now()
     )`,
    `insert into sign_in_failures (username, failed_attempts, locked_until)
       select username, failed_attempts, locked_until from users
       where failed_attempts > 0 or locked_until is not null`,
    'alter table users drop column failed_attempts',
    'alter table users drop column locked_until',
    'alter table users add column password_reset_at timestamptz',
    'alter table audit_log add column seq bigint',
    // numbering the existing entries is the one update the append-only trigger must let through
    'alter table audit_log disable trigger audit_log_no_update_delete',
    `update audit_log a set seq = n.rn
       from (select id, row_number() over (order by id) as rn from audit_log) n
       where a.id = n.id`,
    'alter table audit_log enable trigger audit_log_no_update_delete',
    'alter table audit_log alter column seq set not null',
    'create unique index audit_log_seq_idx on audit_log (seq)',
  ]);
}
