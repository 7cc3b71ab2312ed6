import { createHash } from 'node:crypto';

/** The fields of an audit entry that the hash chain covers. */
export interface ChainedFields {
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  prev_hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's own key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SM3 over the previous hash and the canonical entry (GB/T 32905). */
export function entryHash(e: ChainedFields): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString() });
  return createHash('sm3').update(e.prev_hash).update('\n').update(body).digest('hex');
}
