import { createHash, randomBytes } from 'node:crypto';

/** The cookie carries a random token; the database keeps only its hash. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const cookieName = (production: boolean) => (production ? '__Host-gongfu_sid' : 'gongfu_sid');
