import type { Writable } from 'node:stream';
import type { RequestContext } from '../audit/audit.service.ts';
import { shanghaiDate } from '../clock.ts';
import { invalid, unauthenticated } from '../http/errors.ts';
import type { JobRow } from '../jobs/job.repo.ts';
import type { ImportMode } from '../jobs/job.table.ts';
import type { JobQueue } from '../jobs/job-runner.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { fileMissing } from './excel-errors.ts';
import { EXCEL_CHUNK_ROWS, EXCEL_LIMITS, EXPORT_MAX_ROWS } from './excel-limits.ts';
import type { ExcelListDef, ListParams } from './excel-list.ts';
import { checkUpload } from './upload-check.ts';
import { pick, writeExport } from './xlsx-export.ts';

/** Use cases of Excel lists: export what the caller sees, hand out the template, start an import. */

/** File names of downloads: 人员_20260302.xlsx, 人员导入模板.xlsx (and ASCII fallbacks). */
export function downloadName(
  s: PlatformServices,
  def: ExcelListDef,
  lang: RequestContext['lang'],
  kind: 'export' | 'template',
): { name: string; ascii: string } {
  const title = pick(def.title, lang);
  if (kind === 'template') {
    return {
      name: lang === 'en' ? `${title} import template.xlsx` : `${title}导入模板.xlsx`,
      ascii: `${def.target}_import_template.xlsx`,
    };
  }
  const day = shanghaiDate(s.clock.now()).replaceAll('-', '');
  return { name: `${title}_${day}.xlsx`, ascii: `${def.target}_${day}.xlsx` };
}

const tooManyToExport = (n: number) =>
  invalid(
    'query',
    {
      zh: `符合条件的记录有 ${n} 条，超过 Excel 单表上限 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围后分批导出`,
      en: `${n} records match, more than an Excel sheet holds (${EXPORT_MAX_ROWS}); narrow the filters and export in parts`,
    },
    'EXPORT_TOO_MANY_ROWS',
  );

/**
 * Opens an export: the list's own service checks permission and scope, the export is audited
 * (filters and row count) before a byte is sent, then `write` streams the rows page by page.
 */
export async function openExport(
  s: PlatformServices,
  ctx: RequestContext,
  def: ExcelListDef,
  query: unknown,
  params: ListParams = {},
): Promise<{ fileName: { name: string; ascii: string }; write: (out: Writable) => Promise<number> }> {
  const found = await def.export.open(s, ctx, query, EXCEL_CHUNK_ROWS, params);
  if (found.total > EXPORT_MAX_ROWS) throw tooManyToExport(found.total);
  await s.write(ctx, (_tx, audit) =>
    audit({
      action: def.export.audit,
      entityType: def.entityType,
      ...(def.parent ? { entityId: def.parent.entityId(params) } : {}),
      after: { filters: found.filters, rows: found.total, format: 'xlsx' },
    }),
  );
  return {
    fileName: downloadName(s, def, ctx.lang, 'export'),
    write: (out) => writeExport(out, pick(def.title, ctx.lang), def.export.columns, found.pages, ctx.lang),
  };
}

/**
 * The template needs the write permission: it is only of use to those who may import (into
 * the record `params` name, for a list with a parent). Returns the caller's user id.
 */
export async function checkMayImport(
  s: PlatformServices,
  ctx: RequestContext,
  def: ExcelListDef,
  params: ListParams = {},
): Promise<string> {
  if (!ctx.principal) throw unauthenticated();
  s.access.require(ctx.principal, def.permissions.write);
  await def.import?.check?.(s, ctx, params);
  return ctx.principal.userId;
}

const validRowsOnlyRefused = () =>
  invalid('mode', {
    zh: '该清单的各行相互关联，只能“全部正确才导入”，不能只导入正确的行',
    en: 'The rows of this list refer to each other, so it is imported all or nothing, never the valid rows only',
  });

/** A file name as the browser sent it (URI-encoded header), made safe to store and show. */
export function cleanFileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = raw ?? '';
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  name = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...name].slice(0, 200).join('') || 'import.xlsx';
}

/**
 * Checks an upload (size, type, zip bomb, rows, header) and queues its import; the rows are
 * validated and written by the job. Returns the queued job.
 */
export async function startImport(
  s: PlatformServices,
  jobs: JobQueue,
  ctx: RequestContext,
  def: ExcelListDef,
  upload: { body: unknown; fileName: string; mode: ImportMode; params?: ListParams },
): Promise<JobRow> {
  const imp = def.import;
  if (!imp) throw new Error(`${def.target} has no import`);
  const params = upload.params ?? {};
  const ownerId = await checkMayImport(s, ctx, def, params);
  if (imp.allOrNothing && upload.mode !== 'all') throw validRowsOnlyRefused();
  if (!Buffer.isBuffer(upload.body) || upload.body.length === 0) throw fileMissing();
  const checked = await checkUpload(upload.body, imp.columns, EXCEL_LIMITS, [def.title.zh, def.title.en]);
  return jobs.enqueue({
    kind: 'import',
    target: def.target,
    ownerId,
    mode: upload.mode,
    params: def.parent ? params : null,
    fileName: upload.fileName,
    lang: ctx.lang,
    requestId: ctx.requestId,
    ip: ctx.ip,
    input: upload.body,
    progress: { phase: 'validating', done: 0, total: checked.dataRows },
    now: s.clock.now(),
  });
}
