import { Type } from 'typebox';
import { JobView } from '../jobs/job.schemas.ts';
import { XLSX_TYPE } from './xlsx-export.ts';

export const ImportQuery = Type.Object(
  {
    mode: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Literal('valid')], {
        default: 'all',
        description: 'all: write nothing unless every row is valid; valid: write the valid rows only',
      }),
    ),
  },
  { title: 'ImportQuery', additionalProperties: false },
);

/** The import of a list whose rows refer to each other (a task network): all or nothing only. */
export const ImportQueryAllOrNothing = Type.Object(
  {
    mode: Type.Optional(
      Type.Literal('all', {
        default: 'all',
        description: 'all: write nothing unless every row is valid (the only mode of this list)',
      }),
    ),
  },
  { title: 'ImportQueryAllOrNothing', additionalProperties: false },
);

export const ImportAccepted = Type.Object({ job: JobView }, { title: 'ImportAccepted' });

/** A file body: documented as binary, sent as a Buffer or a stream (never serialised). */
const XlsxFile = Type.Unsafe<Buffer | NodeJS.ReadableStream>({ type: 'string', format: 'binary' });

/** A 200 response that is an .xlsx file. */
export const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: XlsxFile } },
});

/** `attachment` with the UTF-8 name (RFC 6266 / 5987) and an ASCII fallback for old clients. */
export const contentDisposition = (name: string, asciiFallback: string) =>
  `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
