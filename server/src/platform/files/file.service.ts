import { createHash, timingSafeEqual } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../audit/audit.repo.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { type AuditEvent, auditRow, type RequestContext, type Writer } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import { type Config, DEFAULT_FILE_MAX_BYTES, type FilesConfig } from '../config.ts';
import type { CryptoProvider } from '../crypto/index.ts';
import { AppError, conflict, invalid, notFound } from '../http/errors.ts';
import {
  deleteUnattached,
  type FileRow,
  findFile,
  findFiles,
  insertFile,
  listAttached,
  listUnattachedBefore,
  lockFiles,
  setAttachment,
  setPositions,
} from './file.repo.ts';
import { cleanFileName, DOCUMENT_TYPES, sniffContentType, typeList } from './file.rules.ts';
import { FileMissingError, type FileStore, LocalDiskStore, newStorageKey } from './file-store.ts';

/**
 * The platform's file storage (s.files): uploads are checked (type sniffed from the bytes,
 * size), stored under a random key and recorded unattached; a module then attaches them to
 * one of its records inside its own write. Nobody downloads by id alone: a module's presenter,
 * having checked that the caller may read the record, hands out short-lived signed links.
 */

/** A stored file as presenters show it; `url` is a signed link valid for 15–20 minutes. */
export interface FileView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

/** The record a file belongs to: entity type and id, as in the audit log. */
export interface AttachTarget {
  entityType: string;
  entityId: string;
}

export interface AttachOptions {
  /** The request field an error names for the i-th id (default `fileIds.<i>`). */
  field?: (i: number) => string;
  /** Content types this use accepts (default: every stored type). */
  accept?: readonly string[];
  /** Detach the record's files not in the list (an edit that removed some). */
  replace?: boolean;
}

export interface FileService {
  readonly maxBytes: number;
  readonly store: FileStore;
  /** Checks, stores and records an upload, unattached, as the caller's; audited (`file.upload`). */
  upload(ctx: RequestContext, input: { name: string | undefined; data: Buffer }): Promise<FileRow>;
  /**
   * Attaches the files (in the caller's transaction) to a record. Each must exist and be either
   * already attached to this record, or unattached and uploaded by the caller (the system's own
   * uploads for a system context). Audited (`file.attach`, `file.detach`).
   */
  attach(
    tx: Db,
    ctx: RequestContext,
    fileIds: readonly string[],
    to: AttachTarget,
    opts?: AttachOptions,
  ): Promise<void>;
  /** The files, in the order asked, with signed links; unknown ids are left out. Presenters only. */
  describe(ids: readonly string[]): Promise<FileView[]>;
  /** The files attached to each of the records (in the order they were listed), with signed links. Presenters only. */
  attachedTo(entityType: string, entityIds: readonly string[]): Promise<Map<string, FileView[]>>;
  /** `/api/files/<id>/content?exp=…&sig=…`: HMAC-SM3 over id and expiry. */
  signedUrl(id: string): string;
  /** The file behind a signed link; 403 for a bad or expired link, 404 for a missing file. */
  openSigned(id: string, exp: number, sig: string): Promise<{ file: FileRow; body: Readable }>;
  /** Deletes unattached uploads older than `before` (abandoned forms); returns how many. */
  purgeUnattached(ctx: RequestContext, before: Date): Promise<number>;
}

/** Links last at least 15 minutes; rounding the expiry to 5 minutes keeps them stable for caching. */
const LINK_TTL_S = 15 * 60;
const LINK_ROUND_S = 5 * 60;
const URL_PURPOSE = 'file-url';

/** The storage settings, with defaults when the configuration leaves them out. */
export function filesConfigOf(config: Config): FilesConfig {
  if (config.files) return config.files;
  const dir = config.dataDir
    ? join(config.dataDir, 'files')
    : join(tmpdir(), `gongfu-files-${process.pid}-${Date.now().toString(36)}`);
  return { dir, maxBytes: DEFAULT_FILE_MAX_BYTES };
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export const fileTooLarge = (maxBytes: number) =>
  new AppError(
    'FILE_TOO_LARGE',
    'too_large',
    {
      zh: `文件超过 ${mb(maxBytes)} MB 上限，请压缩或拆分后再上传`,
      en: `The file is larger than the ${mb(maxBytes)} MB limit; compress or split it and upload again`,
    },
    'file',
  );

const fileEmpty = () =>
  invalid(
    'file',
    {
      zh: '上传的文件是空的（0 字节），请重新选择文件',
      en: 'The uploaded file is empty (0 bytes); choose the file again',
    },
    'FILE_EMPTY',
  );

const typeRefused = () =>
  invalid(
    'file',
    {
      zh: `不支持的文件类型：只接受 ${typeList(DOCUMENT_TYPES, 'zh')} 文件（按文件内容判断，与扩展名无关）`,
      en: `File type not accepted: only ${typeList(DOCUMENT_TYPES, 'en')} files (judged by the content, not the extension)`,
    },
    'FILE_TYPE_NOT_ALLOWED',
  );

const linkInvalid = () =>
  new AppError('FILE_LINK_INVALID', 'forbidden', {
    zh: '文件链接无效，请从记录页面重新打开',
    en: 'The file link is not valid; open it again from the record',
  });

const linkExpired = () =>
  new AppError('FILE_LINK_EXPIRED', 'forbidden', {
    zh: '文件链接已过期，请刷新页面后重新打开',
    en: 'The file link has expired; reload the page and open it again',
  });

const fileNotFound = (id: string) => notFound({ zh: `文件 ${id}`, en: `File ${id}` }, 'FILE_NOT_FOUND');

export function createFileService(deps: {
  db: Db;
  clock: Clock;
  crypto: CryptoProvider;
  write: Writer;
  config: FilesConfig;
  store?: FileStore;
}): FileService {
  const { db, clock, crypto, write } = deps;
  const store = deps.store ?? new LocalDiskStore(deps.config.dir);
  const maxBytes = deps.config.maxBytes;

  const signature = (id: string, exp: number) => crypto.blindIndex(`${id}.${exp}`, URL_PURPOSE);

  function signedUrl(id: string): string {
    const now = Math.floor(clock.now().getTime() / 1000);
    const exp = Math.ceil((now + LINK_TTL_S) / LINK_ROUND_S) * LINK_ROUND_S;
    return `/api/files/${id}/content?exp=${exp}&sig=${signature(id, exp)}`;
  }

  const view = (f: FileRow): FileView => ({
    id: f.id,
    name: f.original_name,
    contentType: f.content_type,
    size: f.size_bytes,
    url: signedUrl(f.id),
  });

  const auditIn = (tx: Db, ctx: RequestContext, e: AuditEvent) => appendAudit(tx, auditRow(clock, ctx, e));

  return {
    maxBytes,
    store,
    signedUrl,

    async upload(ctx, input) {
      const data = input.data;
      if (data.length === 0) throw fileEmpty();
      if (data.length > maxBytes) throw fileTooLarge(maxBytes);
      const contentType = sniffContentType(data);
      if (!contentType) throw typeRefused();
      const sm3 = createHash('sm3').update(data).digest('hex');
      const key = newStorageKey();
      await store.put(key, data);
      try {
        return await write(ctx, async (tx, audit) => {
          const row = await insertFile(tx, {
            original_name: cleanFileName(input.name, contentType),
            content_type: contentType,
            size_bytes: data.length,
            sm3,
            storage_key: key,
            uploaded_by: ctx.principal?.userId ?? null,
            created_at: clock.now(),
            attached_type: null,
            attached_id: null,
            attached_at: null,
            attached_pos: null,
          });
          await audit({
            action: 'file.upload',
            entityType: 'file',
            entityId: row.id,
            after: { name: row.original_name, contentType, size: data.length, sm3 },
          });
          return row;
        });
      } catch (e) {
        await store.delete(key).catch(() => {});
        throw e;
      }
    },

    async attach(tx, ctx, fileIds, to, opts = {}) {
      const field = opts.field ?? ((i: number) => `fileIds.${i}`);
      const seen = new Set<string>();
      for (const [i, id] of fileIds.entries()) {
        if (seen.has(id)) {
          throw invalid(field(i), {
            zh: '同一文件在列表中出现了两次，请删去重复的一项',
            en: 'The same file is listed twice; remove the duplicate',
          });
        }
        seen.add(id);
      }
      const rows = new Map((await lockFiles(tx, fileIds)).map((f) => [f.id, f]));
      const isHere = (f: FileRow) => f.attached_type === to.entityType && f.attached_id === to.entityId;
      const me = ctx.principal?.userId ?? null;
      const fresh: { id: string; pos: number }[] = [];
      const kept: { id: string; pos: number }[] = [];
      for (const [i, id] of fileIds.entries()) {
        const f = rows.get(id);
        if (!f) {
          throw invalid(
            field(i),
            { zh: '文件不存在，请重新上传', en: 'No such file; upload it again' },
            'FILE_NOT_FOUND',
          );
        }
        if (isHere(f)) {
          kept.push({ id, pos: i });
          continue;
        }
        // A file's name is shown back only to its uploader: someone else's file is "this file".
        const mine = f.uploaded_by === me;
        if (f.attached_type !== null) {
          throw conflict(
            field(i),
            mine
              ? {
                  zh: `文件「${f.original_name}」已附在其他记录上，请重新上传一份`,
                  en: `The file "${f.original_name}" belongs to another record; upload a copy instead`,
                }
              : {
                  zh: '该文件已附在其他记录上，请上传您自己的文件',
                  en: 'This file belongs to another record; upload your own copy instead',
                },
            'FILE_ATTACHED_ELSEWHERE',
          );
        }
        if (!mine) {
          throw new AppError(
            'FILE_NOT_YOURS',
            'forbidden',
            {
              zh: '只能附加您本人上传的文件，该文件不是您上传的，请重新上传',
              en: 'You can only attach files you uploaded, and this one was not; upload it yourself',
            },
            field(i),
          );
        }
        if (opts.accept && !opts.accept.includes(f.content_type)) {
          throw invalid(
            field(i),
            {
              zh: `「${f.original_name}」的类型不符：这里只能附加 ${typeList(opts.accept, 'zh')} 文件`,
              en: `"${f.original_name}" is the wrong type: only ${typeList(opts.accept, 'en')} files belong here`,
            },
            'FILE_TYPE_NOT_ALLOWED',
          );
        }
        fresh.push({ id, pos: i });
      }
      const at = clock.now();
      if (opts.replace) {
        const gone = (await listAttached(tx, to.entityType, [to.entityId])).filter((f) => !seen.has(f.id));
        await setAttachment(
          tx,
          gone.map((f) => ({ id: f.id, pos: 0 })),
          null,
        );
        for (const f of gone) {
          await auditIn(tx, ctx, {
            action: 'file.detach',
            entityType: 'file',
            entityId: f.id,
            before: { entityType: to.entityType, entityId: to.entityId },
          });
        }
      }
      await setAttachment(tx, fresh, { ...to, at });
      await setPositions(tx, kept);
      for (const { id } of fresh) {
        await auditIn(tx, ctx, {
          action: 'file.attach',
          entityType: 'file',
          entityId: id,
          after: { entityType: to.entityType, entityId: to.entityId, name: rows.get(id)!.original_name },
        });
      }
    },

    async describe(ids) {
      const rows = new Map((await findFiles(db, ids)).map((f) => [f.id, f]));
      return ids.flatMap((id) => {
        const f = rows.get(id);
        return f ? [view(f)] : [];
      });
    },

    async attachedTo(entityType, entityIds) {
      const out = new Map<string, FileView[]>();
      for (const f of await listAttached(db, entityType, entityIds)) {
        const list = out.get(f.attached_id!) ?? [];
        list.push(view(f));
        out.set(f.attached_id!, list);
      }
      return out;
    },

    async openSigned(id, exp, sig) {
      const expected = Buffer.from(signature(id, exp), 'hex');
      const given = /^[0-9a-f]{64}$/.test(sig) ? Buffer.from(sig, 'hex') : Buffer.alloc(0);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw linkInvalid();
      if (clock.now().getTime() > exp * 1000) throw linkExpired();
      const file = await findFile(db, id);
      if (!file) throw fileNotFound(id);
      const body = await store.get(file.storage_key).catch((e: unknown) => {
        throw e instanceof FileMissingError ? fileNotFound(id) : e;
      });
      return { file, body };
    },

    async purgeUnattached(ctx, before) {
      let total = 0;
      for (;;) {
        const batch = await listUnattachedBefore(db, before, 500);
        if (batch.length === 0) return total;
        const keys = await write(ctx, async (tx, audit) => {
          const deleted = await deleteUnattached(
            tx,
            batch.map((f) => f.id),
          );
          await audit({
            action: 'file.purge',
            entityType: 'file',
            after: { count: deleted.length, before: before.toISOString() },
          });
          return deleted;
        });
        for (const key of keys) await store.delete(key);
        total += keys.length;
        if (batch.length < 500) return total;
      }
    },
  };
}
