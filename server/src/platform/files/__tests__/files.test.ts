import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDb, type TestEnv } from '../../../test/harness.ts';
import { fdb } from '../file.tables.ts';
import { LocalDiskStore } from '../file-store.ts';
import { multipart, solidPng, tinyPdf, type Uploaded, upload } from './multipart.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongfu-files-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAX = 64 * 1024;

/** Every stored content under the store's folder (temporary files included). */
const storedFiles = (root: string): string[] =>
  existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => d.name)
    : [];

const fileCount = async (env: TestEnv) =>
  Number(
    (
      await fdb(env.services.db)
        .selectFrom('files')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let backend = 0;

describeEachDb(
  'platform files: upload, sniffed types, limits, signed links',
  (env) => {
    let staff: string;
    let partner: string;
    let root: string;
    let png: Buffer;
    let photo: Uploaded;

    it('stores an upload under a random key: type sniffed, size and SM3 recorded, audited', async () => {
      root = env().services.config.files!.dir;
      staff = await env().userWith('staff', { regionCode: '330523' }, `files.staff${++backend}`);
      partner = await env().userWith('leader', { regionCode: '33' }, `files.leader${backend}`);
      png = solidPng(8, 6, [200, 40, 40]);
      // the client says it is a JPEG called photo.jpg: the content decides
      const res = await upload(env(), staff, png, '../../工地 照片.jpg', 'image/jpeg');
      expect(res.statusCode, res.body).toBe(201);
      photo = res.json();
      expect(photo).toMatchObject({ name: '工地 照片.jpg.png', contentType: 'image/png', size: png.length });
      expect(photo.url).toMatch(new RegExp(`^/api/files/${photo.id}/content\\?exp=\\d+&sig=[0-9a-f]{64}$`));
      const row = await fdb(env().services.db)
        .selectFrom('files')
        .selectAll()
        .where('id', '=', photo.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ content_type: 'image/png', size_bytes: png.length, attached_type: null });
      expect(row.storage_key).toMatch(/^[0-9a-f]{32}$/);
      // the bytes are in the storage folder, and the recorded SM3 is theirs
      const path = new LocalDiskStore(root).pathOf(row.storage_key);
      expect(path.startsWith(root)).toBe(true);
      const onDisk = readFileSync(path);
      expect(onDisk.equals(png)).toBe(true);
      expect(row.sm3).toBe(createHash('sm3').update(onDisk).digest('hex'));
      const audit = await env()
        .services.db.selectFrom('audit_log')
        .select(['action', 'after'])
        .where('entity_id', '=', photo.id)
        .execute();
      expect(audit).toMatchObject([
        { action: 'file.upload', after: { sm3: row.sm3, contentType: 'image/png' } },
      ]);
    });

    it('accepts PDF, Word and Excel by their content', async () => {
      const pdf = await upload(env(), partner, tinyPdf(), 'minutes', 'application/octet-stream');
      expect(pdf.statusCode, pdf.body).toBe(201);
      expect(pdf.json()).toMatchObject({ contentType: 'application/pdf', name: 'minutes.pdf' });
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('s').addRow(['a']);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const x = await upload(env(), partner, xlsx, '台账.xlsx', 'text/plain');
      expect(x.statusCode, x.body).toBe(201);
      expect(x.json().contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    });

    it('refuses wrong types, empty and too large files, naming the field, storing nothing', async () => {
      const before = { rows: await fileCount(env()), files: storedFiles(root).length };
      const refused = async (res: Awaited<ReturnType<typeof upload>>, status: number, code: string) => {
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json()).toMatchObject({ code, field: 'file' });
        return res.json().message as string;
      };
      // HTML dressed up as a PNG
      const html = await refused(
        await upload(env(), staff, '<html><script>alert(1)</script></html>', 'x.png', 'image/png'),
        400,
        'FILE_TYPE_NOT_ALLOWED',
      );
      expect(html).toContain('JPEG');
      // a zip that is not an Office document
      const zip = Buffer.from('504b0304', 'hex');
      await refused(
        await upload(env(), staff, Buffer.concat([zip, Buffer.alloc(64)]), 'a.docx'),
        400,
        'FILE_TYPE_NOT_ALLOWED',
      );
      await refused(await upload(env(), staff, Buffer.alloc(0), 'empty.png'), 400, 'FILE_EMPTY');
      const big = Buffer.concat([png, Buffer.alloc(MAX)]);
      const tooBig = await refused(await upload(env(), staff, big, 'big.png'), 413, 'FILE_TOO_LARGE');
      expect(tooBig).toContain('MB');
      // far over the limit: refused from its length, before reading
      const huge = await upload(env(), staff, Buffer.alloc(MAX * 3), 'huge.png');
      await refused(huge, 413, 'FILE_TOO_LARGE');
      // no file, the wrong field, not multipart at all
      const none = multipart([{ field: 'note', data: 'hello' }]);
      await refused(
        await env().app.inject({
          method: 'POST',
          url: '/api/files',
          headers: { ...none.headers, cookie: staff },
          payload: none.payload,
        }),
        400,
        'VALIDATION_FAILED',
      );
      await refused(await upload(env(), staff, png, 'p.png', 'image/png', 'photo'), 400, 'VALIDATION_FAILED');
      await refused(
        await env().app.inject({
          method: 'POST',
          url: '/api/files',
          headers: { cookie: staff },
          payload: { file: 'x' },
        }),
        400,
        'VALIDATION_FAILED',
      );
      // English on request
      const empty = multipart([{ field: 'file', filename: 'e.png', data: Buffer.alloc(0) }]);
      const en = await env().app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { ...empty.headers, cookie: staff, 'accept-language': 'en' },
        payload: empty.payload,
      });
      expect(en.json()).toMatchObject({
        field: 'file',
        message: 'The uploaded file is empty (0 bytes); choose the file again',
      });
      // a broken body (the boundary does not match)
      const broken = await env().app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { ...multipart([]).headers, cookie: staff },
        payload: empty.payload,
      });
      expect(broken.statusCode, broken.body).toBe(400);
      expect(broken.json().field).toBe('file');
      expect(await fileCount(env())).toBe(before.rows);
      expect(storedFiles(root).length).toBe(before.files);
    });

    it('needs a signed-in user to upload', async () => {
      const res = await upload(env(), undefined, png);
      expect(res.statusCode).toBe(401);
    });

    it('serves the content by its signed link only: typed, nosniff, inline for photos; tampered or expired links refused', async () => {
      const res = await env().app.inject({ method: 'GET', url: photo.url });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.equals(png)).toBe(true);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toMatch(/^inline; filename=".*\.png"; filename\*=UTF-8''/);
      expect(String(res.headers['content-security-policy'])).toContain('sandbox');
      // a PDF downloads
      const pdf = (await upload(env(), staff, tinyPdf(), '会议纪要.pdf')).json() as Uploaded;
      const got = await env().app.inject({ method: 'GET', url: pdf.url });
      expect(got.headers['content-type']).toBe('application/pdf');
      expect(got.headers['content-disposition']).toContain(
        `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('会议纪要.pdf')}`,
      );

      const u = new URL(photo.url, 'http://x');
      const exp = Number(u.searchParams.get('exp'));
      const sig = u.searchParams.get('sig')!;
      const refused = async (url: string, code: string) => {
        const r = await env().app.inject({ method: 'GET', url });
        expect(r.statusCode, r.body).toBe(403);
        expect(r.json().code).toBe(code);
      };
      // another file's id with this signature, a later expiry, a changed signature, no signature
      await refused(`/api/files/${pdf.id}/content?exp=${exp}&sig=${sig}`, 'FILE_LINK_INVALID');
      await refused(`/api/files/${photo.id}/content?exp=${exp + 3600}&sig=${sig}`, 'FILE_LINK_INVALID');
      const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
      await refused(`/api/files/${photo.id}/content?exp=${exp}&sig=${flipped}`, 'FILE_LINK_INVALID');
      await refused(`/api/files/${photo.id}/content?exp=${exp}&sig=nothex`, 'FILE_LINK_INVALID');
      expect(
        (await env().app.inject({ method: 'GET', url: `/api/files/${photo.id}/content` })).statusCode,
      ).toBe(400);
      // still good 15 minutes later, expired after 20
      env().clock.advance(15 * 60_000);
      expect((await env().app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(200);
      env().clock.advance(5 * 60_000 + 1000);
      await refused(photo.url, 'FILE_LINK_EXPIRED');
      // a fresh link works again
      const fresh = env().services.files.signedUrl(photo.id);
      expect((await env().app.inject({ method: 'GET', url: fresh })).statusCode).toBe(200);
    });

    it('purges abandoned uploads (never attached) with their contents', async () => {
      const row = await fdb(env().services.db)
        .selectFrom('files')
        .selectAll()
        .where('id', '=', photo.id)
        .executeTakeFirstOrThrow();
      const path = new LocalDiskStore(root).pathOf(row.storage_key);
      env().clock.advance(24 * 3_600_000);
      const n = await env().services.files.purgeUnattached(
        { principal: null, requestId: 'test', ip: null, lang: 'zh-CN', systemActor: 'test' },
        new Date(env().clock.now().getTime() - 3_600_000),
      );
      expect(n).toBeGreaterThan(0);
      expect(existsSync(path)).toBe(false);
      expect(await fileCount(env())).toBe(0);
      expect(
        (await env().app.inject({ method: 'GET', url: env().services.files.signedUrl(photo.id) })).statusCode,
      ).toBe(404);
    });
  },
  { config: { files: { dir: join(dir, String(Math.random()).slice(2)), maxBytes: MAX } } },
);
