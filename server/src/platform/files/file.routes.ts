import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../http/errors.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { FILE_TYPES, isInline } from './file.rules.ts';
import { BinaryFile, FileParams, SignedQuery, UploadedFile } from './file.schemas.ts';
import { fileTooLarge } from './file.service.ts';

const tags = ['files'];

const notMultipart = () =>
  invalid('file', {
    zh: '请以 multipart/form-data 表单上传，文件放在字段「file」中',
    en: 'Upload as multipart/form-data with the file in the field "file"',
  });

const noFile = () =>
  invalid('file', {
    zh: '没有收到文件：请在字段「file」中选择一个文件上传',
    en: 'No file received: choose one file to upload in the field "file"',
  });

const brokenUpload = () =>
  invalid('file', {
    zh: '上传的表单不完整或格式不正确，请重新上传',
    en: 'The upload was cut off or malformed; upload the file again',
  });

const codeOf = (e: unknown) => (e as { code?: string } | null)?.code;

/** Errors of the multipart parser are the client's: a cut-off or malformed body. */
const uploadError = (e: unknown, maxBytes: number) => {
  if (e instanceof AppError) return e;
  if (codeOf(e) === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return notMultipart();
  if (codeOf(e) === 'FST_REQ_FILE_TOO_LARGE') return fileTooLarge(maxBytes);
  return brokenUpload();
};

/** Reads the one file of a multipart upload, refusing it (413 naming `file`) past the size limit. */
async function readUpload(req: FastifyRequest, maxBytes: number) {
  // multipart overhead is small; a body far larger than the limit is refused before it is read
  if (Number(req.headers['content-length']) > maxBytes + 64 * 1024) throw fileTooLarge(maxBytes);
  if (!req.isMultipart()) throw notMultipart();
  const part = await req
    .file({ limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 } })
    .catch((e: unknown) => {
      throw uploadError(e, maxBytes);
    });
  if (!part) throw noFile();
  if (part.fieldname !== 'file') {
    part.file.resume();
    throw noFile();
  }
  const data = await part.toBuffer().catch((e: unknown) => {
    throw uploadError(e, maxBytes);
  });
  return { name: part.filename, data };
}

/** `inline` for photos, `attachment` otherwise, with the UTF-8 name and an ASCII fallback. */
function disposition(name: string, contentType: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const kind = isInline(contentType) ? 'inline' : 'attachment';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileRoutes(app: GongfuApp, s: PlatformServices) {
  app.post(
    '/api/files',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: '上传文件（照片、附件） Upload one file (photo or attachment), to attach to a record',
        description:
          'multipart/form-data with one file in the field `file`. Accepted by content (magic bytes), ' +
          `whatever its name or declared type: ${Object.keys(FILE_TYPES).join(', ')}. ` +
          'The file stays unattached, usable only by its uploader, until a record takes its id. ' +
          'Problems are 400/413 naming `file`.',
        consumes: ['multipart/form-data'],
        response: { 201: UploadedFile },
      },
    },
    async (req, reply) => {
      const row = await s.files.upload(req.ctx, await readUpload(req, s.files.maxBytes));
      return reply.code(201).send({
        id: row.id,
        name: row.original_name,
        contentType: row.content_type,
        size: row.size_bytes,
        url: s.files.signedUrl(row.id),
      });
    },
  );

  app.get(
    '/api/files/:id/content',
    {
      // the signature is the permission: links are only handed out with records the caller may read
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '文件内容（签名链接） File content by a signed, short-lived link',
        description:
          'Only through the `url` a record gives with its files (signed, expires after 15–20 minutes). ' +
          'A bad signature or an expired link is 403. Sent with its sniffed type and nosniff; ' +
          'photos inline, other files as attachments.',
        params: FileParams,
        querystring: SignedQuery,
        response: {
          200: {
            description: 'The file',
            content: { 'application/octet-stream': { schema: BinaryFile } },
          },
        },
      },
    },
    async (req, reply) => {
      const { file, body } = await s.files.openSigned(req.params.id, req.query.exp, req.query.sig);
      const left = Math.max(0, req.query.exp - Math.floor(s.clock.now().getTime() / 1000));
      return reply
        .type(file.content_type)
        .header('content-length', file.size_bytes)
        .header('content-disposition', disposition(file.original_name, file.content_type))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', `private, max-age=${left}`)
        .send(body);
    },
  );
}
