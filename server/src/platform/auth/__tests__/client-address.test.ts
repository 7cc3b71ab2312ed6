import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { ConfigError, defaultSecurity, loadConfig, parseTrustedProxies } from '../../config.ts';

const security = { ...defaultSecurity, loginRateLimitPerMinute: 3 };

/** Sign-in attempts from one socket address, each with another forged X-Forwarded-For. */
const rotating = (n: number, remoteAddress: string) =>
  Array.from({ length: n }, (_, i) => ({
    method: 'POST' as const,
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
    payload: { username: `rotating.${remoteAddress}`, password: 'wrong-password-1' },
  }));

describeEachDb(
  'client address in production without trusted proxies',
  (env) => {
    it('ignores X-Forwarded-For: rotating it neither escapes the sign-in limit nor reaches the audit log', async () => {
      const codes: number[] = [];
      for (const req of rotating(4, '198.51.100.7')) codes.push((await env().app.inject(req)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const ips = await sql<{ ip: string }>`
        select distinct ip from audit_log where actor_name = 'rotating.198.51.100.7'`.execute(
        env().services.db,
      );
      expect(ips.rows).toEqual([{ ip: '198.51.100.7' }]);
    });
  },
  { config: { production: true, security } },
);

describeEachDb(
  'client address behind a configured proxy',
  (env) => {
    it('believes X-Forwarded-For from the trusted proxy only', async () => {
      const codes: number[] = [];
      for (const req of rotating(4, '10.0.0.5')) codes.push((await env().app.inject(req)).statusCode);
      // each request comes from another client behind the proxy: no limit reached
      expect(codes).toEqual([401, 401, 401, 401]);
      const ips = await sql<{ ip: string }>`
        select ip from audit_log where actor_name = 'rotating.10.0.0.5' order by id`.execute(
        env().services.db,
      );
      expect(ips.rows.map((r) => r.ip)).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']);
      // the same header from an address outside the list is ignored
      const direct = await env().app.inject(rotating(1, '198.51.100.9')[0]!);
      expect(direct.statusCode).toBe(401);
      const ip = await sql<{ ip: string }>`
        select ip from audit_log where actor_name = 'rotating.198.51.100.9'`.execute(env().services.db);
      expect(ip.rows).toEqual([{ ip: '198.51.100.9' }]);
    });
  },
  { config: { production: true, security, trustedProxies: ['10.0.0.0/8'] } },
);

describe('GONGFU_TRUSTED_PROXIES', () => {
  it('reads addresses, CIDRs and named ranges, and none by default', () => {
    expect(parseTrustedProxies(' 10.0.0.5, 192.168.0.0/16 ,::1,fd00::/8,loopback')).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    expect(
      loadConfig({ GONGFU_DATA_DIR: join(tmpdir(), 'gongfu-unused'), GONGFU_MASTER_KEY: 'a'.repeat(64) }),
    ).toMatchObject({
      trustedProxies: [],
    });
  });

  it('rejects anything else, naming the variable and the entry', () => {
    for (const bad of ['*', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '::1/129', 'true']) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(ConfigError);
      expect(() => parseTrustedProxies(bad), bad).toThrow(`GONGFU_TRUSTED_PROXIES must list IP addresses`);
    }
  });
});
