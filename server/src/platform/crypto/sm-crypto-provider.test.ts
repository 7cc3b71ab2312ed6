import { createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CryptoError, type CryptoProvider, createSmCryptoProvider, parseMasterKey } from './index.ts';

const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const OTHER_KEY_HEX = 'f0e0d0c0b0a090807060504030201000ffeeddccbbaa99887766554433221100';
const CITIZEN_ID = '110101199003078515';

/** `keyId: null` means "use the default key id". */
function provider(masterKey = KEY_HEX, keyId: string | null = 'k1'): CryptoProvider {
  return createSmCryptoProvider(keyId === null ? { masterKey } : { masterKey, keyId });
}

function parts(token: string): [string, string, string, string, string] {
  const p = token.split('.');
  expect(p).toHaveLength(5);
  return p as [string, string, string, string, string];
}

/** Flips one bit of a base64url-encoded part, re-encoding it canonically (a real byte change). */
function flipBit(part: string, byteIndex = 0): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

function expectCryptoError(fn: () => unknown, message?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CryptoError);
  expect((thrown as Error).name).toBe('CryptoError');
  if (message) expect((thrown as Error).message).toMatch(message);
}

describe('createSmCryptoProvider: encrypt / decrypt', () => {
  const p = provider();

  it.each([
    ['citizen id', CITIZEN_ID],
    ['mobile', '13800138000'],
    ['Chinese text', '浙江省丽水市景宁畲族自治县 张三'],
    ['emoji and astral chars', '共富 👨‍👩‍👧 𠀀'],
    ['empty string', ''],
    ['dots and separators', 'a.b.c.d.e'],
    ['long text', '共'.repeat(10_000)],
  ])('round-trips %s', (_label, plaintext) => {
    const token = p.encrypt(plaintext);
    expect(p.decrypt(token)).toBe(plaintext);
  });

  it('produces the documented token format', () => {
    const token = p.encrypt(CITIZEN_ID);
    expect(token).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+$/);
    const [, , iv, ct, mac] = parts(token);
    expect(Buffer.from(iv, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ct, 'base64url')).toHaveLength(Buffer.byteLength(CITIZEN_ID)); // CTR: no padding
    expect(Buffer.from(mac, 'base64url')).toHaveLength(32);
    expect(token).not.toContain(CITIZEN_ID);
  });

  it('encrypts the empty string to an empty ciphertext part that still authenticates', () => {
    const token = p.encrypt('');
    expect(parts(token)[3]).toBe('');
    expect(p.decrypt(token)).toBe('');
    const [v, k, iv, , mac] = parts(token);
    expectCryptoError(() => p.decrypt([v, k, iv, 'AA', mac].join('.')));
  });

  it('gives different tokens (fresh IV) for the same plaintext', () => {
    const a = p.encrypt(CITIZEN_ID);
    const b = p.encrypt(CITIZEN_ID);
    expect(a).not.toBe(b);
    expect(parts(a)[2]).not.toBe(parts(b)[2]);
    expect(parts(a)[3]).not.toBe(parts(b)[3]);
    expect(p.decrypt(a)).toBe(CITIZEN_ID);
    expect(p.decrypt(b)).toBe(CITIZEN_ID);
    const ivs = new Set(Array.from({ length: 200 }, () => parts(p.encrypt('x'))[2]));
    expect(ivs.size).toBe(200);
  });

  it('rejects plaintext that is not well-formed Unicode instead of corrupting it', () => {
    expectCryptoError(() => p.encrypt('abc\uD800'), /well-formed/);
  });
});

describe('createSmCryptoProvider: tampering and wrong keys', () => {
  const p = provider();
  const token = p.encrypt(CITIZEN_ID);
  const [version, keyId, iv, ct, mac] = parts(token);

  it('accepts the untampered token (control)', () => {
    expect(p.decrypt([version, keyId, iv, ct, mac].join('.'))).toBe(CITIZEN_ID);
  });

  it('rejects a tampered IV', () => {
    expectCryptoError(() => p.decrypt([version, keyId, flipBit(iv), ct, mac].join('.')), /authentication/);
    expectCryptoError(
      () => p.decrypt([version, keyId, flipBit(iv, 15), ct, mac].join('.')),
      /authentication/,
    );
  });

  it('rejects a tampered ciphertext (every byte position)', () => {
    const length = Buffer.from(ct, 'base64url').length;
    for (let i = 0; i < length; i++) {
      expectCryptoError(
        () => p.decrypt([version, keyId, iv, flipBit(ct, i), mac].join('.')),
        /authentication/,
      );
    }
  });

  it('rejects a truncated or extended ciphertext', () => {
    const bytes = Buffer.from(ct, 'base64url');
    const shorter = bytes.subarray(0, bytes.length - 1).toString('base64url');
    const longer = Buffer.concat([bytes, Buffer.from([0])]).toString('base64url');
    expectCryptoError(() => p.decrypt([version, keyId, iv, shorter, mac].join('.')));
    expectCryptoError(() => p.decrypt([version, keyId, iv, longer, mac].join('.')));
  });

  it('rejects a tampered MAC', () => {
    expectCryptoError(() => p.decrypt([version, keyId, iv, ct, flipBit(mac)].join('.')), /authentication/);
    expectCryptoError(
      () => p.decrypt([version, keyId, iv, ct, flipBit(mac, 31)].join('.')),
      /authentication/,
    );
  });

  it('rejects a tampered key id', () => {
    expectCryptoError(() => p.decrypt([version, 'k2', iv, ct, mac].join('.')), /key id/);
  });

  it('binds the key id into the MAC: relabelled tokens fail even for a provider with that key id', () => {
    const sameKeyOtherId = provider(KEY_HEX, 'k2');
    expectCryptoError(() => sameKeyOtherId.decrypt([version, 'k2', iv, ct, mac].join('.')), /authentication/);
  });

  it('rejects a tampered version', () => {
    expectCryptoError(() => p.decrypt(['v2', keyId, iv, ct, mac].join('.')), /version/);
  });

  it('rejects non-canonical base64url that would decode to the same bytes', () => {
    // 16-byte IV -> 22 chars; the last char carries 4 unused bits. Changing them must not be accepted.
    const last = iv.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const idx = alphabet.indexOf(last);
    const sibling = alphabet[(idx & ~0x0f) | ((idx + 1) & 0x0f)]!;
    const variant = iv.slice(0, -1) + sibling;
    expect(Buffer.from(variant, 'base64url').equals(Buffer.from(iv, 'base64url'))).toBe(true);
    expectCryptoError(() => p.decrypt([version, keyId, variant, ct, mac].join('.')), /canonical/);
  });

  it.each([
    ['empty string', ''],
    ['garbage', 'not a token'],
    ['too few parts', [version, keyId, iv, ct].join('.')],
    ['too many parts', [version, keyId, iv, ct, mac, 'x'].join('.')],
    ['invalid base64url', [version, keyId, `${iv.slice(0, -1)}+`, ct, mac].join('.')],
    ['padded base64url', [version, keyId, `${iv}==`, ct, mac].join('.')],
    ['short IV', [version, keyId, iv.slice(0, 8), ct, mac].join('.')],
    ['short MAC', [version, keyId, iv, ct, mac.slice(0, 20)].join('.')],
    ['missing MAC', [version, keyId, iv, ct, ''].join('.')],
  ])('rejects a malformed token: %s', (_label, bad) => {
    expectCryptoError(() => p.decrypt(bad));
  });

  it('rejects non-string input', () => {
    expectCryptoError(() => p.decrypt(undefined as unknown as string));
  });

  it('cannot decrypt with a different master key (same key id)', () => {
    const other = provider(OTHER_KEY_HEX, 'k1');
    expectCryptoError(() => other.decrypt(token), /authentication/);
    expect(other.decrypt(other.encrypt(CITIZEN_ID))).toBe(CITIZEN_ID);
  });

  it('cannot decrypt with a different master key (default key ids)', () => {
    const a = provider(KEY_HEX, null);
    const b = provider(OTHER_KEY_HEX, null);
    expect(a.keyId).not.toBe(b.keyId);
    expectCryptoError(() => b.decrypt(a.encrypt(CITIZEN_ID)), /key id/);
  });
});

describe('createSmCryptoProvider: blind index', () => {
  const p = provider();

  it('is deterministic lowercase HMAC-SM3 hex (32 bytes)', () => {
    const a = p.blindIndex(CITIZEN_ID, 'citizen-id');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(p.blindIndex(CITIZEN_ID, 'citizen-id')).toBe(a);
    expect(provider(KEY_HEX, 'another-id').blindIndex(CITIZEN_ID, 'citizen-id')).toBe(a); // key id independent
  });

  it('differs by value', () => {
    expect(p.blindIndex('110101199003078515', 'citizen-id')).not.toBe(
      p.blindIndex('110101199003078516', 'citizen-id'),
    );
  });

  it('differs by purpose', () => {
    expect(p.blindIndex('13800138000', 'mobile')).not.toBe(p.blindIndex('13800138000', 'citizen-id'));
  });

  it('is unambiguous across the purpose/value boundary', () => {
    expect(p.blindIndex('b', 'a')).not.toBe(p.blindIndex('', 'ab'));
    expect(p.blindIndex('bc', 'a')).not.toBe(p.blindIndex('c', 'ab'));
  });

  it('differs by master key', () => {
    expect(provider(OTHER_KEY_HEX).blindIndex(CITIZEN_ID, 'citizen-id')).not.toBe(
      p.blindIndex(CITIZEN_ID, 'citizen-id'),
    );
  });

  it('is not a plain (unkeyed) hash of the value', () => {
    const index = p.blindIndex(CITIZEN_ID, 'citizen-id');
    expect(index).not.toBe(createHash('sm3').update(CITIZEN_ID).digest('hex'));
    expect(index).not.toBe(createHash('sm3').update(`citizen-id${CITIZEN_ID}`).digest('hex'));
  });

  it('supports the empty value but requires a purpose', () => {
    expect(p.blindIndex('', 'mobile')).toMatch(/^[0-9a-f]{64}$/);
    expectCryptoError(() => p.blindIndex(CITIZEN_ID, ''), /purpose/);
  });
});

describe('parseMasterKey and key validation', () => {
  const bytes = Buffer.from(KEY_HEX, 'hex');

  it('accepts 64 hex characters (either case, surrounding whitespace ignored)', () => {
    expect(parseMasterKey(KEY_HEX).equals(bytes)).toBe(true);
    expect(parseMasterKey(` ${KEY_HEX.toUpperCase()}\n`).equals(bytes)).toBe(true);
  });

  it('accepts base64 and base64url of 32 bytes, with or without padding', () => {
    const key = Buffer.from(`fbff${'ab'.repeat(30)}`, 'hex'); // contains +/ vs -_ characters
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('base64').replace(/=$/, '')).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('base64url')).equals(key)).toBe(true);
  });

  it('gives the same provider for the hex and base64 forms of a key', () => {
    const fromBase64 = createSmCryptoProvider({ masterKey: bytes.toString('base64'), keyId: 'k1' });
    expect(fromBase64.decrypt(provider().encrypt('同一把钥匙'))).toBe('同一把钥匙');
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   '],
    ['too short hex', KEY_HEX.slice(0, 62)],
    ['too long hex', `${KEY_HEX}00`],
    ['non-hex characters', `${KEY_HEX.slice(0, 63)}g`],
    ['base64 of 16 bytes', Buffer.alloc(16, 7).toString('base64')],
    ['base64 of 48 bytes', Buffer.alloc(48, 7).toString('base64')],
    ['non-canonical base64', `${Buffer.alloc(32, 7).toString('base64url').slice(0, 42)}x`],
    ['a passphrase', 'correct horse battery staple'],
    ['all-zero key', '0'.repeat(64)],
  ])('rejects %s with instructions and without echoing the key', (_label, bad) => {
    let thrown: unknown;
    try {
      parseMasterKey(bad);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CryptoError);
    const message = (thrown as Error).message;
    expect(message).toContain('openssl rand -hex 32');
    if (bad.trim().length > 8) expect(message).not.toContain(bad.trim());
    expect(() => createSmCryptoProvider({ masterKey: bad })).toThrow(/openssl rand -hex 32/);
  });

  it('rejects an invalid key id', () => {
    for (const keyId of ['', 'a.b', 'has space', 'x'.repeat(65), '密钥']) {
      expectCryptoError(() => createSmCryptoProvider({ masterKey: KEY_HEX, keyId }), /keyId/);
    }
  });

  it('defaults the key id to a stable fingerprint of the master key', () => {
    const a = provider(KEY_HEX, null);
    expect(a.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(provider(KEY_HEX, null).keyId).toBe(a.keyId);
    expect(a.keyId).toBe('b8e6cbac');
  });
});

describe('storage format stability', () => {
  it('decrypts a golden token produced by this implementation (never change the format silently)', () => {
    const p = provider(KEY_HEX, 'golden');
    const golden =
      'v1.golden.q5IT2hBnZO7N3qMPmZqm8w.Y1fFuJeqplHMMaFDwMD2sRhOJEJbGCVx2FAHcg.nAfAjtJFFyFoSYin9qT49BB2RJCXTI0gtX-6r0MCbLU';
    expect(p.decrypt(golden)).toBe('身份证 110101199003078515');
    expect(p.blindIndex(CITIZEN_ID, 'citizen-id')).toBe(
      '066f3ca6c1f1a30a27ef5684c4f2ebcbc3db8cc1a2015359980b0e3f8dab5a67',
    );
  });

  it('matches the documented construction (HKDF-SM3 subkeys, SM4-CTR, HMAC-SM3 encrypt-then-MAC)', () => {
    const master = Buffer.from(KEY_HEX, 'hex');
    const hkdf = (info: string, length: number) =>
      Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), info, length));
    const encKey = hkdf('gongfu/crypto/v1/sm4-ctr-encryption-key', 16);
    const macKey = hkdf('gongfu/crypto/v1/hmac-sm3-mac-key', 32);
    const indexKey = hkdf('gongfu/crypto/v1/hmac-sm3-blind-index-key', 32);
    expect(encKey.equals(macKey.subarray(0, 16))).toBe(false);
    expect(macKey.equals(indexKey)).toBe(false);

    const p = provider(KEY_HEX, 'k1');
    const plaintext = '浙江 13800138000';
    const [, keyId, ivPart, ctPart, macPart] = parts(p.encrypt(plaintext));
    const iv = Buffer.from(ivPart, 'base64url');
    const ct = Buffer.from(ctPart, 'base64url');

    const keyIdLength = Buffer.alloc(4);
    keyIdLength.writeUInt32BE(Buffer.byteLength(keyId));
    const expectedMac = createHmac('sm3', macKey)
      .update(Buffer.concat([Buffer.from('v1'), keyIdLength, Buffer.from(keyId), iv, ct]))
      .digest('base64url');
    expect(macPart).toBe(expectedMac);

    const decipher = createDecipheriv('sm4-ctr', encKey, iv);
    expect(Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8')).toBe(plaintext);

    const purposeLength = Buffer.alloc(4);
    purposeLength.writeUInt32BE(Buffer.byteLength('mobile'));
    const expectedIndex = createHmac('sm3', indexKey)
      .update(Buffer.concat([purposeLength, Buffer.from('mobile'), Buffer.from('13800138000')]))
      .digest('hex');
    expect(p.blindIndex('13800138000', 'mobile')).toBe(expectedIndex);
  });
});
