import { contentDisposition, xlsxResponse } from '../excel/excel.schemas.ts';
import { XLSX_TYPE } from '../excel/xlsx-export.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { JobList, JobListQuery, JobParams, JobView } from './job.schemas.ts';
import { getMyErrorReport, getMyJob, listMyJobs, presentJob } from './job.service.ts';
import type { JobQueue } from './job-runner.ts';

const tags = ['jobs'];

/** The caller's own background jobs (imports): status, progress and error reports. */
export function jobRoutes(app: GongfuApp, s: PlatformServices, jobs: JobQueue) {
  app.get(
    '/api/jobs',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: '我的后台任务（最近的在前） My recent background jobs, newest first',
        querystring: JobListQuery,
        response: { 200: JobList },
      },
    },
    async (req) => ({
      items: (await listMyJobs(jobs, req.ctx, req.query.limit ?? 20)).map((j) => presentJob(j, req.ctx.lang)),
    }),
  );

  app.get(
    '/api/jobs/:id',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: '后台任务状态和进度（仅本人） A background job with its progress (own jobs only)',
        params: JobParams,
        response: { 200: JobView },
      },
    },
    async (req) => presentJob(await getMyJob(jobs, req.ctx, req.params.id), req.ctx.lang),
  );

  app.get(
    '/api/jobs/:id/errors.xlsx',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: '导入错误报告（仅本人） Error report of an import (own jobs only)',
        params: JobParams,
        response: {
          200: xlsxResponse(
            '原文件的列加“错误 Problems”列，只含有问题的行 The file’s columns plus Problems, rows with problems only',
          ),
        },
      },
    },
    async (req, reply) => {
      const { job, file } = await getMyErrorReport(s, jobs, req.ctx, req.params.id);
      const base = job.file_name.replace(/\.xlsx$/i, '');
      const name = req.ctx.lang === 'en' ? `${base}_problems.xlsx` : `${base}_错误报告.xlsx`;
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(name, 'import_problems.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
}
