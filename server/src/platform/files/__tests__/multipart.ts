import { randomBytes } from 'node:crypto';
import type { TestEnv } from '../../../test/harness.ts';

export { solidPng } from '../png.ts';

/** Hand-built multipart bodies and small real files for upload tests. */

export function multipart(
  parts: Array<{ field: string; filename?: string; type?: string; data: Buffer | string }>,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gongfu${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.field}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    const head =
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (p.type ? `Content-Type: ${p.type}\r\n` : '') +
      '\r\n';
    chunks.push(
      Buffer.from(head, 'utf8'),
      Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A minimal PDF (magic bytes and a trailer). */
export const tinyPdf = () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

export interface Uploaded {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

/** Uploads one file as the cookie's user; returns the response. */
export const upload = (
  env: TestEnv,
  cookie: string | undefined,
  data: Buffer | string,
  filename = 'photo.png',
  type = 'image/png',
  field = 'file',
) => {
  const body = multipart([{ field, filename, type, data }]);
  return env.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...body.headers, ...(cookie ? { cookie } : {}) },
    payload: body.payload,
  });
};
