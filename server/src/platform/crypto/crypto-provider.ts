/**
 * Field-level encryption for personal data (citizen IDs, mobile numbers, …).
 *
 * Ciphertexts are self-describing strings that carry the id of the key that produced them, so keys can
 * be rotated: keep one provider per key id and route `decrypt` by the token's key id.
 */
export interface CryptoProvider {
  /** Identifies the key version; embedded in (and authenticated with) every ciphertext. */
  readonly keyId: string;
  /** Returns `v1.<keyId>.<base64url iv>.<base64url ciphertext>.<base64url mac>`; randomised per call. */
  encrypt(plaintext: string): string;
  /** Inverse of `encrypt`. Throws `CryptoError` on tampering, wrong key or a malformed token. */
  decrypt(token: string): string;
  /**
   * Deterministic keyed hash (HMAC-SM3, lowercase hex) for equality lookups on encrypted columns.
   * `purpose` separates domains (e.g. 'citizen-id', 'mobile'): the same value gives unrelated indexes
   * under different purposes. Callers must normalise `value` first (trim, upper-case the check digit, …);
   * the index is computed over the exact UTF-8 bytes.
   */
  blindIndex(value: string, purpose: string): string;
}

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
}
