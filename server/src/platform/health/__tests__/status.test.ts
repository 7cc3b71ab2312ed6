import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';

/** GET /api/status: public, tells the web whether demo data runs and where residents' links point. */

describeEachDb('public status without GONGFU_PUBLIC_URL', (env) => {
  it('says no public address is set, so the web warns staff', async () => {
    const res = await env().app.inject({ url: '/api/status' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', publicUrl: null });
  });
});

describeEachDb(
  'public status with GONGFU_PUBLIC_URL',
  (env) => {
    it('gives the public address to anyone, signed in or not', async () => {
      const res = await env().app.inject({ url: '/api/status' });
      expect(res.statusCode).toBe(200);
      expect(res.json().publicUrl).toBe('https://gongfu.example.gov.cn');
    });
  },
  { config: { publicUrl: 'https://gongfu.example.gov.cn' } },
);
