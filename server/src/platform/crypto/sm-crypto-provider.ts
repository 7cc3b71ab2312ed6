/**
 * CryptoProvider built on the Chinese commercial cryptography standards, using only `node:crypto`:
 *
 * - Key derivation: HKDF (RFC 5869) with SM3, from one 32-byte master key, into three independent subkeys
 *   (SM4 encryption key 16 bytes, HMAC-SM3 MAC key 32 bytes, HMAC-SM3 blind-index key 32 bytes).
 * - Encryption: SM4-CTR (GB/T 32907) with a fresh random 16-byte IV, then HMAC-SM3 (GB/T 32905) over
 *   `'v1' || u32be(len(keyId)) || keyId || iv || ciphertext` (encrypt-then-MAC, constant-time compare).
 * - Blind index: HMAC-SM3 over `u32be(len(purpose)) || purpose || value` with the blind-index key.
 *
 * The token format, HKDF labels and MAC layout are a storage format: changing any of them makes existing
 * data undecryptable. `sm-crypto-provider.test.ts` pins them with a golden token.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { CryptoError, type CryptoProvider } from './crypto-provider.ts';

export interface SmCryptoProviderOptions {
  /** 32 bytes, as 64 hex characters or base64 / base64url (padding optional). */
  masterKey: string;
  /**
   * Key version id stored in every token: 1–64 characters of `[A-Za-z0-9_-]`.
   * Defaults to a non-secret 8-hex-character fingerprint derived from the master key.
   */
  keyId?: string;
}

const VERSION = 'v1';
const MASTER_KEY_BYTES = 32;
const IV_BYTES = 16;
const MAC_BYTES = 32; // SM3 digest size
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const HEX_KEY_PATTERN = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY_PATTERN = /^[A-Za-z0-9+/_-]{43}=?$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

// HKDF-SM3 labels (the `info` parameter). Empty salt: the master key is already uniformly random.
const LABEL_ENCRYPTION = 'gongfu/crypto/v1/sm4-ctr-encryption-key';
const LABEL_MAC = 'gongfu/crypto/v1/hmac-sm3-mac-key';
const LABEL_BLIND_INDEX = 'gongfu/crypto/v1/hmac-sm3-blind-index-key';
const LABEL_KEY_ID = 'gongfu/crypto/v1/key-id';

const MASTER_KEY_HELP =
  'expected 32 random bytes encoded as 64 hex characters or as base64. Generate one with: openssl rand -hex 32';

/**
 * Parses a master key given as 64 hex characters or base64/base64url of 32 bytes (surrounding whitespace
 * is ignored). Throws `CryptoError` with generation instructions otherwise. Never echoes the key.
 */
export function parseMasterKey(masterKey: string): Buffer {
  if (typeof masterKey !== 'string') {
    throw new CryptoError(`Invalid master key: not a string; ${MASTER_KEY_HELP}`);
  }
  const text = masterKey.trim();
  if (text === '') {
    throw new CryptoError(`Missing master key: ${MASTER_KEY_HELP}`);
  }
  let key: Buffer;
  if (HEX_KEY_PATTERN.test(text)) {
    key = Buffer.from(text, 'hex');
  } else if (BASE64_KEY_PATTERN.test(text) && !(/[+/]/.test(text) && /[-_]/.test(text))) {
    const urlSafe = text.replace(/=$/, '').replaceAll('+', '-').replaceAll('/', '_');
    key = Buffer.from(urlSafe, 'base64url');
    // Reject non-canonical encodings (stray bits in the last character).
    if (key.length !== MASTER_KEY_BYTES || key.toString('base64url') !== urlSafe) {
      throw new CryptoError(`Invalid master key: malformed base64; ${MASTER_KEY_HELP}`);
    }
  } else {
    throw new CryptoError(`Invalid master key (${text.length} characters): ${MASTER_KEY_HELP}`);
  }
  if (key.every((byte) => byte === 0)) {
    throw new CryptoError(`Invalid master key: all zero bytes; ${MASTER_KEY_HELP}`);
  }
  return key;
}

function derive(masterKey: Buffer, label: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sm3', masterKey, Buffer.alloc(0), label, length));
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Strict base64url decoding: rejects foreign characters, padding and non-canonical trailing bits. */
function decodeBase64url(part: string, what: string): Buffer {
  if (!BASE64URL_PATTERN.test(part)) {
    throw new CryptoError(`Malformed token: ${what} is not base64url`);
  }
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) {
    throw new CryptoError(`Malformed token: ${what} is not canonical base64url`);
  }
  return bytes;
}

function utf8(value: string, what: string): Buffer {
  if (typeof value !== 'string') {
    throw new CryptoError(`${what} must be a string`);
  }
  const bytes = Buffer.from(value, 'utf8');
  // Lone surrogates would silently become U+FFFD and not round-trip.
  if (bytes.toString('utf8') !== value) {
    throw new CryptoError(`${what} is not well-formed Unicode (lone surrogate)`);
  }
  return bytes;
}

export function createSmCryptoProvider(options: SmCryptoProviderOptions): CryptoProvider {
  const master = parseMasterKey(options.masterKey);
  const encKey = derive(master, LABEL_ENCRYPTION, 16);
  const macKey = derive(master, LABEL_MAC, 32);
  const indexKey = derive(master, LABEL_BLIND_INDEX, 32);
  const keyId = options.keyId ?? derive(master, LABEL_KEY_ID, 4).toString('hex');
  master.fill(0);

  if (typeof keyId !== 'string' || !KEY_ID_PATTERN.test(keyId)) {
    throw new CryptoError('Invalid keyId: expected 1-64 characters of [A-Za-z0-9_-]');
  }
  const keyIdBytes = Buffer.from(keyId, 'utf8');

  function mac(iv: Buffer, ciphertext: Buffer): Buffer {
    return createHmac('sm3', macKey)
      .update(VERSION)
      .update(u32be(keyIdBytes.length))
      .update(keyIdBytes)
      .update(iv)
      .update(ciphertext)
      .digest();
  }

  return {
    keyId,

    encrypt(plaintext: string): string {
      const data = utf8(plaintext, 'plaintext');
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-ctr', encKey, iv);
      const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
      const tag = mac(iv, ciphertext);
      return [
        VERSION,
        keyId,
        iv.toString('base64url'),
        ciphertext.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },

    decrypt(token: string): string {
      if (typeof token !== 'string') {
        throw new CryptoError('Malformed token: not a string');
      }
      const parts = token.split('.');
      if (parts.length !== 5) {
        throw new CryptoError('Malformed token: expected 5 dot-separated parts');
      }
      const [version, tokenKeyId, ivPart, ciphertextPart, macPart] = parts as [
        string,
        string,
        string,
        string,
        string,
      ];
      if (version !== VERSION) {
        throw new CryptoError('Unsupported token version');
      }
      if (tokenKeyId !== keyId) {
        const shown = KEY_ID_PATTERN.test(tokenKeyId) ? `"${tokenKeyId}"` : '(malformed)';
        throw new CryptoError(`Token key id ${shown} does not match this provider's key id "${keyId}"`);
      }
      const iv = decodeBase64url(ivPart, 'iv');
      const ciphertext = decodeBase64url(ciphertextPart, 'ciphertext');
      const tag = decodeBase64url(macPart, 'mac');
      if (iv.length !== IV_BYTES || tag.length !== MAC_BYTES) {
        throw new CryptoError('Malformed token: bad iv or mac length');
      }
      if (!timingSafeEqual(tag, mac(iv, ciphertext))) {
        throw new CryptoError('Token authentication failed (tampered, or encrypted under a different key)');
      }
      const decipher = createDecipheriv('sm4-ctr', encKey, iv);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    },

    blindIndex(value: string, purpose: string): string {
      const data = utf8(value, 'value');
      const purposeBytes = utf8(purpose, 'purpose');
      if (purposeBytes.length === 0) {
        throw new CryptoError('blindIndex purpose must be a non-empty string');
      }
      return createHmac('sm3', indexKey)
        .update(u32be(purposeBytes.length))
        .update(purposeBytes)
        .update(data)
        .digest('hex');
    },
  };
}
