import { type TSchema, Type } from 'typebox';

/** Query fields every paged list accepts; spread into the list's querystring schema. */
export const pageQueryFields = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

/** The response of every paged list: one page of items and the total across all pages. */
export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'number of matching records in all pages' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

/** Offset and limit for a page request, with the shared defaults. */
export function pageWindow(q: { page?: number | undefined; pageSize?: number | undefined }) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}
