import { Worker } from 'node:worker_threads';

/**
 * The benchmarks' load loop: run in a worker thread so that the client's event loop never
 * queues behind the server's, it keeps `connections` requests in flight for `seconds` (or, with
 * `once`, until every URL has been requested once), cycling through `urls`, and reports the
 * request count, the failures (any status other than `expect`), req/s and latency percentiles.
 * Used by bench/renewal-api.ts, bench/ballot-vote.ts and bench/list-pages.ts. Requests go to 127.0.0.1 only.
 */

export interface LoadOptions {
  urls: string[];
  /** Session cookie (`name=value`), if the endpoint needs one. */
  cookie?: string;
  /** Other request headers (e.g. a bearer token). */
  headers?: Record<string, string>;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  /** JSON body sent with every request (POST). */
  body?: string;
  /** Request each URL once, then stop (one-time links); `seconds` is then the upper bound. */
  once?: boolean;
  /** The status a request must answer to count as a success (default 200). */
  expect?: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const LOAD_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const { urls, cookie, extraHeaders, seconds, connections, method, body, once, expect } = workerData;
let next = 0;
const latencies = [];
let errors = 0;
const started = performance.now();
const end = started + seconds * 1000;
const headers = { ...extraHeaders };
if (cookie) headers.cookie = cookie;
if (body) headers['content-type'] = 'application/json';
async function worker() {
  while (performance.now() < end) {
    if (once && next >= urls.length) return;
    const url = urls[next++ % urls.length];
    const t0 = performance.now();
    try {
      const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(10000) });
      await res.arrayBuffer();
      if (res.status !== expect) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t0);
  }
}
Promise.all(Array.from({ length: connections }, worker)).then(() =>
  parentPort.postMessage({ latencies, errors, elapsed: (performance.now() - started) / 1000 }),
);
`;

export async function load(o: LoadOptions): Promise<LoadResult> {
  const worker = new Worker(LOAD_LOOP, {
    eval: true,
    workerData: {
      urls: o.urls,
      cookie: o.cookie ?? null,
      extraHeaders: o.headers ?? {},
      seconds: o.seconds,
      connections: o.connections,
      method: o.method ?? 'GET',
      body: o.body ?? undefined,
      once: o.once ?? false,
      expect: o.expect ?? 200,
    },
  });
  const out = await new Promise<{ latencies: number[]; errors: number; elapsed: number }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  const latencies = out.latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    requests: latencies.length,
    errors: out.errors,
    reqPerSec: round(latencies.length / out.elapsed),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}
