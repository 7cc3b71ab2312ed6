import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { PlatformTables } from '../db/schema.ts';

/** The `files` table (migrations/0005-files.ts). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface FileTable {
  id: Generated<string>;
  original_name: string;
  /** Sniffed from the bytes at upload. */
  content_type: string;
  size_bytes: number;
  /** SM3 digest of the content, lowercase hex. */
  sm3: string;
  storage_key: string;
  /** Null for files the system stored itself (demo data). */
  uploaded_by: string | null;
  created_at: Timestamp;
  /** The record the file belongs to (entity type and id, as in the audit log); null until attached. */
  attached_type: string | null;
  attached_id: string | null;
  attached_at: Timestamp | null;
  /** Place in the list the record attached it with (files show in that order). */
  attached_pos: number | null;
}

export interface FileTables extends PlatformTables {
  files: FileTable;
}

export const fdb = (db: Db): Kysely<FileTables> => db as unknown as Kysely<FileTables>;
