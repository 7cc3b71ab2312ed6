import { vi } from 'vitest';

/**
 * Set-up file of the unit project: password hashes made in tests use Argon2id at its
 * cheapest (256 KiB, 1 pass) instead of the production cost (19 MiB, 2 passes, tenths of
 * a second each on a busy CI machine), because every test user is hashed and signed in.
 * Only the cost changes: the same algorithm and library hash and verify (a hash carries
 * its own parameters). Production code is untouched; the demo snapshots, seeded in a
 * process of their own, and the `gongfu` command in the CLI tests keep the real cost.
 */
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    hash: (password: string | Uint8Array, options?: Parameters<typeof real.hash>[1], signal?: AbortSignal) =>
      real.hash(password, { ...options, memoryCost: 256, timeCost: 1 }, signal),
  };
});
