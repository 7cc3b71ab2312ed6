import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('configuration', () => {
  it('refuses production without DATABASE_URL and a master key, naming both', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL and GONGFU_MASTER_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(
      /GONGFU_MASTER_KEY/,
    );
  });

  it('never enables demo data in production', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x/y',
      GONGFU_MASTER_KEY: 'a'.repeat(64),
    });
    expect(c.demo).toBe(false);
    expect(c.production).toBe(true);
  });

  it('creates a development key in the data folder, readable only by its owner, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongfu-config-'));
    try {
      const a = loadConfig({ GONGFU_DATA_DIR: dir });
      const b = loadConfig({ GONGFU_DATA_DIR: dir });
      expect(a.masterKey).toMatch(/^[0-9a-f]{64}$/);
      expect(b.masterKey).toBe(a.masterKey);
      expect(readFileSync(join(dir, 'master.key'), 'utf8').trim()).toBe(a.masterKey);
      expect(statSync(join(dir, 'master.key')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads security settings and rejects nonsense with the variable name', () => {
    const c = loadConfig({
      GONGFU_MASTER_KEY: 'b'.repeat(64),
      GONGFU_LOCKOUT_ATTEMPTS: '3',
      GONGFU_SESSION_IDLE_MINUTES: '15',
    });
    expect(c.security.lockoutAttempts).toBe(3);
    expect(c.security.sessionIdleMinutes).toBe(15);
    expect(() => loadConfig({ GONGFU_MASTER_KEY: 'b'.repeat(64), GONGFU_LOCKOUT_MINUTES: 'ten' })).toThrow(
      /GONGFU_LOCKOUT_MINUTES/,
    );
  });

  it('reads the public address residents open, and refuses one that is not an http(s) URL', () => {
    const key = { GONGFU_MASTER_KEY: 'c'.repeat(64) };
    expect(loadConfig(key).publicUrl).toBeUndefined();
    expect(loadConfig({ ...key, GONGFU_PUBLIC_URL: ' ' }).publicUrl).toBeUndefined();
    expect(loadConfig({ ...key, GONGFU_PUBLIC_URL: 'https://gongfu.example.gov.cn/' }).publicUrl).toBe(
      'https://gongfu.example.gov.cn',
    );
    expect(loadConfig({ ...key, GONGFU_PUBLIC_URL: 'http://10.1.2.3:8080/gongfu/' }).publicUrl).toBe(
      'http://10.1.2.3:8080/gongfu',
    );
    for (const bad of [
      'gongfu.example.gov.cn',
      'ftp://gongfu.example.gov.cn',
      'https://gongfu.example.gov.cn/?a=1',
      'https://gongfu.example.gov.cn/#top',
      'https://user:pw@gongfu.example.gov.cn',
    ]) {
      expect(() => loadConfig({ ...key, GONGFU_PUBLIC_URL: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ ...key, GONGFU_PUBLIC_URL: bad }), bad).toThrow(/GONGFU_PUBLIC_URL/);
    }
  });
});
