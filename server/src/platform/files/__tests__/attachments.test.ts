import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from '../../../modules/renewal/__tests__/renewal-factory.ts';
import {
  oversightTestModule,
  partnerOf,
} from '../../../modules/renewal/oversight/__tests__/oversight-module.ts';
import { describeEachDb, type TestEnv } from '../../../test/harness.ts';
import { fdb } from '../file.tables.ts';
import { solidPng, tinyPdf, type Uploaded, upload } from './multipart.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongfu-attach-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface FileView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}
interface Report {
  id: string;
  photos: Array<{ description: string; file: FileView | null }>;
}
interface FindingDetail {
  finding: { id: string; status: string };
  files: FileView[];
  history: Array<{ action: string; files: FileView[] }>;
}

const uploaded = async (env: TestEnv, cookie: string, data: Buffer, name: string): Promise<Uploaded> =>
  expectStatus<Uploaded>(upload(env, cookie, data, name), 201);

const attachmentOf = async (env: TestEnv, id: string) =>
  fdb(env.services.db)
    .selectFrom('files')
    .select(['attached_type', 'attached_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const fileAudit = async (env: TestEnv, id: string) =>
  (
    await env.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'file')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describeEachDb(
  'platform files attached to records: daily report photos, finding photos and reply evidence',
  (env) => {
    let w: World;
    let project: string;
    let other: string;
    let photo: Uploaded;
    let report: Report;
    const png = solidPng(10, 10, [30, 120, 60]);
    const fileReport = (cookie: string, projectId: string, photos: unknown[]) =>
      call(env(), cookie, 'POST', `/api/renewal/projects/${projectId}/reports`, {
        weather: 'sunny',
        workersOnSite: 80,
        photos,
      });

    it('only the uploader attaches a file, only images as report photos, naming the field', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'fa');
      project = (await createProject(env(), w.anji, w, { name: '附件测试项目A' })).id;
      other = (await createProject(env(), w.anji, w, { name: '附件测试项目B' })).id;
      photo = await uploaded(env(), w.partner, png, '10层浇筑.png');
      // staff of the region may file the report, but not with the contractor's upload
      const notYours = await fileReport(w.anji, project, [{ fileId: photo.id }]);
      expect(notYours.statusCode, notYours.body).toBe(403);
      expect(notYours.json()).toMatchObject({ code: 'FILE_NOT_YOURS', field: 'photos.0.fileId' });
      // someone else's file is not named back (issue 10): its name is the uploader's business
      expect(notYours.body).not.toContain('10层浇筑');
      // a PDF is not a photo
      const pdf = await uploaded(env(), w.partner, tinyPdf(), '说明.pdf');
      const notPhoto = await fileReport(w.partner, project, [{ fileId: photo.id }, { fileId: pdf.id }]);
      expect(notPhoto.statusCode).toBe(400);
      expect(notPhoto.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', field: 'photos.1.fileId' });
      // twice the same, or an id that is no file
      const twice = await fileReport(w.partner, project, [{ fileId: photo.id }, { fileId: photo.id }]);
      expect(twice.json()).toMatchObject({ field: 'photos.1.fileId' });
      const ghost = await fileReport(w.partner, project, [
        { fileId: '00000000-0000-4000-8000-000000000000' },
      ]);
      expect(ghost.json()).toMatchObject({ code: 'FILE_NOT_FOUND', field: 'photos.0.fileId' });
      // nothing was filed, nothing attached
      expect((await attachmentOf(env(), photo.id)).attached_type).toBeNull();
      const list = await expectStatus<{ total: number }>(
        call(env(), w.anji, 'GET', `/api/renewal/projects/${project}/reports`),
        200,
      );
      expect(list.total).toBe(0);
    });

    it('a daily report with a photo round-trips: caption, file, signed link; audited', async () => {
      report = await expectStatus<Report>(
        fileReport(w.partner, project, [{ fileId: photo.id, description: ' 1#楼 10层 浇筑 ' }]),
        201,
      );
      expect(report.photos).toEqual([
        {
          description: '1#楼 10层 浇筑',
          file: {
            id: photo.id,
            name: '10层浇筑.png',
            contentType: 'image/png',
            size: png.length,
            url: expect.any(String),
          },
        },
      ]);
      expect(await attachmentOf(env(), photo.id)).toEqual({
        attached_type: 'renewal_daily_report',
        attached_id: report.id,
      });
      expect(await fileAudit(env(), photo.id)).toEqual(['file.upload', 'file.attach']);
      // a leader reading the report gets a working link
      const read = await expectStatus<Report>(
        call(env(), w.leader, 'GET', `/api/renewal/reports/${report.id}`),
        200,
      );
      const got = await env().app.inject({ method: 'GET', url: read.photos[0]!.file!.url });
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(png)).toBe(true);
      // staff of another region do not see the report, so get no link either
      const hidden = await call(env(), w.tiantai, 'GET', `/api/renewal/reports/${report.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('/api/files/');
    });

    it('an attached file cannot move to another record; amending may drop it', async () => {
      const moved = await fileReport(w.partner, other, [{ fileId: photo.id }]);
      expect(moved.statusCode).toBe(409);
      expect(moved.json()).toMatchObject({ code: 'FILE_ATTACHED_ELSEWHERE', field: 'photos.0.fileId' });
      // the uploader's own file is named, so they know which one
      expect(moved.json().message).toContain('10层浇筑.png');
      // staff amend the report the same day: the contractor's photo may stay (it is this report's) …
      const second = await uploaded(env(), w.anji, solidPng(3, 3, [0, 0, 200]), 'b.png');
      const kept = await expectStatus<Report>(
        call(env(), w.anji, 'PUT', `/api/renewal/reports/${report.id}`, {
          weather: 'sunny',
          workersOnSite: 80,
          photos: [{ fileId: photo.id, description: '浇筑' }, { fileId: second.id }],
        }),
        200,
      );
      expect(kept.photos.map((p) => [p.description, p.file?.id])).toEqual([
        ['浇筑', photo.id],
        ['', second.id],
      ]);
      // … or go: the dropped file is detached (audited)
      const dropped = await expectStatus<Report>(
        call(env(), w.anji, 'PUT', `/api/renewal/reports/${report.id}`, {
          weather: 'sunny',
          workersOnSite: 80,
          photos: [{ fileId: second.id }],
        }),
        200,
      );
      expect(dropped.photos.map((p) => p.file?.id)).toEqual([second.id]);
      expect((await attachmentOf(env(), photo.id)).attached_type).toBeNull();
      expect(await fileAudit(env(), photo.id)).toEqual(['file.upload', 'file.attach', 'file.detach']);
    });

    it('a finding with a photo and a reply with evidence round-trip', async () => {
      const inspector = await partnerOf(env(), w.inspector, 'inspector.fa');
      const hazard = await uploaded(env(), inspector, solidPng(6, 4, [220, 0, 0]), '临边.png');
      const visit = await expectStatus<{ findings: Array<{ id: string }> }>(
        call(env(), inspector, 'POST', '/api/renewal/inspections', {
          projectId: project,
          inspectedOn: '2026-03-02',
          inspectorNames: ['陆晓峰'],
          findings: [
            {
              category: 'fall_from_height',
              severity: 'major',
              location: '5号楼12层临边',
              description: '防护栏杆缺失',
              photos: ['临边全景'],
              files: [hazard.id],
            },
          ],
        }),
        201,
      );
      const id = visit.findings[0]!.id;
      const detail = await expectStatus<FindingDetail>(
        call(env(), w.anji, 'GET', `/api/renewal/findings/${id}`),
        200,
      );
      expect(detail.files.map((f) => [f.id, f.contentType])).toEqual([[hazard.id, 'image/png']]);
      expect(await attachmentOf(env(), hazard.id)).toEqual({
        attached_type: 'renewal_finding',
        attached_id: id,
      });

      // the contractor replies with a photo and a PDF as evidence; the inspector's upload is not theirs
      const after = await uploaded(env(), w.partner, solidPng(6, 4, [0, 160, 0]), '整改后.png');
      const proof = await uploaded(env(), w.partner, tinyPdf(), '整改报告.pdf');
      const notTheirs = await call(env(), w.partner, 'POST', `/api/renewal/findings/${id}/reply`, {
        text: '已加装防护栏杆',
        files: [after.id, hazard.id],
      });
      expect(notTheirs.statusCode).toBe(409);
      expect(notTheirs.json()).toMatchObject({ code: 'FILE_ATTACHED_ELSEWHERE', field: 'files.1' });
      expect(notTheirs.body).not.toContain('临边');
      const replied = await expectStatus<FindingDetail>(
        call(env(), w.partner, 'POST', `/api/renewal/findings/${id}/reply`, {
          text: '已加装防护栏杆',
          files: [after.id, proof.id],
        }),
        200,
      );
      expect(replied.finding.status).toBe('replied');
      expect(replied.history.map((e) => [e.action, e.files.map((f) => f.contentType)])).toEqual([
        ['reply', ['image/png', 'application/pdf']],
      ]);
      const pdf = await env().app.inject({ method: 'GET', url: replied.history[0]!.files[1]!.url });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
      expect(pdf.rawPayload.equals(tinyPdf())).toBe(true);
      expect(await fileAudit(env(), proof.id)).toEqual(['file.upload', 'file.attach']);
    });
  },
  {
    modules: [oversightTestModule],
    config: { ...LONG_SESSIONS, files: { dir, maxBytes: 1024 * 1024 } },
  },
);
