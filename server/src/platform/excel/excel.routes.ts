import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../http/errors.ts';
import { presentJob } from '../jobs/job.service.ts';
import type { JobQueue } from '../jobs/job-runner.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import {
  contentDisposition,
  ImportAccepted,
  ImportQuery,
  ImportQueryAllOrNothing,
  xlsxResponse,
} from './excel.schemas.ts';
import { checkMayImport, cleanFileName, downloadName, openExport, startImport } from './excel.service.ts';
import { fileTooLarge } from './excel-errors.ts';
import { EXCEL_LIMITS } from './excel-limits.ts';
import type { ExcelListDef, ListParams } from './excel-list.ts';
import { DownloadClosed, XLSX_TYPE } from './xlsx-export.ts';
import { writeTemplate } from './xlsx-template.ts';

/** A workbook, or CSV text (browsers send text/csv, or Excel's application/vnd.ms-excel on Windows): judged by content. */
const UPLOAD_TYPES = [
  XLSX_TYPE,
  'application/octet-stream',
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
];

/** Reads the raw upload, refusing it (413 naming `file`) as soon as it passes the size limit. */
function readUpload(req: FastifyRequest, payload: NodeJS.ReadableStream): Promise<Buffer> {
  const limit = EXCEL_LIMITS.maxFileBytes;
  if (Number(req.headers['content-length']) > limit) return Promise.reject(fileTooLarge(limit));
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.removeAllListeners('data');
        reject(fileTooLarge(limit));
        return;
      }
      parts.push(chunk);
    });
    payload.on('end', () => resolve(Buffer.concat(parts)));
    payload.on('error', reject);
  });
}

/**
 * Permission before the body is read: without it, nobody gets to make the server buffer
 * 20 MB. (The pipeline checks again at preValidation, as for every route.)
 */
const permissionFirst = (permission: string) => async (req: FastifyRequest) => {
  if (!req.ctx.principal) throw unauthenticated();
  if (!req.ctx.principal.permissions.has(permission)) throw forbidden();
};

/** The path parameters of a list with a parent (validated by its schema); none otherwise. */
const paramsOf = (req: FastifyRequest): ListParams => (req.params ?? {}) as ListParams;

/** The export, template and import routes of one Excel list. */
export function excelListRoutes(app: GongfuApp, s: PlatformServices, def: ExcelListDef, jobs: JobQueue) {
  const tags = [def.tag];
  const title = def.title;
  const params = def.parent ? { params: def.parent.params } : {};

  app.get(
    `${def.basePath}/export.xlsx`,
    {
      config: { access: { permission: def.permissions.read } },
      schema: {
        tags,
        summary: `导出${title.zh}（Excel，脱敏，留痕） Export ${title.en.toLowerCase()} to Excel (masked, audited)`,
        ...params,
        querystring: def.export.query,
        response: { 200: xlsxResponse('全部符合筛选条件的记录 Every record matching the filters') },
      },
    },
    async (req, reply) => {
      const exp = await openExport(s, req.ctx, def, req.query, paramsOf(req));
      const out = new PassThrough();
      exp.write(out).catch((err: unknown) => {
        if (err instanceof DownloadClosed) return;
        req.log.error({ err }, 'Excel export failed while streaming');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(exp.fileName.name, exp.fileName.ascii))
        .header('cache-control', 'no-store')
        .send(out);
    },
  );

  const imp = def.import;
  if (!imp) return;

  app.get(
    `${def.basePath}/import-template.xlsx`,
    {
      config: { access: { permission: def.permissions.write } },
      schema: {
        tags,
        summary: `${title.zh}导入模板 Import template for ${title.en.toLowerCase()}`,
        ...params,
        response: { 200: xlsxResponse('表头和填写说明 Header row and instructions') },
      },
    },
    async (req, reply) => {
      await checkMayImport(s, req.ctx, def, paramsOf(req));
      const out = new PassThrough();
      writeTemplate(out, def, req.ctx.lang).catch((err: unknown) => {
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      const name = downloadName(s, def, req.ctx.lang, 'template');
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(name.name, name.ascii))
        .send(out);
    },
  );

  app.register(async (plugin) => {
    const scope = plugin as GongfuApp;
    scope.addContentTypeParser(UPLOAD_TYPES, (req: FastifyRequest, payload: NodeJS.ReadableStream) =>
      readUpload(req, payload),
    );
    scope.post(
      `${def.basePath}/import`,
      {
        config: { access: { permission: def.permissions.write } },
        onRequest: permissionFirst(def.permissions.write),
        schema: {
          tags,
          summary: `从 Excel 导入${title.zh}（后台任务） Import ${title.en.toLowerCase()} from Excel (background job)`,
          description:
            'Body: the raw .xlsx bytes (Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ' +
            'or application/octet-stream), or CSV text in UTF-8 or GB18030 (text/csv; judged by content, not by type ' +
            'or name); header X-File-Name: the URI-encoded original file name. ' +
            'Returns 202 with the queued job; poll GET /api/jobs/{id}. File problems are 400/413 naming `file`.' +
            (imp.allOrNothing ? ' The rows refer to each other: all or nothing (mode=all only).' : ''),
          ...params,
          querystring: imp.allOrNothing ? ImportQueryAllOrNothing : ImportQuery,
          response: { 202: ImportAccepted },
        },
      },
      async (req, reply) => {
        const job = await startImport(s, jobs, req.ctx, def, {
          body: req.body,
          fileName: cleanFileName(req.headers['x-file-name']),
          mode: req.query.mode ?? 'all',
          params: paramsOf(req),
        });
        return reply.code(202).send({ job: presentJob(job, req.ctx.lang) });
      },
    );
  });
}

/** Registers the Excel routes of every list the manifests declare. */
export async function registerExcelRoutes(
  app: GongfuApp,
  s: PlatformServices,
  lists: ExcelListDef[],
  jobs: JobQueue,
): Promise<void> {
  for (const def of lists) {
    await app.register(async (scope) => excelListRoutes(scope as GongfuApp, s, def, jobs));
  }
}
