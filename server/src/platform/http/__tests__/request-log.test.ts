import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Built, buildApp, migrate } from '../../../app.ts';
import { modules } from '../../../modules/index.ts';
import { openTestDatabase, TEST_BACKENDS, TEST_PASSWORD, testConfig } from '../../../test/harness.ts';
import { describeFindings, findSecretsInLog } from '../../../test/log-secrets.ts';
import { createUser, systemContext } from '../../accounts/create-user.ts';
import { defineModule } from '../../module/manifest.ts';
import { redactUrl, serializeError } from '../request-log.ts';

const CITIZEN_ID = '33052319900101123X';
const MOBILE = '13912345678';
const PASSWORD = TEST_PASSWORD;

/** A route that fails the way a database constraint does, quoting the row's values. */
const failing = defineModule({
  id: 'logcheck',
  name: { zh: '日志检查', en: 'Log check' },
  programme: false,
  routes: (app) => {
    app.post('/api/logcheck/boom', { config: { access: { authenticated: true } } }, async () => {
      throw Object.assign(new Error(`duplicate key: mobile ${MOBILE} of ${CITIZEN_ID}`), {
        code: '23505',
        detail: `Key (citizen_id, mobile)=(${CITIZEN_ID}, ${MOBILE}) already exists.`,
        cause: new Error(`invalid input syntax for type uuid: "${CITIZEN_ID}"`),
      });
    });
  },
});

describe('request log redaction', () => {
  it('keeps paths and parameter names, replaces query values and link tokens', () => {
    expect(redactUrl(`/api/people?q=${CITIZEN_ID}&page=2&pageSize=20`)).toBe(
      '/api/people?q=[redacted]&page=2&pageSize=20',
    );
    expect(redactUrl('/api/people?page=1%27%20or%201%3D1')).toBe('/api/people?page=[redacted]');
    expect(redactUrl('/api/resident/surveys/abcDEF123-_xyz')).toBe('/api/resident/surveys/[redacted]');
    expect(redactUrl('/r/b/abcDEF123-_xyz?lang=en')).toBe('/r/b/[redacted]?lang=en');
    expect(redactUrl('/api/files/7f0c/content?exp=1790000000&sig=c2lnbmF0dXJl')).toBe(
      '/api/files/7f0c/content?exp=[redacted]&sig=[redacted]',
    );
    expect(redactUrl('/api/x/abc/secret', '/api/x/:id/:token')).toBe('/api/x/abc/[redacted]');
    expect(redactUrl(`/api/people/${MOBILE}`)).toBe('/api/people/[mobile]');
    expect(redactUrl('/api/renewal/projects/6b1f0c3e-1d2a-4c7b-9e8f-0a1b2c3d4e5f')).toBe(
      '/api/renewal/projects/6b1f0c3e-1d2a-4c7b-9e8f-0a1b2c3d4e5f',
    );
  });

  it('logs errors without the values PostgreSQL quotes', () => {
    const err = Object.assign(new Error('new row for relation "people" violates check constraint'), {
      code: '23514',
      detail: `Failing row contains (1, 张三, ${CITIZEN_ID}, ${MOBILE}).`,
    });
    const logged = JSON.stringify(serializeError(err));
    expect(logged).toContain('Failing row contains ([redacted])');
    expect(logged).toContain('23514');
    expect(logged).not.toContain(CITIZEN_ID);
    expect(logged).not.toContain(MOBILE);
    expect(logged).not.toContain('张三');
  });

  it('the checker finds what a careless log would hold', () => {
    const token = randomBytes(32).toString('base64url');
    const leaky = [
      `{"req":{"url":"/api/people?q=${CITIZEN_ID}"}}`,
      `{"msg":"sms to ${MOBILE}"}`,
      `{"req":{"url":"/api/resident/ballots/${token}"}}`,
      `{"req":{"url":"/r/s/${token}"}}`,
      '{"req":{"url":"/api/files/1/content?exp=1&sig=abcdef"}}',
      `{"body":{"username":"a","password":"${PASSWORD}"}}`,
    ].join('\n');
    const kinds = findSecretsInLog(leaky, [PASSWORD]).map((f) => f.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['citizen-id', 'mobile', 'resident-token', 'signature', 'password', 'known-secret']),
    );
    expect(describeFindings(findSecretsInLog(leaky))).not.toContain(CITIZEN_ID);
    const clean =
      '{"level":30,"time":1796660347487,"reqId":"6b1f0c3e-1d2a-4c7b-9e8f-0a1b2c3d4e5f","responseTime":13.91234567891}';
    expect(findSecretsInLog(clean)).toEqual([]);
  });
});

for (const kind of TEST_BACKENDS) {
  describe(`the request log of a real app holds no personal data or credentials [${kind}]`, () => {
    const lines: string[] = [];
    let built: Built | undefined;
    let dispose: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      const opened = await openTestDatabase(kind);
      dispose = opened.dispose;
      await migrate(opened.database, [...modules, failing]);
      built = await buildApp({
        config: testConfig(),
        database: opened.database,
        modules: [...modules, failing],
        logger: { write: (line: string) => void lines.push(line) },
      });
      await built.app.ready();
      await createUser(built.services, systemContext('test'), {
        username: 'clerk1',
        displayName: 'clerk1',
        password: PASSWORD,
        grants: [{ role: 'staff', regionCode: null, organisationId: null, programmes: ['renewal'] }],
      });
    });
    afterAll(async () => {
      await built?.app.close();
      await dispose?.();
    });

    it('after sign-in, ID searches, resident links, a signed file link and an internal error', async () => {
      const app = built!.app;
      const token = randomBytes(32).toString('base64url');
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'clerk1', password: PASSWORD },
      });
      expect(login.statusCode, login.body).toBe(200);
      const sid = login.cookies.find((c) => c.name.endsWith('gongfu_sid'))!;
      const cookie = `${sid.name}=${sid.value}`;
      const as = { cookie };
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'clerk1', password: `Wrong-${MOBILE}` },
      });
      expect(wrong.statusCode).toBe(401);

      const searches = [
        await app.inject({ url: `/api/people?q=${CITIZEN_ID}&page=1&pageSize=20`, headers: as }),
        await app.inject({ url: `/api/people?q=${MOBILE}`, headers: as }),
        await app.inject({ url: `/api/auth/me?token=${token}`, headers: as }),
      ];
      expect(searches[0]!.statusCode, searches[0]!.body).toBe(200);
      await app.inject({
        method: 'POST',
        url: '/api/people/lookup',
        headers: as,
        payload: { citizenId: CITIZEN_ID },
      });
      await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: as,
        payload: { name: '张三', citizenId: CITIZEN_ID, mobile: MOBILE, bogus: true },
      });
      await app.inject({ url: `/api/resident/surveys/${token}` });
      await app.inject({
        method: 'POST',
        url: `/api/resident/ballots/${token}`,
        payload: { choice: 'agree' },
      });
      await app.inject({ url: `/r/s/${token}` });
      await app.inject({ url: `/r/b/${token}` });
      const signed = built!.services.files.signedUrl(randomUUID());
      const sig = new URL(signed, 'http://x').searchParams.get('sig')!;
      expect(sig.length).toBeGreaterThan(10);
      await app.inject({ url: signed, headers: as });
      const boom = await app.inject({
        method: 'POST',
        url: '/api/logcheck/boom',
        headers: as,
        payload: { citizenId: CITIZEN_ID, mobile: MOBILE },
      });
      expect(boom.statusCode).toBe(500);

      const log = lines.join('');
      // the log is still useful: every request is there, with its path and parameter names
      expect(log.match(/"request completed"/g)?.length ?? 0).toBeGreaterThanOrEqual(13);
      for (const kept of [
        '/api/people?q=[redacted]&page=1&pageSize=20',
        '/api/resident/surveys/[redacted]',
        '/api/resident/ballots/[redacted]',
        '/r/b/[redacted]',
        'content?exp=[redacted]&sig=[redacted]',
        '"msg":"unhandled error"',
        '"code":"23505"',
      ]) {
        // booleans, so that a failure does not print the whole log
        expect(log.includes(kept), `the log shows ${kept}`).toBe(true);
      }
      // and holds none of the secrets
      for (const secret of [CITIZEN_ID, MOBILE, token, PASSWORD, sig, sid.value]) {
        expect(log.includes(secret), `the log holds ${secret.slice(0, 4)}…`).toBe(false);
      }
      const findings = findSecretsInLog(log, [token, PASSWORD, sig, sid.value]);
      expect(findings, describeFindings(findings)).toEqual([]);
    });
  });
}
