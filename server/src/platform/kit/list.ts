import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { type Static, type TObject, type TSchema, Type } from 'typebox';
import type { Db } from '../audit/audit.repo.ts';
import type { RequestContext } from '../audit/audit.service.ts';
import type { ExcelImportDef, ExcelListDef, ExportColumn, ListParams } from '../excel/excel-list.ts';
import type { Bilingual, Lang } from '../http/errors.ts';
import { pageOf, pageQueryFields, pageWindow } from '../http/pagination.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { todayOf } from './dates.ts';
import { isSystem, type Scope, scopeOf } from './scope.ts';

/**
 * A scoped list, declared once: the base query, the permission and how its scope applies,
 * filters, named sorts, the item a row becomes and its Excel export. From that come the paged
 * GET route (`page`, `pageSize`, `sort`, filters → `{ items, total, page, pageSize }`), the
 * export with the same filters and scope streamed in bounded pages, and the `ExcelListDef`
 * for the manifest. A record outside the caller's scope is never listed, exported or found.
 *
 * ```ts
 * export const districtList = defineList({
 *   path: '/api/facilities/districts',
 *   tag: 'facilities',
 *   summary: '城乡风貌区 Landscape districts',
 *   permission: FACILITIES_READ,
 *   rows: (db) => districtsWithNames(db),          // one row per record
 *   scope: (scope) => regionScopeSql(scope, 'd.region_code'),
 *   filters: {
 *     regionCode: filter(RegionCode('within this region'), (code) => regionSubtreeSql('d.region_code', code)),
 *     status: filter(DistrictStatusSchema, (v) => sql<SqlBool>`d.status = ${v}`),
 *   },
 *   sorts: { region: ['d.region_code', 'd.name'], acceptedOn: ['d.accepted_on'] },  // and '-acceptedOn'
 *   defaultSort: 'region',
 *   key: 'd.id',                                       // unique: ends every sort
 *   item: DistrictItem,
 *   present: (d, { lang }) => ({ id: d.id, name: d.name, statusName: say(STATUS[d.status], lang) }),
 *   can: { edit: { permission: FACILITIES_WRITE, allows: (scope, d) => regionWithin(scope, d.region_code) } },
 *   excel: { target: 'landscape-districts', title, entityType: 'renewal_landscape_district',
 *            audit: 'renewal.district.export', columns },
 * });
 * // routes: districtList.route(app, s)   manifest: excel: [districtList.excel]
 * // by id:  await districtList.one(s, ctx, sql`d.id = ${id}`)   undefined out of scope: answer 404
 * ```
 *
 * A list that belongs to one record (a project's reports) names it in the path and declares a
 * `parent`: `open` checks the caller may read that record (404 outside their scope, as its own
 * page would answer) and returns the condition tying rows to it; the record's scope then stands
 * for the rows' (`scope` may be left out).
 *
 * Each request (a page, `one`, an export) is read with a `ListView`: the caller's scope of the
 * read permission, today by the services' clock and the caller's language. `rows` and each
 * filter's `where` receive it as their last argument, the presenter its `today`; declarations
 * that do not need it leave the parameter out. What a row shows may thus depend on the caller
 * (a meeting's projects in their scope) or the day (what is overdue).
 */

/** What one request reads a list with: the caller's scope (of the read permission), today, the language. */
export interface ListView {
  scope: Scope;
  /** YYYY-MM-DD, Asia/Shanghai, by the services' clock. */
  today: string;
  lang: Lang;
}

/** One filter: its query-string schema, and the condition a given value adds. */
export interface ListFilter<T> {
  schema: TSchema;
  where: (value: T, view: ListView) => Expression<SqlBool>;
}

export const filter = <S extends TSchema>(
  schema: S,
  where: (value: Static<S>, view: ListView) => Expression<SqlBool>,
): ListFilter<Static<S>> => ({ schema, where });

type Filters = Record<string, ListFilter<never>>;

/** A sort key: a column or expression reference (ascending), or `[reference, 'desc']`. */
export type SortKey = string | readonly [string, 'asc' | 'desc'];

/** A sort as the query names it: `year`, or `-year` for the same keys each reversed (the web kit's form). */
export type SortName<S extends string> = S | `-${S}`;

/** The values a list's query carries: its filters, paging and sort. */
export type ListQuery<F extends Filters, S extends string> = {
  [K in keyof F]?: F[K] extends ListFilter<infer T> ? T : never;
} & { page?: number | undefined; pageSize?: number | undefined; sort?: SortName<S> | undefined };

/** A flag sent with each item: may the caller do this to the record (scope of `permission`)? */
export interface CanFlag<Row> {
  permission: string;
  allows: (scope: Scope, row: Row) => boolean;
}

export interface ListExcel<Row> {
  /** Names the list in file names ('landscape-districts'). */
  target: string;
  title: Bilingual;
  /** Audit entity type of the records, and the export's audit action. */
  entityType: string;
  audit: string;
  /** Cells from the row (the presenter is at hand for labels). */
  columns: ExportColumn<Row>[];
  /** Import from the list's template (`POST {path}/import`), under `write`. */
  import?: { write: string; def: ExcelImportDef };
}

/** The record a list belongs to, named by the path's parameters. */
export interface ListParentDef {
  /** The path parameters' schema (`{ id }` of `/api/renewal/projects/:id/reports`). */
  params: TObject;
  /** Checks the caller may read the record (throws 404/403 as its own page does); the rows' condition. */
  open: (s: PlatformServices, ctx: RequestContext, params: ListParams) => Promise<Expression<SqlBool>>;
  /** The audit entity id of the list's exports: by default the `id` parameter. */
  entityId?: (params: ListParams) => string;
}

export interface ListDef<
  DB,
  TB extends keyof DB,
  Row,
  Item extends TObject,
  F extends Filters,
  S extends string,
  C extends string,
> {
  path: string;
  tag: string;
  summary: string;
  /** Read permission; its scope decides which records exist for the caller. */
  permission: string;
  /** The records with what the list shows, one row per record (no group by, joins to parents only). */
  rows: (db: Db, view: ListView) => SelectQueryBuilder<DB, TB, Row>;
  /** The caller's scope as a condition on the rows; may be left out for a list with a `parent`. */
  scope?: (scope: Scope) => Expression<SqlBool>;
  parent?: ListParentDef;
  filters: F;
  /** Named sorts; each is also offered reversed as `-name`. */
  sorts: Record<S, readonly SortKey[]>;
  defaultSort: NoInfer<SortName<S>>;
  /** A unique reference ('f.id'): the tiebreak ending every sort, so pages never overlap. */
  key: string;
  item: Item;
  present: (row: Row, view: { lang: Lang; can: Record<C, boolean>; today: string }) => Static<Item>;
  can?: Record<C, CanFlag<Row>>;
  excel: ListExcel<Row>;
}

export type ListItem<Item extends TObject, C extends string> = Static<Item> &
  ([C] extends [never] ? unknown : { can: Record<C, boolean> });

/** One page of a list (a type, not an interface: Fastify's reply typing needs an index signature). */
export type ListPage<T> = {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
};

export interface ScopedList<
  Row,
  Item extends TObject,
  F extends Filters,
  S extends string,
  C extends string,
> {
  /** The query-string schema (filters, sort, paging): also the export's. */
  query: TObject;
  /** The response schema of one page. */
  page: TObject;
  /** Registers `GET {path}`. */
  route: (app: GongfuApp, s: PlatformServices) => void;
  list: (
    s: PlatformServices,
    ctx: RequestContext,
    q: ListQuery<F, S>,
    params?: ListParams,
  ) => Promise<ListPage<ListItem<Item, C>>>;
  /** The record matching `where` if the caller's scope holds it (else undefined: answer 404). */
  one: (s: PlatformServices, ctx: RequestContext, where: Expression<SqlBool>) => Promise<Row | undefined>;
  excel: ExcelListDef<Row>;
}

/** Pages of `fetch` (`pageSize` rows at a time) until one comes back short. */
export async function* pagesOf<T>(
  fetch: (w: { limit: number; offset: number }) => Promise<T[]>,
  pageSize: number,
): AsyncIterable<T[]> {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await fetch({ limit: pageSize, offset });
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
  }
}

export function defineList<
  DB,
  TB extends keyof DB,
  Row,
  Item extends TObject,
  F extends Filters,
  S extends string,
  C extends string = never,
>(def: ListDef<DB, TB, Row, Item, F, S, C>): ScopedList<Row, Item, F, S, C> {
  type Q = ListQuery<F, S>;
  const { parent } = def;
  if (!def.scope && !parent) throw new Error(`list ${def.path}: declare its scope or its parent`);
  const rowScope = def.scope ?? (() => sql<SqlBool>`true`);
  const sortNames = Object.keys(def.sorts).flatMap((n) => [n, `-${n}`]);
  const flags = Object.entries(def.can ?? {}) as Array<[C, CanFlag<Row>]>;
  const query = Type.Object(
    {
      ...Object.fromEntries(Object.entries(def.filters).map(([k, f]) => [k, Type.Optional(f.schema)])),
      sort: Type.Optional(
        Type.Union(
          sortNames.map((n) => Type.Literal(n)),
          { default: def.defaultSort, description: `order: ${sortNames.join(' | ')}` },
        ),
      ),
      ...pageQueryFields,
    },
    { additionalProperties: false },
  );
  const { title } = def.item as { title?: string };
  const item: TObject =
    flags.length === 0
      ? def.item
      : Type.Object(
          {
            ...def.item.properties,
            can: Type.Object(Object.fromEntries(flags.map(([f]) => [f, Type.Boolean()]))),
          },
          title ? { title } : {},
        );
  const page: TObject = pageOf(item);

  /** The view of one request: read once, given to `rows`, the filters and the presenter. */
  const viewOf = async (s: PlatformServices, ctx: RequestContext): Promise<ListView> => ({
    scope: await scopeOf(s, ctx, def.permission),
    today: todayOf(s),
    lang: ctx.lang,
  });
  /** The parent record (checked first), then the request's view: the scope, each filter given a value. */
  const conditionsFor = async (
    s: PlatformServices,
    ctx: RequestContext,
    q: Q,
    params: ListParams,
  ): Promise<{ view: ListView; where: Expression<SqlBool>[] }> => {
    const tied = parent ? [await parent.open(s, ctx, params)] : [];
    const view = await viewOf(s, ctx);
    const where = [
      ...tied,
      rowScope(view.scope),
      ...Object.entries(def.filters)
        .filter(([k]) => q[k] !== undefined)
        .map(([k, f]) => (f.where as (v: unknown, view: ListView) => Expression<SqlBool>)(q[k], view)),
    ];
    return { view, where };
  };
  const matching = (db: Db, view: ListView, where: Expression<SqlBool>[]) =>
    where.reduce((qb, w) => qb.where(w), def.rows(db, view));
  const ordered = (db: Db, view: ListView, where: Expression<SqlBool>[], sort: SortName<S> | undefined) => {
    const name = sort ?? def.defaultSort;
    const reversed = name.startsWith('-');
    const keys = [...def.sorts[(reversed ? name.slice(1) : name) as S], def.key];
    return keys.reduce(
      (qb, k) => {
        const [ref, dir] = typeof k === 'string' ? [k, 'asc'] : k;
        return qb.orderBy(sql.ref(ref), reversed === (dir === 'asc') ? 'desc' : 'asc');
      },
      matching(db, view, where),
    );
  };
  const count = async (db: Db, view: ListView, where: Expression<SqlBool>[]) => {
    const r = await matching(db, view, where)
      .clearSelect()
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number((r as { n: string }).n);
  };
  /** The filters as applied, for the export's audit entry. */
  const applied = (q: Q) =>
    Object.fromEntries(
      [...Object.keys(def.filters), 'sort'].filter((k) => q[k] !== undefined).map((k) => [k, q[k]]),
    );

  /** Per-item flags: each permission's scope is read once per request. */
  async function canOf(s: PlatformServices, ctx: RequestContext) {
    const scopes = await Promise.all(
      flags.map(async ([flag, c]) => {
        const holds = isSystem(ctx) || (ctx.principal?.permissions.has(c.permission) ?? false);
        return [flag, c, holds ? await scopeOf(s, ctx, c.permission) : null] as const;
      }),
    );
    return (row: Row) =>
      Object.fromEntries(
        scopes.map(([f, c, scope]) => [f, scope !== null && c.allows(scope, row)]),
      ) as Record<C, boolean>;
  }

  async function list(
    s: PlatformServices,
    ctx: RequestContext,
    q: Q,
    params: ListParams = {},
  ): Promise<ListPage<ListItem<Item, C>>> {
    const { view, where } = await conditionsFor(s, ctx, q, params);
    const { page, pageSize, offset, limit } = pageWindow(q);
    const [rows, total, can] = await Promise.all([
      ordered(s.db, view, where, q.sort).limit(limit).offset(offset).execute(),
      count(s.db, view, where),
      canOf(s, ctx),
    ]);
    const items = rows.map((r) => {
      const c = can(r);
      const shown = def.present(r, { lang: view.lang, can: c, today: view.today });
      return (flags.length === 0 ? shown : { ...shown, can: c }) as ListItem<Item, C>;
    });
    return { items, total, page, pageSize };
  }

  return {
    query,
    page,
    list,
    route: (app, s) =>
      app.get(
        def.path,
        {
          config: { access: { permission: def.permission } },
          schema: {
            tags: [def.tag],
            summary: def.summary,
            ...(parent ? { params: parent.params } : {}),
            querystring: query,
            response: { 200: page },
          },
        },
        async (req) => list(s, req.ctx, req.query as Q, req.params as ListParams),
      ),
    one: async (s, ctx, where) => {
      const view = await viewOf(s, ctx);
      return matching(s.db, view, [rowScope(view.scope), where]).executeTakeFirst() as Promise<
        Row | undefined
      >;
    },
    excel: {
      target: def.excel.target,
      basePath: def.path,
      tag: def.tag,
      title: def.excel.title,
      entityType: def.excel.entityType,
      ...(parent
        ? { parent: { params: parent.params, entityId: parent.entityId ?? ((p: ListParams) => p.id ?? '') } }
        : {}),
      // without an import nothing is written through the list
      permissions: { read: def.permission, write: def.excel.import?.write ?? def.permission },
      ...(def.excel.import ? { import: def.excel.import.def } : {}),
      export: {
        query,
        audit: def.excel.audit,
        columns: def.excel.columns,
        open: async (s, ctx, raw, pageSize, params) => {
          const q = raw as Q;
          const { view, where } = await conditionsFor(s, ctx, q, params);
          return {
            total: await count(s.db, view, where),
            filters: applied(q),
            pages: pagesOf(
              (w) =>
                ordered(s.db, view, where, q.sort).limit(w.limit).offset(w.offset).execute() as Promise<
                  Row[]
                >,
              pageSize,
            ),
          };
        },
      },
    },
  };
}
