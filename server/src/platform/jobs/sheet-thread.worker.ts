import { parentPort, workerData } from 'node:worker_threads';
import { readSheet } from '../excel/xlsx-import.ts';
import { AppError } from '../http/errors.ts';
import type { FromWorker, SheetThreadInput } from './sheet-thread.ts';

/**
 * Inside the parse thread: reads the sheet with `readSheet` and posts its rows chunk by chunk,
 * one chunk per 'pull' from the job (so no more than a chunk waits in memory on either side).
 */

const port = parentPort;
if (!port) throw new Error('sheet-thread.worker.ts runs only as a worker thread');
const input = workerData as SheetThreadInput;
const post = (m: FromWorker) => port.postMessage(m);

let credit = 0;
let wake: (() => void) | undefined;
port.on('message', (m: unknown) => {
  if (m !== 'pull') return;
  credit++;
  wake?.();
});
async function pulled(): Promise<void> {
  while (credit === 0) await new Promise<void>((r) => (wake = r));
  credit--;
}

async function run(): Promise<void> {
  const file = Buffer.from(input.file.buffer, input.file.byteOffset, input.file.byteLength);
  const sheet = readSheet(file, input.checked, input.columns, input.chunkRows);
  for await (const rows of sheet.chunks()) {
    await pulled();
    post({ type: 'rows', rows, headers: sheet.headers });
  }
  post({ type: 'done', headers: sheet.headers });
}

run().catch((err: unknown) => {
  if (err instanceof AppError) {
    post({ type: 'app_error', code: err.code, kind: err.kind, text: err.text, field: err.field });
  } else {
    post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
