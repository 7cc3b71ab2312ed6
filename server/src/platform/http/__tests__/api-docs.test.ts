import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { ConfigError, loadConfig } from '../../config.ts';

const DOCS = ['/api/openapi.json', '/api/docs', '/api/docs/', '/api/docs/json', '/api/docs/yaml'];

describeEachDb(
  'API description in production: signed-in users only (issue 10)',
  (env) => {
    it('answers an anonymous caller with 401, and shows it to a signed-in user', async () => {
      for (const url of DOCS) {
        const res = await env().app.inject({ url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json(), url).toMatchObject({ code: 'UNAUTHENTICATED' });
        expect(res.body, url).not.toContain('/api/people');
      }
      const cookie = await env().userWith('staff', {}, 'docs.staff');
      const spec = await env().app.inject({ url: '/api/openapi.json', headers: { cookie } });
      expect(spec.statusCode).toBe(200);
      expect(spec.json().info.title).toContain('Gongfu');
      const page = await env().app.inject({ url: '/api/docs/', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('swagger');
      const json = await env().app.inject({ url: '/api/docs/json', headers: { cookie } });
      expect(json.json().paths).toHaveProperty(['/api/auth/login']);
    });
  },
  { config: { production: true } },
);

describeEachDb(
  'API description in production with GONGFU_API_DOCS=public',
  (env) => {
    it('is open to anyone', async () => {
      for (const url of DOCS) {
        const res = await env().app.inject({ url });
        expect(res.statusCode, url).toBeLessThan(400);
      }
    });
  },
  { config: { production: true, apiDocs: 'public' } },
);

describe('GONGFU_API_DOCS', () => {
  it('is signed-in by default, public on request, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongfu-docs-config-'));
    try {
      const env = { GONGFU_DATA_DIR: dir, GONGFU_MASTER_KEY: 'ab'.repeat(32) };
      expect(loadConfig(env).apiDocs).toBe('signed-in');
      expect(loadConfig({ ...env, GONGFU_API_DOCS: 'public' }).apiDocs).toBe('public');
      expect(() => loadConfig({ ...env, GONGFU_API_DOCS: 'yes' })).toThrow(ConfigError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
