import { createHash, randomBytes } from 'node:crypto';
import { AppError, conflict, type Db, type PlatformServices } from '../../../platform/kit/index.ts';
import type { ResidentTokenPurpose } from './community.tables.ts';
import {
  consumeTokenRow,
  findTokenByHash,
  insertTokens,
  listLiveTokens,
  type ResidentTokenRow,
  revokeTokens,
} from './resident-token.repo.ts';

/**
 * Residents' one-time links (一次性链接/二维码): a resident answers a survey or casts a ballot on a
 * phone without an account. A link is a random 256-bit token; the database keeps its SM3 hash
 * (for lookup) and the token encrypted (so staff can print the link sheet again). A link is
 * good for one survey or ballot, once, until it expires; issuing again revokes the old links.
 *
 * Used by the surveys (问需/问效) and the ballots (问计); each decides what a link's holder is
 * (a unit for a survey, an owner for a ballot).
 */

export const tokenHashOf = (token: string) => createHash('sm3').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface TokenHolder {
  unitId?: string | null;
  ownerId?: string | null;
}

export interface IssuedToken {
  id: string;
  unitId: string | null;
  ownerId: string | null;
  token: string;
}

/**
 * Issues one link per holder inside the caller's transaction, revoking the holders' previous
 * live links for the same subject. Returns the tokens in clear: show them once, or read them
 * back with `liveLinks`.
 */
export async function issueResidentTokens(
  s: PlatformServices,
  tx: Db,
  v: {
    purpose: ResidentTokenPurpose;
    subjectId: string;
    communityId: string;
    holders: TokenHolder[];
    expiresAt: Date;
  },
): Promise<IssuedToken[]> {
  const at = s.clock.now();
  if (v.expiresAt.getTime() <= at.getTime()) {
    throw conflict('expiresAt', {
      zh: '链接有效期必须晚于当前时间',
      en: 'The links must expire after now',
    });
  }
  const unitIds = v.holders.flatMap((h) => (h.unitId ? [h.unitId] : []));
  const ownerIds = v.holders.flatMap((h) => (!h.unitId && h.ownerId ? [h.ownerId] : []));
  if (unitIds.length) await revokeTokens(tx, v.purpose, v.subjectId, at, { unitIds });
  if (ownerIds.length) await revokeTokens(tx, v.purpose, v.subjectId, at, { ownerIds });
  const clear = v.holders.map(() => newToken());
  const rows = await insertTokens(tx, {
    purpose: v.purpose,
    subjectId: v.subjectId,
    communityId: v.communityId,
    issuedAt: at,
    expiresAt: v.expiresAt,
    rows: v.holders.map((h, i) => ({
      tokenHash: tokenHashOf(clear[i]!),
      tokenEnc: s.crypto.encrypt(clear[i]!),
      unitId: h.unitId ?? null,
      ownerId: h.ownerId ?? null,
    })),
  });
  return rows.map((r, i) => ({ id: r.id, unitId: r.unit_id, ownerId: r.owner_id, token: clear[i]! }));
}

/** Revokes every live link of a survey or ballot (when it closes, or the plan changes). */
export const revokeAllResidentTokens = (
  s: PlatformServices,
  tx: Db,
  purpose: ResidentTokenPurpose,
  subjectId: string,
) => revokeTokens(tx, purpose, subjectId, s.clock.now());

/** The live links of a survey or ballot in clear, for printing the link sheet again. */
export async function liveLinks(s: PlatformServices, purpose: ResidentTokenPurpose, subjectId: string) {
  const rows = await listLiveTokens(s.db, purpose, subjectId);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    ownerId: r.owner_id,
    token: s.crypto.decrypt(r.token_enc),
    expiresAt: new Date(r.expires_at),
    used: r.used_at !== null,
  }));
}

const invalidLink = () =>
  new AppError(
    'RESIDENT_LINK_INVALID',
    'not_found',
    {
      zh: '链接无效。请核对链接是否完整，或向社区工作人员索取新的链接。',
      en: 'This link is not valid. Check that it is complete, or ask the community staff for a new one.',
    },
    'token',
  );

/** Why a link that exists cannot be used now: used, revoked or expired — in words a resident understands. */
function deadLink(row: ResidentTokenRow, at: Date): AppError {
  if (row.used_at !== null) {
    return new AppError(
      'RESIDENT_LINK_USED',
      'conflict',
      {
        zh: '此链接已经使用过，每个链接只能提交一次。如需更正，请联系社区工作人员。',
        en: 'This link has already been used; each link can be submitted once. To correct an answer, contact the community staff.',
      },
      'token',
    );
  }
  if (row.revoked_at !== null) {
    return new AppError(
      'RESIDENT_LINK_REVOKED',
      'conflict',
      {
        zh: '此链接已作废（已发放新链接，或表决/问卷已结束）。请使用最新发放的链接。',
        en: 'This link has been withdrawn (a new one was issued, or the survey or ballot has closed). Use the newest link you received.',
      },
      'token',
    );
  }
  if (new Date(row.expires_at).getTime() <= at.getTime()) {
    return new AppError(
      'RESIDENT_LINK_EXPIRED',
      'conflict',
      {
        zh: '此链接已过期。如仍需参与，请联系社区工作人员。',
        en: 'This link has expired. If you still need to take part, contact the community staff.',
      },
      'token',
    );
  }
  return invalidLink();
}

/** Looks a link up without using it (to show the form); throws a resident-readable error when it cannot be used. */
export async function openResidentToken(
  s: PlatformServices,
  purpose: ResidentTokenPurpose,
  token: string,
): Promise<ResidentTokenRow> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const row = await findTokenByHash(s.db, tokenHashOf(token));
  if (!row || row.purpose !== purpose) throw invalidLink();
  const at = s.clock.now();
  if (row.used_at !== null || row.revoked_at !== null || new Date(row.expires_at).getTime() <= at.getTime()) {
    throw deadLink(row, at);
  }
  return row;
}

/**
 * Uses a link inside the caller's transaction (the answer or vote is written in the same one):
 * exactly one of any number of concurrent submissions with the same link succeeds.
 */
export async function consumeResidentToken(
  s: PlatformServices,
  tx: Db,
  purpose: ResidentTokenPurpose,
  token: string,
): Promise<ResidentTokenRow> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const hash = tokenHashOf(token);
  const at = s.clock.now();
  const row = await consumeTokenRow(tx, hash, purpose, at);
  if (row) return row;
  const existing = await findTokenByHash(tx, hash);
  if (!existing || existing.purpose !== purpose) throw invalidLink();
  throw deadLink(existing, at);
}
