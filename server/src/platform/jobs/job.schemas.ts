import { type Static, type TSchema, Type } from 'typebox';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const JobParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'job id (UUID)' }) },
  { title: 'JobParams' },
);

export const JobListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) },
  { title: 'JobListQuery', additionalProperties: false },
);

/** The presenter of a job: exactly these fields leave the server (never the file or its rows). */
export const JobView = Type.Object(
  {
    id: Type.String(),
    kind: Type.Literal('import'),
    target: Type.String({
      description: "the list imported into: 'people' | 'organisations' | 'renewal-tasks'",
    }),
    status: Type.Union([
      Type.Literal('queued'),
      Type.Literal('running'),
      Type.Literal('succeeded'),
      Type.Literal('failed'),
    ]),
    mode: Type.Union([Type.Literal('all'), Type.Literal('valid')]),
    params: Nullable(
      Type.Record(Type.String(), Type.String(), {
        description:
          "path parameters of a list that belongs to one record, e.g. { id: <project id> } for target 'renewal-tasks'; null for the others",
      }),
    ),
    fileName: Type.String(),
    progress: Type.Object({
      phase: Type.Union([Type.Literal('validating'), Type.Literal('writing'), Type.Literal('done')]),
      done: Type.Integer(),
      total: Type.Integer(),
    }),
    result: Nullable(
      Type.Object({
        total: Type.Integer({ description: 'data rows in the file' }),
        imported: Type.Integer({ description: 'new records' }),
        updated: Type.Integer({ description: 'rows that matched a registered record and changed it' }),
        skipped: Type.Integer({
          description:
            'rows that matched a registered record and were left as they were (already registered)',
        }),
        failed: Type.Integer(),
        hasErrorReport: Type.Boolean({
          description: 'GET /api/jobs/{id}/errors.xlsx has the rows with problems',
        }),
      }),
    ),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    createdAt: Type.String({ format: 'date-time' }),
    finishedAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { title: 'JobView' },
);
export type JobViewT = Static<typeof JobView>;

export const JobList = Type.Object({ items: Type.Array(JobView) }, { title: 'JobList' });
