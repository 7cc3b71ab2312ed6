import { Type } from 'typebox';

/** The view of a stored file that presenters embed in their records. */
export const FileViewSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({ description: 'original file name (extension matching the type)' }),
    contentType: Type.String({ description: 'sniffed from the content at upload' }),
    size: Type.Integer({ description: 'bytes' }),
    url: Type.String({ description: 'signed link to the content, valid for at least 15 minutes' }),
  },
  { title: 'FileViewSchema', description: 'an attached file' },
);

export const UploadedFile = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'give this id to the record the file belongs to' }),
    name: Type.String(),
    contentType: Type.String({
      description: 'image/jpeg | image/png | image/webp | application/pdf | .docx | .xlsx (sniffed)',
    }),
    size: Type.Integer({ description: 'bytes' }),
    url: Type.String({
      description: 'signed link to the content (for a preview before the record is saved)',
    }),
  },
  { title: 'UploadedFile' },
);

export const FileParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'file id' }) },
  { title: 'FileParams', additionalProperties: false },
);

export const SignedQuery = Type.Object(
  {
    exp: Type.Integer({ minimum: 0, description: 'expiry, Unix seconds' }),
    sig: Type.String({ maxLength: 128, description: 'HMAC-SM3 signature of id and expiry (hex)' }),
  },
  { title: 'SignedQuery', additionalProperties: false },
);

/** A binary body: documented as such, sent as a stream (never serialised). */
export const BinaryFile = Type.Unsafe<NodeJS.ReadableStream>({ type: 'string', format: 'binary' });
