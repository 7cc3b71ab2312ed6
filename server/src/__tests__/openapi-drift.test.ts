import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenapi } from '../cli/openapi.ts';

describe('openapi.json', () => {
  it('is committed and matches the route table (run `npm run openapi` after changing routes)', async () => {
    const committed = readFileSync(OPENAPI_PATH, 'utf8');
    const fresh = await renderOpenapi();
    expect(committed === fresh, 'openapi.json is stale: run `npm run openapi` and commit it').toBe(true);
    const doc = JSON.parse(fresh) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
  });
});
