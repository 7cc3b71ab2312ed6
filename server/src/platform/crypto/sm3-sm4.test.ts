/**
 * Known-answer tests from the standards, proving node's (OpenSSL's) 'sm3' and 'sm4-*' are the real
 * GB/T 32905-2016 (SM3) and GB/T 32907-2016 (SM4) algorithms.
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

describe('SM3 (GB/T 32905-2016 appendix A)', () => {
  it('hashes "abc"', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('hashes "abcd" x 16 (512-bit message, two blocks after padding)', () => {
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('SM4 (GB/T 32907-2016 appendix A)', () => {
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const plaintext = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');

  function ecbEncryptor() {
    const cipher = createCipheriv('sm4-ecb', key, null);
    cipher.setAutoPadding(false);
    return cipher;
  }

  it('encrypts one block', () => {
    const cipher = ecbEncryptor();
    const out = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('decrypts the block back', () => {
    const decipher = createDecipheriv('sm4-ecb', key, null);
    decipher.setAutoPadding(false);
    const out = Buffer.concat([
      decipher.update(Buffer.from('681edf34d206965e86b3e94f536e4246', 'hex')),
      decipher.final(),
    ]);
    expect(out.toString('hex')).toBe('0123456789abcdeffedcba9876543210');
  });

  it('encrypts the block 1,000,000 times with the same key', () => {
    const cipher = ecbEncryptor();
    let block = plaintext;
    for (let i = 0; i < 1_000_000; i++) block = cipher.update(block);
    cipher.final();
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });
});
