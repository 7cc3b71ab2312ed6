import { hash, verify } from '@node-rs/argon2';
import { type Bilingual, invalid } from '../http/errors.ts';

/** Argon2id (algorithm 2), OWASP-recommended cost: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> =>
  // biome-ignore lint/suspicious/noExplicitAny: the library types algorithm as a const enum
  hash(password, OPTIONS as any);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified against when the user does not exist (equal timing). */
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
};

const RULE: Bilingual = {
  zh: '密码至少 10 位，且须包含字母和数字',
  en: 'The password needs at least 10 characters with letters and digits',
};

/** Password policy for new passwords (等保 expects length and complexity). */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw invalid(field, RULE, 'PASSWORD_TOO_WEAK');
  }
}
