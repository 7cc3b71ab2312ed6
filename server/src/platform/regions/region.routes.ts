import { Type } from 'typebox';
import { notFound } from '../http/errors.ts';
import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import { findRegion, findRegions, listRegionChildren, searchRegions } from './region.repo.ts';
import { RegionChildrenQuery, RegionCode, RegionSearchQuery, RegionView } from './region.schemas.ts';
import { levelName, REGION_CODE_LENGTH, type RegionLevel } from './region-tree.ts';

type Row = { code: string; name: string; parent_code: string | null; level: number; pinyin: string };

const ancestorCodes = (code: string) =>
  ([1, 2, 3, 4] as RegionLevel[])
    .map((l) => code.slice(0, REGION_CODE_LENGTH[l]))
    .filter((c) => c.length < code.length);

export function regionRoutes(app: GongfuApp, s: PlatformServices) {
  const present = (r: Row, lang: string) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    level: r.level,
    levelName: levelName(r.level as RegionLevel, lang === 'en' ? 'en' : 'zh'),
    pinyin: r.pinyin,
  });
  const withPath = async (rows: Row[], lang: string) => {
    const codes = [...new Set(rows.flatMap((r) => ancestorCodes(r.code)))];
    const names = new Map((await findRegions(s.db, codes)).map((r) => [r.code, r.name]));
    return rows.map((r) => ({
      ...present(r, lang),
      path: [...ancestorCodes(r.code), r.code]
        .map((c) => ({ code: c, name: c === r.code ? r.name : (names.get(c) ?? '') }))
        .filter((x) => x.name),
    }));
  };

  app.get(
    '/api/regions',
    {
      config: { access: { permission: 'region.read' } },
      schema: {
        tags: ['regions'],
        summary: '行政区划下级 Children of a region (roots without parent)',
        querystring: RegionChildrenQuery,
        response: { 200: Type.Array(RegionView) },
      },
    },
    async (req) =>
      (await listRegionChildren(s.db, req.query.parent ?? null)).map((r) => ({
        ...present(r, req.ctx.lang),
        hasChildren: Boolean(r.has_children),
      })),
  );

  app.get(
    '/api/regions/search',
    {
      config: { access: { permission: 'region.read' } },
      schema: {
        tags: ['regions'],
        summary: '搜索行政区划 Search regions by code, pinyin initials or name',
        querystring: RegionSearchQuery,
        response: { 200: Type.Array(RegionView) },
      },
    },
    async (req) =>
      withPath(
        await searchRegions(s.db, req.query.q.trim(), req.query.within ?? null, req.query.limit ?? 30),
        req.ctx.lang,
      ),
  );

  app.get(
    '/api/regions/:code',
    {
      config: { access: { permission: 'region.read' } },
      schema: {
        tags: ['regions'],
        summary: '行政区划详情 One region with its path',
        params: Type.Object({ code: RegionCode }),
        response: { 200: RegionView },
      },
    },
    async (req) => {
      const r = await findRegion(s.db, req.params.code);
      if (!r) throw notFound({ zh: `行政区划 ${req.params.code}`, en: `Region ${req.params.code}` });
      return (await withPath([r], req.ctx.lang))[0]!;
    },
  );
}
