import type { Kysely } from 'kysely';
import { execStatements } from '../db/migrate.ts';

/**
 * Uploaded files (site photos, minutes, signed agreements). The bytes live in the file store
 * (local disk by default) under a random key; this table keeps what the upload was (type sniffed
 * from its bytes, size, SM3 digest), who uploaded it, and the one record it is attached to.
 * A file is unattached (both columns null) from upload until a record takes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await execStatements(db, [
    `create table files (
       id uuid primary key default gen_random_uuid(),
       original_name text not null,
       content_type text not null,
       size_bytes integer not null check (size_bytes > 0),
       sm3 text not null check (sm3 ~ '^[0-9a-f]{64}$'),
       storage_key text not null unique,
       uploaded_by uuid references users(id),
       created_at timestamptz not null,
       attached_type text,
       attached_id text,
       attached_at timestamptz,
       attached_pos integer,
       check ((attached_type is null) = (attached_id is null))
     )`,
    'create index files_attached_idx on files (attached_type, attached_id) where attached_type is not null',
    'create index files_unattached_idx on files (created_at) where attached_type is null',
  ]);
}
