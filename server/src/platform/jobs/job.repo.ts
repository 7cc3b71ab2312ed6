import { type Kysely, sql } from 'kysely';
import type { Db } from '../audit/audit.repo.ts';
import type { Lang } from '../http/errors.ts';
import type { ImportMode, JobError, JobProgress, JobResult, JobStatus, JobTables } from './job.table.ts';

/** The only place with queries on `jobs` and `import_rows`. */

type JDb = Kysely<JobTables>;
// The platform connection, seen with the jobs tables added.
const jd = (db: Db) => db as unknown as JDb;

/** A job without its (large) file columns. */
export interface JobRow {
  id: string;
  kind: string;
  target: string;
  owner_id: string;
  status: JobStatus;
  mode: ImportMode;
  params: Record<string, string> | null;
  file_name: string;
  lang: Lang;
  request_id: string | null;
  ip: string | null;
  progress: JobProgress;
  result: JobResult | null;
  error: JobError | null;
  has_error_report: boolean;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = [
  'id',
  'kind',
  'target',
  'owner_id',
  'status',
  'mode',
  'params',
  'file_name',
  'lang',
  'request_id',
  'ip',
  'progress',
  'result',
  'error',
  'attempts',
  'created_at',
  'started_at',
  'finished_at',
] as const;

const hasErrorReport = sql<boolean>`error_report is not null`.as('has_error_report');

/** bytea comes back as a Buffer from pg and as a Uint8Array from PGlite. */
const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export interface NewJob {
  kind: string;
  target: string;
  ownerId: string;
  mode: ImportMode;
  /** Path parameters of a list with a parent; null (or absent) for the others. */
  params?: Record<string, string> | null;
  fileName: string;
  lang: Lang;
  requestId: string | null;
  ip: string | null;
  input: Buffer;
  progress: JobProgress;
  now: Date;
}

export const insertJob = (db: Db, j: NewJob): Promise<JobRow> =>
  jd(db)
    .insertInto('jobs')
    .values({
      kind: j.kind,
      target: j.target,
      owner_id: j.ownerId,
      status: 'queued',
      mode: j.mode,
      params: j.params ? JSON.stringify(j.params) : null,
      file_name: j.fileName,
      lang: j.lang,
      request_id: j.requestId,
      ip: j.ip,
      input: j.input,
      progress: JSON.stringify(j.progress),
      created_at: j.now,
    })
    .returning([...COLUMNS, hasErrorReport])
    .executeTakeFirstOrThrow();

export const findJob = (db: Db, id: string): Promise<JobRow | undefined> =>
  jd(db)
    .selectFrom('jobs')
    .select([...COLUMNS, hasErrorReport])
    .where('id', '=', id)
    .executeTakeFirst();

/** The owner's most recent jobs, newest first. */
export const listJobsOf = (db: Db, ownerId: string, limit: number): Promise<JobRow[]> =>
  jd(db)
    .selectFrom('jobs')
    .select([...COLUMNS, hasErrorReport])
    .where('owner_id', '=', ownerId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();

export async function loadJobInput(db: Db, id: string): Promise<Buffer | undefined> {
  const r = await jd(db).selectFrom('jobs').select('input').where('id', '=', id).executeTakeFirst();
  return r?.input ? asBuffer(r.input) : undefined;
}

export async function loadErrorReport(db: Db, id: string): Promise<Buffer | undefined> {
  const r = await jd(db).selectFrom('jobs').select('error_report').where('id', '=', id).executeTakeFirst();
  return r?.error_report ? asBuffer(r.error_report) : undefined;
}

/**
 * Takes the oldest queued job (never one another process took) and marks it running, counting
 * the run before it starts: a run that takes the process down has been counted.
 */
export const claimNextJob = (db: Db, now: Date): Promise<JobRow | undefined> =>
  jd(db)
    .updateTable('jobs')
    .set((eb) => ({ status: 'running', started_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .orderBy('seq')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning([...COLUMNS, hasErrorReport])
    .executeTakeFirst();

/**
 * Puts jobs left running (by a process that ended) back in the queue, those that have had
 * fewer than `maxAttempts` runs; returns how many.
 */
export async function requeueRunning(db: Db, except: string[], maxAttempts: number): Promise<number> {
  let q = jd(db)
    .updateTable('jobs')
    .set({ status: 'queued' })
    .where('status', '=', 'running')
    .where('attempts', '<', maxAttempts);
  if (except.length > 0) q = q.where('id', 'not in', except);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Fails the jobs left running whose runs reached `maxAttempts`: each run was counted when it
 * started, so a job that took its process down that often is not run again. Its upload is
 * dropped as for any finished job. Returns the ids.
 */
export async function failExhaustedRunning(
  db: Db,
  except: string[],
  maxAttempts: number,
  error: JobError,
  now: Date,
): Promise<string[]> {
  let q = jd(db)
    .updateTable('jobs')
    .set({ status: 'failed', error: JSON.stringify(error), input: null, finished_at: now })
    .where('status', '=', 'running')
    .where('attempts', '>=', maxAttempts);
  if (except.length > 0) q = q.where('id', 'not in', except);
  const rows = await q.returning('id').execute();
  return rows.map((r) => r.id);
}

/** Uncounts the run of a job interrupted by an orderly stop (it did not fail): it stays running, to be resumed. */
export async function uncountAttempt(db: Db, id: string): Promise<void> {
  await jd(db)
    .updateTable('jobs')
    .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('attempts', '>', 0)
    .execute();
}

export async function saveProgress(db: Db, id: string, progress: JobProgress): Promise<void> {
  await jd(db)
    .updateTable('jobs')
    .set({ progress: JSON.stringify(progress) })
    .where('id', '=', id)
    .execute();
}

export interface JobOutcome {
  status: 'succeeded' | 'failed';
  progress: JobProgress;
  result: JobResult | null;
  error: JobError | null;
  errorReport: Buffer | null;
  now: Date;
}

/** Puts a running job back in the queue, to be run again from its stored input. */
export async function requeueJob(db: Db, id: string): Promise<void> {
  await jd(db)
    .updateTable('jobs')
    .set({ status: 'queued' })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/** Ends a job; its uploaded file is dropped (it holds personal data in clear), the error report kept. */
export async function finishJob(db: Db, id: string, o: JobOutcome): Promise<void> {
  await jd(db)
    .updateTable('jobs')
    .set({
      status: o.status,
      progress: JSON.stringify(o.progress),
      result: o.result ? JSON.stringify(o.result) : null,
      error: o.error ? JSON.stringify(o.error) : null,
      error_report: o.errorReport,
      input: null,
      finished_at: o.now,
    })
    .where('id', '=', id)
    .execute();
}

/** Drops files of jobs finished before `before` (error reports repeat rows of the upload). */
export async function purgeJobFiles(db: Db, before: Date): Promise<number> {
  const r = await jd(db)
    .updateTable('jobs')
    .set({ error_report: null, input: null })
    .where('finished_at', '<', before)
    .where((eb) => eb.or([eb('error_report', 'is not', null), eb('input', 'is not', null)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function clearStaging(db: Db, jobId: string): Promise<void> {
  await jd(db).deleteFrom('import_rows').where('job_id', '=', jobId).execute();
}

/**
 * Stages prepared rows with one INSERT whose only parameter is the chunk as a JSON array
 * (one string to send and parse, instead of three parameters per row).
 */
export async function stageRows(
  db: Db,
  jobId: string,
  rows: Array<{ rowNo: number; payload: Record<string, unknown> }>,
): Promise<void> {
  if (rows.length === 0) return;
  const chunk = JSON.stringify(rows.map((r) => [r.rowNo, r.payload]));
  await sql`
    insert into import_rows (job_id, row_no, payload)
    select ${jobId}::uuid, (r->>0)::integer, r->1 from jsonb_array_elements(${chunk}::jsonb) r`.execute(db);
}

/** The job's staged rows in row order: for importers whose final step is more than one INSERT … SELECT. */
export async function listStagedRows(
  db: Db,
  jobId: string,
): Promise<Array<{ rowNo: number; payload: unknown }>> {
  const rows = await jd(db)
    .selectFrom('import_rows')
    .select(['row_no', 'payload'])
    .where('job_id', '=', jobId)
    .orderBy('row_no')
    .execute();
  return rows.map((r) => ({ rowNo: r.row_no, payload: r.payload }));
}

export async function countStaged(db: Db, jobId: string): Promise<number> {
  const r = await jd(db)
    .selectFrom('import_rows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
