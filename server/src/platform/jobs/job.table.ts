import type { ColumnType, Generated } from 'kysely';
import type { Lang } from '../http/errors.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type ImportMode = 'all' | 'valid';

export interface JobProgress {
  phase: 'validating' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface JobResult {
  total: number;
  imported: number;
  /** Rows that matched a registered record and changed it (absent in results of older jobs). */
  updated?: number;
  /** Rows that matched a registered record and were left as they were. */
  skipped?: number;
  failed: number;
}

/** A failure kept in both languages; the view picks the reader's. */
export interface JobError {
  code: string;
  zh: string;
  en: string;
}

type Json<T> = ColumnType<T, string, string>;
type JsonOrNull<T> = ColumnType<T | null, string | null, string | null>;
type BytesOrNull = ColumnType<Uint8Array | null, Uint8Array | null, Uint8Array | null>;
type Timestamp = ColumnType<Date, Date, Date>;

export interface JobTable {
  id: Generated<string>;
  seq: Generated<number>;
  kind: string;
  target: string;
  owner_id: string;
  status: JobStatus;
  mode: ImportMode;
  /** Path parameters of the list written to (`{ id }` of a project's task list); null for most lists. */
  params: JsonOrNull<Record<string, string>>;
  file_name: string;
  lang: Lang;
  request_id: string | null;
  ip: string | null;
  input: BytesOrNull;
  progress: Json<JobProgress>;
  result: JsonOrNull<JobResult>;
  error: JsonOrNull<JobError>;
  error_report: BytesOrNull;
  attempts: Generated<number>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ImportRowTable {
  job_id: string;
  row_no: number;
  payload: Json<unknown>;
}

export interface JobTables {
  jobs: JobTable;
  import_rows: ImportRowTable;
}
