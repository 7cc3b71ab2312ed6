import { actAs } from '../platform/auth/principal-for.ts';
import type { PlatformServices } from '../platform/module/app-types.ts';
import { findOrCreatePersonByCitizenId } from '../platform/people/person.service.ts';
import { demoPerson } from './demo-people.ts';
import type { Random } from './demo-random.ts';

/** Residents registered by each county's staff account, spread over its towns and streets. */
const COUNTIES: { account: string; towns: string[]; count: number }[] = [
  { account: 'anji', towns: ['330523001', '330523002', '330523003', '330523105', '330523201'], count: 60 },
  { account: 'zhuji', towns: ['330681001', '330681002'], count: 60 },
  { account: 'tiantai', towns: ['331023003'], count: 40 },
  { account: 'jinhua', towns: ['330702', '330703', '330723', '330782'], count: 80 },
];

export async function seedDemoPeople(s: PlatformServices, r: Random): Promise<number> {
  let created = 0;
  for (const c of COUNTIES) {
    const ctx = await actAs(s, c.account, `demo:people:${c.account}`);
    for (let i = 0; i < c.count; i++) {
      const p = demoPerson(r, r.pick(c.towns));
      const res = await findOrCreatePersonByCitizenId(s, ctx, p);
      if (res.created) created++;
    }
  }
  return created;
}
