import { createHash } from 'node:crypto';
import { ErrorReport } from '../excel/error-report.ts';
import { EXCEL_CHUNK_ROWS, EXCEL_LIMITS, IMPORT_PARSE_HEAP_MB } from '../excel/excel-limits.ts';
import type { ExcelImportDef, ExcelListDef, RowImporter, RowProblem } from '../excel/excel-list.ts';
import { approveUpload } from '../excel/upload-check.ts';
import { pick } from '../excel/xlsx-export.ts';
import { prepareSheetRows, type SheetRow } from '../excel/xlsx-import.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { clearStaging, finishJob, type JobRow, stageRows } from './job.repo.ts';
import type { JobProgress } from './job.table.ts';
import { jobContext } from './job-context.ts';
import { type JobControl, JobFailure, type JobHandler, JobInterrupted, jobError } from './job-runner.ts';
import { readSheetInThread } from './sheet-thread.ts';

export interface ImportJobOptions {
  /** Heap ceiling (MB) of the thread that parses the sheet; IMPORT_PARSE_HEAP_MB by default. */
  parseHeapMb?: number;
}

/** Progress is written to the job row at phase boundaries and at least every this many rows. */
export const PERSIST_PROGRESS_EVERY = 5000;

const rowsInvalid = (failed: number) =>
  jobError('IMPORT_ROWS_INVALID', {
    zh: `有 ${failed} 行数据有误，未导入任何数据。请下载错误报告，按“错误”列改正后重新导入（或选择只导入正确的行）`,
    en: `${failed} row(s) have problems, so nothing was imported. Download the error report, fix the rows as its Problems column says and import again (or import the valid rows only)`,
  });

const noRows = () =>
  jobError('IMPORT_EMPTY', {
    zh: '文件中没有数据行：请在表头下方逐行填写后再上传',
    en: 'The file has no data rows: fill in one row per record below the header row',
  });

const changedMeanwhile = () =>
  jobError('IMPORT_CONFLICT', {
    zh: '导入期间有记录被他人登记或修改，未导入任何数据，请重新导入',
    en: 'Records were registered or changed by someone else during the import; nothing was imported, import again',
  });

/** A PostgreSQL integrity violation (SQLSTATE class 23): unique, foreign key, check. */
const isIntegrityViolation = (err: unknown) =>
  /^23/.test(String((err as { code?: unknown } | null)?.code ?? ''));

interface Validated {
  rows: number;
  staged: number;
  failed: number;
  errorReport: Buffer | null;
}

/** A row held for the error report until the checks across rows have run. */
interface HeldRow {
  row: SheetRow;
  problems: RowProblem[];
}

/**
 * Phase 1: read, validate and prepare every row, staging the good ones in short chunked
 * transactions. An importer that checks across rows (`checkAcross`) is asked once every row is
 * prepared; its rows are held until then, so the error report still lists them in row order.
 */
async function validateAll(
  s: PlatformServices,
  job: JobRow,
  input: Buffer,
  def: ExcelListDef,
  imp: ExcelImportDef,
  importer: RowImporter,
  ctl: JobControl,
  heapMb: number,
): Promise<Validated> {
  // The stored upload is checked again (a job queued before a check existed, or by another
  // version); the parser, in a thread with a heap ceiling, reads only the approved entries.
  const approved = await approveUpload(input, imp.columns, EXCEL_LIMITS, [def.title.zh, def.title.en]);
  const checked = approved.checked;
  const report = new ErrorReport(pick(def.title, job.lang), imp.columns, job.lang);
  const sheet = readSheetInThread(approved.file, checked, imp.columns, EXCEL_CHUNK_ROWS, heapMb);
  const held: Map<number, HeldRow> | null = importer.checkAcross ? new Map() : null;
  let rows = 0;
  let staged = 0;
  let failed = 0;
  let persisted = 0;
  const progress = (): JobProgress => ({
    phase: 'validating',
    done: rows,
    total: Math.max(rows, checked.dataRows),
  });
  await ctl.progress(progress(), true);
  // One staging insert in flight while the next chunk is read and prepared (CPU and database overlap).
  let staging: Promise<void> = Promise.resolve();
  try {
    for await (const chunk of sheet.chunks()) {
      ctl.checkpoint();
      const prepared = await prepareSheetRows(importer, chunk);
      const good: Array<{ rowNo: number; payload: Record<string, unknown> }> = [];
      prepared.forEach((p, i) => {
        const row = chunk[i];
        const problems = 'problems' in p ? p.problems : [];
        if ('problems' in p) failed++;
        else good.push(p);
        if (!row) return;
        if (held) held.set(row.rowNo, { row, problems: [...problems] });
        else if (problems.length > 0) report.add(sheet.headers, row, problems);
      });
      // With mode=all one bad row means nothing is written: stop staging, keep validating for the report.
      if (job.mode === 'valid' || failed === 0) {
        await staging;
        staging = stageRows(s.db, job.id, good);
        staging.catch(() => {}); // awaited before the next chunk and at the end
        staged += good.length;
      }
      await report.drained();
      rows += chunk.length;
      const persist = rows - persisted >= PERSIST_PROGRESS_EVERY;
      if (persist) persisted = rows;
      await ctl.progress(progress(), persist);
    }
  } finally {
    // never leave an insert running behind a failure (it would land after the clean-up)
    await staging.catch(() => {});
  }
  await staging;
  if (held && importer.checkAcross) {
    ctl.checkpoint();
    for (const found of await importer.checkAcross()) {
      const h = held.get(found.rowNo);
      if (!h || found.problems.length === 0) continue;
      if (h.problems.length === 0) failed++;
      h.problems.push(...found.problems);
    }
    for (const h of [...held.values()].sort((a, b) => a.row.rowNo - b.row.rowNo)) {
      if (h.problems.length > 0) report.add(sheet.headers, h.row, h.problems);
    }
  }
  return { rows, staged, failed, errorReport: await report.finish() };
}

/**
 * Runs an Excel import: validates and prepares every row first (staging the prepared rows),
 * then, in ONE transaction, moves the staged rows into the real table, writes one audit entry
 * for the batch, clears the staging rows and marks the job succeeded. A crash before that
 * commit leaves nothing in the real table; the job then runs again from its stored file.
 */
export function importJobHandler(
  s: PlatformServices,
  lists: ExcelListDef[],
  opts: ImportJobOptions = {},
): JobHandler {
  const heapMb = opts.parseHeapMb ?? IMPORT_PARSE_HEAP_MB;
  const byTarget = new Map(lists.map((l) => [l.target, l]));
  return async (job, input, ctl) => {
    const def = byTarget.get(job.target);
    const imp = def?.import;
    if (!def || !imp) throw new Error(`no Excel import for target ${job.target}`);
    const ctx = await jobContext(s, job);
    const params = job.params ?? {};
    const importer = await imp.begin(s, ctx, params);
    if (importer.checkAcross && !(imp.allOrNothing && job.mode === 'all'))
      throw new Error(`${job.target}: an import that checks across rows is all or nothing`);
    await clearStaging(s.db, job.id);
    try {
      const v = await validateAll(s, job, input, def, imp, importer, ctl, heapMb);
      const done: JobProgress = { phase: 'done', done: v.rows, total: v.rows };
      if (v.rows === 0) throw new JobFailure(noRows(), null, null, done);
      if (job.mode === 'all' && v.failed > 0) {
        const result = { total: v.rows, imported: 0, failed: v.failed };
        throw new JobFailure(rowsInvalid(v.failed), result, v.errorReport, done);
      }
      await ctl.progress({ phase: 'writing', done: 0, total: v.staged }, true);
      ctl.checkpoint();
      const fileSm3 = createHash('sm3').update(input).digest('hex');
      await s.write(ctx, async (tx, audit) => {
        ctl.faults.beforeFinalCommit?.(job.id);
        let imported: number;
        let updated = 0;
        let skipped = 0;
        let detail: Record<string, unknown> = {};
        try {
          const committed = await importer.commit(tx, job.id);
          if (typeof committed === 'number') imported = committed;
          else ({ imported, updated = 0, skipped = 0, audit: detail } = committed);
        } catch (err) {
          if (isIntegrityViolation(err)) throw new JobFailure(changedMeanwhile(), null, null, done);
          throw err;
        }
        // rows skipped as already registered, or updated, are not lost: only the rest is a conflict
        const lost = v.staged - imported - updated - skipped;
        if (job.mode === 'all' && lost > 0) throw new JobFailure(changedMeanwhile(), null, null, done);
        const result = { total: v.rows, imported, updated, skipped, failed: v.failed + lost };
        await audit({
          action: imp.audit,
          entityType: def.entityType,
          // a list of one record (a project's tasks) is audited under that record
          entityId: def.parent ? def.parent.entityId(params) : job.id,
          after: {
            jobId: job.id,
            ...(job.params ? { params: job.params } : {}),
            fileName: job.file_name,
            fileSm3,
            mode: job.mode,
            ...result,
            ...detail,
          },
        });
        await clearStaging(tx, job.id);
        await finishJob(tx, job.id, {
          status: 'succeeded',
          progress: done,
          result,
          error: null,
          errorReport: v.errorReport,
          now: s.clock.now(),
        });
      });
    } catch (err) {
      if (!(err instanceof JobInterrupted)) await clearStaging(s.db, job.id);
      throw err;
    }
  };
}
