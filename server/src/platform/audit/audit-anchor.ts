import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Clock } from '../clock.ts';
import { auditHead, type Db } from './audit.repo.ts';
import type { AuditAnchor } from './audit-verify.ts';

/**
 * Anchors of the audit chain's head outside the database (issue 9): someone with
 * database-owner rights can delete the newest entries and leave a chain that still links,
 * but not the lines already in this file or in the log collector that kept the server's
 * stdout. `gongfu audit verify` compares the database with them and names what is missing.
 */

/** Where anchor lines also go: the server's logger (stdout, kept by a log collector). */
export interface AnchorLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const HASH = /^[0-9a-f]{64}$/;

function asAnchor(v: unknown): AuditAnchor | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (!Number.isSafeInteger(o.seq) || (o.seq as number) < 1) return null;
  if (typeof o.hash !== 'string' || !HASH.test(o.hash)) return null;
  return { seq: o.seq as number, hash: o.hash, at: typeof o.at === 'string' ? o.at : '?' };
}

/**
 * Anchors in a text of JSON lines: the anchor file's own lines {seq, hash, at}, or the
 * server's log lines carrying `auditAnchor` (so a collected log can be checked directly).
 * Other lines are skipped.
 */
export function parseAnchors(text: string): AuditAnchor[] {
  const out: AuditAnchor[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      continue;
    }
    const a = asAnchor((v as { auditAnchor?: unknown }).auditAnchor ?? v);
    if (a) out.push(a);
  }
  return out;
}

/** The anchors in a file; none when it does not exist. */
export async function readAnchors(file: string): Promise<AuditAnchor[]> {
  try {
    return parseAnchors(await readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

export async function appendAnchor(file: string, a: AuditAnchor): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify({ seq: a.seq, hash: a.hash, at: a.at })}\n`, {
    mode: 0o600,
    flag: 'a',
  });
}

/** Records the current head in the file (and the log); null for an empty log. */
export async function anchorAuditHead(
  db: Db,
  file: string,
  clock: Clock,
  log?: AnchorLogger,
): Promise<AuditAnchor | null> {
  const head = await auditHead(db);
  return head ? recordAnchor(file, head, clock, log) : null;
}

async function recordAnchor(
  file: string,
  head: { seq: number; hash: string },
  clock: Clock,
  log?: AnchorLogger,
): Promise<AuditAnchor> {
  const a = { seq: head.seq, hash: head.hash, at: clock.now().toISOString() };
  await appendAnchor(file, a);
  log?.info({ auditAnchor: a }, 'audit anchor');
  return a;
}

/** Runs `fn` every `ms`; the default never keeps the process alive on its own. */
export type Every = (ms: number, fn: () => void) => { cancel(): void };

const everyUnref: Every = (ms, fn) => {
  const t = setInterval(fn, ms);
  t.unref();
  return { cancel: () => clearInterval(t) };
};

export interface AnchoringOptions {
  db: Db;
  file: string;
  clock: Clock;
  intervalMs: number;
  log?: AnchorLogger | undefined;
  every?: Every;
}

export interface Anchoring {
  /** Anchors the head now unless it was anchored already; resolves when written. */
  anchorNow(): Promise<AuditAnchor | null>;
  /** Stops the timer and anchors the head a last time (call before closing the database). */
  stop(): Promise<AuditAnchor | null>;
}

/**
 * Anchors the head at start, every interval while it moves, and at shutdown. Runs one at a
 * time; a failure is logged and the next tick tries again.
 */
export function startAuditAnchoring(o: AnchoringOptions): Anchoring {
  let last: { seq: number; hash: string } | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (): Promise<AuditAnchor | null> => {
    const head = await auditHead(o.db);
    if (!head || (last && last.seq === head.seq && last.hash === head.hash)) return null;
    const a = await recordAnchor(o.file, head, o.clock, o.log);
    last = head;
    return a;
  };
  const anchorNow = () => {
    const next = queue.then(run, run);
    queue = next.catch(() => {});
    return next;
  };
  const tick = () => {
    anchorNow().catch((err: unknown) => o.log?.error({ err }, 'audit anchor failed'));
  };
  const timer = (o.every ?? everyUnref)(o.intervalMs, tick);
  tick();
  return {
    anchorNow,
    stop: () => {
      timer.cancel();
      return anchorNow();
    },
  };
}
