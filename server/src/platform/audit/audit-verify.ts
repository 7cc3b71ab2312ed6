import { auditCount, auditPages, type Db } from './audit.repo.ts';
import { entryHash, GENESIS_HASH } from './audit-chain.ts';

export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenId: number; reason: string; kind: 'link' | 'content' };

/** The chain's head as recorded outside the database (audit-anchor.ts). */
export interface AuditAnchor {
  seq: number;
  hash: string;
  /** When it was recorded (ISO). */
  at: string;
}

/** Sequence numbers that are absent (`gap`, from..to inclusive) or out of order (`order`). */
export type SequenceProblem =
  | { kind: 'gap'; from: number; to: number }
  | { kind: 'order'; seq: number; id: number };

/**
 * Where the database disagrees with an anchor: `missing`, the log ends before an anchored
 * entry (from..to were deleted); `differs`, the entry at an anchored number has another hash
 * (entries from..seq were replaced; `from` follows the last anchor that still matches).
 */
export type AnchorProblem =
  | { kind: 'missing'; from: number; to: number; anchoredAt: string }
  | { kind: 'differs'; from: number; seq: number; anchoredAt: string };

export interface IntegrityReport {
  ok: boolean;
  chain: VerifyResult;
  /** Sequence number of the newest entry (0: empty log). */
  headSeq: number;
  sequence: SequenceProblem[];
  anchorsChecked: number;
  anchorProblems: AnchorProblem[];
}

/** At most this many sequence problems are listed (a wholesale renumbering is one finding). */
const MAX_SEQUENCE_PROBLEMS = 100;

interface Scan {
  chain: VerifyResult;
  headSeq: number;
  sequence: SequenceProblem[];
  /** Hash found at each anchored sequence number present in the log. */
  hashes: Map<number, string>;
}

/**
 * One pass over the log in id order: recomputes the hash chain (keeping the first entry whose
 * link or content does not match), checks that sequence numbers run 1, 2, 3 … without gaps,
 * and collects the hashes at the sequence numbers asked for.
 */
async function scan(
  db: Db,
  wanted: ReadonlySet<number>,
  onProgress?: (done: number, total: number) => void,
): Promise<Scan> {
  const total = onProgress ? await auditCount(db) : 0;
  let prev = GENESIS_HASH;
  let n = 0;
  let broken: VerifyResult | undefined;
  let expected = 1;
  let headSeq = 0;
  const sequence: SequenceProblem[] = [];
  const hashes = new Map<number, string>();
  const seqProblem = (p: SequenceProblem) => {
    if (sequence.length < MAX_SEQUENCE_PROBLEMS) sequence.push(p);
  };
  for await (const page of auditPages(db)) {
    for (const row of page) {
      if (row.seq > expected) seqProblem({ kind: 'gap', from: expected, to: row.seq - 1 });
      else if (row.seq < expected) seqProblem({ kind: 'order', seq: row.seq, id: row.id });
      expected = Math.max(expected, row.seq + 1);
      headSeq = row.seq;
      if (wanted.has(row.seq)) hashes.set(row.seq, row.hash);
      if (broken) continue;
      if (row.prev_hash !== prev) {
        broken = {
          ok: false,
          entries: n,
          brokenId: row.id,
          reason: 'link to the previous entry does not match',
          kind: 'link',
        };
        continue;
      }
      const hash = entryHash({
        at: row.at,
        actor_id: row.actor_id,
        actor_name: row.actor_name,
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        before: row.before,
        after: row.after,
        request_id: row.request_id,
        ip: row.ip,
        outcome: row.outcome,
        prev_hash: row.prev_hash,
      });
      if (hash !== row.hash) {
        broken = {
          ok: false,
          entries: n,
          brokenId: row.id,
          reason: 'content does not match its hash',
          kind: 'content',
        };
        continue;
      }
      prev = row.hash;
      n++;
    }
    onProgress?.(n + (broken ? 1 : 0), total);
  }
  return { chain: broken ?? { ok: true, entries: n, lastHash: prev }, headSeq, sequence, hashes };
}

/** Recomputes the whole chain; reports the first entry whose link or content does not match. */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (done: number, total: number) => void,
): Promise<VerifyResult> {
  return (await scan(db, new Set(), onProgress)).chain;
}

/** Compares the log's head and hashes with the anchors recorded outside the database. */
export function checkAnchors(
  anchors: readonly AuditAnchor[],
  headSeq: number,
  hashes: ReadonlyMap<number, string>,
): AnchorProblem[] {
  const problems: AnchorProblem[] = [];
  const sorted = [...anchors].sort((a, b) => a.seq - b.seq);
  let lastGood = 0;
  for (const a of sorted) {
    if (a.seq > headSeq) continue;
    const found = hashes.get(a.seq);
    // an anchored number absent from the log is a sequence gap, reported as such
    if (found === undefined) continue;
    if (found === a.hash) lastGood = a.seq;
    else problems.push({ kind: 'differs', from: lastGood + 1, seq: a.seq, anchoredAt: a.at });
  }
  const beyond = sorted.filter((a) => a.seq > headSeq);
  const newest = beyond[beyond.length - 1];
  if (newest) problems.push({ kind: 'missing', from: headSeq + 1, to: newest.seq, anchoredAt: newest.at });
  return problems;
}

/**
 * The full check behind `gongfu audit verify` and the auditor's verify button: the hash chain,
 * the sequence numbers, and the anchors recorded outside the database, which catch what the
 * chain alone cannot — the newest entries deleted by someone with database-owner rights.
 */
export async function verifyAuditIntegrity(
  db: Db,
  anchors: readonly AuditAnchor[],
  onProgress?: (done: number, total: number) => void,
): Promise<IntegrityReport> {
  const s = await scan(db, new Set(anchors.map((a) => a.seq)), onProgress);
  const anchorProblems = checkAnchors(anchors, s.headSeq, s.hashes);
  return {
    ok: s.chain.ok && s.sequence.length === 0 && anchorProblems.length === 0,
    chain: s.chain,
    headSeq: s.headSeq,
    sequence: s.sequence,
    anchorsChecked: anchors.length,
    anchorProblems,
  };
}

/** One line per finding, in Chinese and English, for the CLI and the auditor's screen. */
export function describeIntegrity(r: IntegrityReport): { zh: string; en: string }[] {
  const lines: { zh: string; en: string }[] = [];
  for (const p of r.anchorProblems) {
    if (p.kind === 'missing') {
      lines.push({
        zh: `第 ${p.from}..${p.to} 条记录缺失：日志止于第 ${r.headSeq} 条，但 ${p.anchoredAt} 的锚点记录了第 ${p.to} 条`,
        en: `entries ${p.from}..${p.to} missing: the log ends at ${r.headSeq} but the anchor of ${p.anchoredAt} recorded entry ${p.to}`,
      });
    } else {
      lines.push({
        zh: `第 ${p.seq} 条记录与 ${p.anchoredAt} 的锚点不符：第 ${p.from}..${p.seq} 条被删除或替换`,
        en: `entry ${p.seq} does not match the anchor of ${p.anchoredAt}: entries ${p.from}..${p.seq} were removed or replaced`,
      });
    }
  }
  for (const p of r.sequence) {
    lines.push(
      p.kind === 'gap'
        ? {
            zh: `序号缺口：第 ${p.from}..${p.to} 条记录缺失`,
            en: `sequence gap: entries ${p.from}..${p.to} missing`,
          }
        : {
            zh: `序号错乱：记录 #${p.id} 的序号 ${p.seq} 小于其前一条`,
            en: `sequence out of order: entry #${p.id} has number ${p.seq}, below the one before it`,
          },
    );
  }
  return lines;
}
