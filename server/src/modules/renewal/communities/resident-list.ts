import type { TObject } from 'typebox';
import type {
  ExcelListDef,
  GongfuApp,
  ListParams,
  PlatformServices,
  RequestContext,
} from '../../../platform/kit/index.ts';

/** What a declared list (`defineList`) offers, as far as this file uses it. */
interface Declared<V> {
  query: TObject;
  page: TObject;
  list: (
    s: PlatformServices,
    ctx: RequestContext,
    q: never,
    params?: ListParams,
  ) => Promise<Record<string, unknown>>;
  excel: ExcelListDef<V>;
}

async function* masking<V>(pages: AsyncIterable<V[]>, mask: (row: V) => V): AsyncIterable<V[]> {
  for await (const rows of pages) yield rows.map(mask);
}

/**
 * A list of residents' personal data (a community's units and owners, a ballot's voters) is
 * declared twice with `defineList`: as those who may see owners' names see it — the names in
 * full, the search reading them — and masked: the search reads only rooms, the items and the
 * export's cells show the row through `mask`. The kit's filters and export columns do not see
 * the caller, so one route and one Excel export pick the declaration by the caller's right on
 * the record the list belongs to (`seesNames`, which answers 404 / 403 as that record's own page
 * does). Both declarations share the path, the query, the item, the columns and the parent;
 * the import, if any, is the full one's.
 */
export function residentList<V>(def: {
  full: Declared<V>;
  masked: Declared<V>;
  /** The row as those who may not see the names see it (the masked declaration presents it so). */
  mask: (row: V) => V;
  summary: string;
  params: TObject;
  seesNames: (s: PlatformServices, ctx: RequestContext, params: ListParams) => Promise<boolean>;
}) {
  const { full, masked } = def;
  const pick = async (s: PlatformServices, ctx: RequestContext, params: ListParams) =>
    (await def.seesNames(s, ctx, params)) ? full : masked;
  const excel: ExcelListDef<V> = {
    ...full.excel,
    export: {
      ...full.excel.export,
      open: async (s, ctx, query, pageSize, params) => {
        const list = await pick(s, ctx, params);
        const found = await list.excel.export.open(s, ctx, query, pageSize, params);
        return list === full ? found : { ...found, pages: masking(found.pages, def.mask) };
      },
    },
  };
  return {
    query: full.query,
    page: full.page,
    excel,
    /** Registers `GET {path}`. */
    route: (app: GongfuApp, s: PlatformServices) =>
      app.get(
        full.excel.basePath,
        {
          config: { access: { permission: full.excel.permissions.read } },
          schema: {
            tags: [full.excel.tag],
            summary: def.summary,
            params: def.params,
            querystring: full.query,
            response: { 200: full.page },
          },
        },
        async (req) => {
          const params = req.params as ListParams;
          return (await pick(s, req.ctx, params)).list(s, req.ctx, req.query as never, params);
        },
      ),
  };
}
