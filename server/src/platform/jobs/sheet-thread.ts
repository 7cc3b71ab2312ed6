import { Worker } from 'node:worker_threads';
import type { ImportColumn } from '../excel/excel-list.ts';
import type { CheckedUpload } from '../excel/upload-check.ts';
import type { SheetReader, SheetRow } from '../excel/xlsx-import.ts';
import { AppError, type Bilingual, type ErrorKind } from '../http/errors.ts';
import { JobFailure, jobError } from './job-runner.ts';

/**
 * An import's sheet parsed in a worker thread with a heap ceiling: a workbook that needs more
 * memory than `heapMb` to read ends that thread (ERR_WORKER_OUT_OF_MEMORY) and fails its job
 * with a message saying so, while the server and its other requests go on. Rows come back
 * chunk by chunk, the worker parsing the next chunk while the job validates the current one.
 */

export interface SheetThreadInput {
  file: Uint8Array;
  checked: CheckedUpload;
  columns: ImportColumn[];
  chunkRows: number;
}

export type FromWorker =
  | { type: 'rows'; rows: SheetRow[]; headers: string[] }
  | { type: 'done'; headers: string[] }
  | { type: 'app_error'; code: string; kind: ErrorKind; text: Bilingual; field: string | undefined }
  | { type: 'failed'; message: string };

const BOOT = new URL('./sheet-thread.boot.mjs', import.meta.url);

export const importOutOfMemory = (heapMb: number) =>
  jobError('IMPORT_OUT_OF_MEMORY', {
    zh: `读取该文件所需内存超过上限（${heapMb} MB），已停止，未导入任何数据。请把数据分成几个较小的文件，或删除多余的工作表、格式和图片后重新导入`,
    en: `Reading this file needed more memory than allowed (${heapMb} MB), so it was stopped and nothing was imported. Split the data into smaller files, or remove extra sheets, formatting and pictures, and import again`,
  });

/** Reads the sheet like `readSheet`, in a worker thread whose JavaScript heap is capped at `heapMb`. */
export function readSheetInThread(
  file: Buffer,
  checked: CheckedUpload,
  columns: ImportColumn[],
  chunkRows: number,
  heapMb: number,
): SheetReader {
  const reader: SheetReader = {
    headers: [],
    async *chunks() {
      // a copy of exactly the file's bytes, moved (not copied again) to the thread
      const own = new Uint8Array(file);
      const input: SheetThreadInput = { file: own, checked, columns, chunkRows };
      const worker = new Worker(BOOT, {
        workerData: input,
        transferList: [own.buffer],
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      const inbox: FromWorker[] = [];
      let failure: unknown;
      let exitCode: number | undefined;
      let wake: (() => void) | undefined;
      const notify = () => {
        const w = wake;
        wake = undefined;
        w?.();
      };
      worker.on('message', (m: FromWorker) => {
        inbox.push(m);
        notify();
      });
      worker.on('error', (err) => {
        failure ??= err;
        notify();
      });
      worker.on('exit', (code) => {
        exitCode = code;
        notify();
      });
      const next = async (): Promise<FromWorker> => {
        for (;;) {
          const m = inbox.shift();
          if (m) return m;
          if (failure !== undefined) {
            if ((failure as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
              throw new JobFailure(importOutOfMemory(heapMb));
            }
            throw failure;
          }
          if (exitCode !== undefined)
            throw new Error(`the sheet parser thread ended (exit code ${exitCode})`);
          await new Promise<void>((r) => {
            wake = r;
          });
        }
      };
      try {
        worker.postMessage('pull');
        for (;;) {
          const m = await next();
          if (m.type === 'rows') {
            reader.headers = m.headers;
            worker.postMessage('pull'); // the next chunk is parsed while this one is validated
            yield m.rows;
          } else if (m.type === 'done') {
            reader.headers = m.headers;
            return;
          } else if (m.type === 'app_error') {
            throw new AppError(m.code, m.kind, m.text, m.field);
          } else {
            throw new Error(`the sheet parser failed: ${m.message}`);
          }
        }
      } finally {
        await worker.terminate();
      }
    },
  };
  return reader;
}
