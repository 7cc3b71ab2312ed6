import type { Static } from 'typebox';
import type { RequestContext } from '../../platform/audit/audit.service.ts';
import { regionInScope } from '../../platform/auth/principal.ts';
import { forbidden, invalid } from '../../platform/http/errors.ts';
import type { PlatformServices } from '../../platform/module/app-types.ts';
import { findRegion } from '../../platform/regions/region.repo.ts';
import { insertNotice, listNotices } from './notice.repo.ts';
import type { CreateNoticeBody } from './notice.schemas.ts';

export async function publishNotice(
  s: PlatformServices,
  ctx: RequestContext,
  input: Static<typeof CreateNoticeBody>,
) {
  const scope = s.access.require(ctx.principal, 'notice.publish');
  if (!(await findRegion(s.db, input.regionCode))) {
    throw invalid('regionCode', { zh: '行政区划代码不存在', en: 'No region has this code' });
  }
  if (!regionInScope(scope, input.regionCode)) throw forbidden();
  return s.write(ctx, async (tx, audit) => {
    const row = await insertNotice(tx, {
      ...input,
      authorId: ctx.principal?.userId ?? null,
      at: s.clock.now(),
    });
    await audit({
      action: 'notice.publish',
      entityType: 'notice',
      entityId: row.id,
      after: { title: row.title, regionCode: row.region_code },
    });
    return row;
  });
}

export async function listVisibleNotices(s: PlatformServices, ctx: RequestContext) {
  const scope = s.access.require(ctx.principal, 'notice.read');
  return listNotices(s.db, scope, 100);
}
