import type { RequestContext } from '../platform/audit/audit.service.ts';
import type { OrganisationKind } from '../platform/db/schema.ts';
import type { PlatformServices } from '../platform/module/app-types.ts';
import { createOrganisation } from '../platform/orgs/organisation.service.ts';
import { demoCreditCode } from './demo-people.ts';
import type { Random } from './demo-random.ts';

interface OrgSeed {
  key: string;
  name: string;
  kind: OrganisationKind;
  regionCode: string;
  parent?: string;
  /** Enterprises and contractors get a generated, valid credit code. */
  withCreditCode?: boolean;
}

/**
 * The organisations named in the source reports (Anji 住建局, Zhuji 人社局, Tiantai Fuxi
 * street office, Jinhua 妇联) and the kinds of partner each works with. Enterprise names
 * are invented; their credit codes are valid but fictitious.
 */
const ORGS: OrgSeed[] = [
  { key: 'anji-gov', name: '安吉县人民政府', kind: 'department', regionCode: '330523' },
  {
    key: 'anji-zjj',
    name: '安吉县住房和城乡建设局',
    kind: 'department',
    regionCode: '330523',
    parent: 'anji-gov',
  },
  {
    key: 'anji-dipu',
    name: '递铺街道办事处',
    kind: 'street_office',
    regionCode: '330523001',
    parent: 'anji-gov',
  },
  {
    key: 'anji-agent',
    name: '安吉城投建设管理有限公司',
    kind: 'enterprise',
    regionCode: '330523',
    withCreditCode: true,
  },
  {
    key: 'anji-contractor',
    name: '湖州建工集团有限公司',
    kind: 'contractor',
    regionCode: '3305',
    withCreditCode: true,
  },
  {
    key: 'anji-inspector',
    name: '浙江安信工程安全咨询有限公司',
    kind: 'inspector',
    regionCode: '330523',
    withCreditCode: true,
  },
  { key: 'zhuji-gov', name: '诸暨市人民政府', kind: 'department', regionCode: '330681' },
  {
    key: 'zhuji-rsj',
    name: '诸暨市人力资源和社会保障局',
    kind: 'department',
    regionCode: '330681',
    parent: 'zhuji-gov',
  },
  {
    key: 'zhuji-vision',
    name: '诸暨智能视觉科技有限公司',
    kind: 'enterprise',
    regionCode: '330681',
    withCreditCode: true,
  },
  {
    key: 'zhuji-aero',
    name: '诸暨航空航天装备有限公司',
    kind: 'enterprise',
    regionCode: '330681',
    withCreditCode: true,
  },
  { key: 'sjtu', name: '上海交通大学', kind: 'university', regionCode: '31' },
  { key: 'tiantai-gov', name: '天台县人民政府', kind: 'department', regionCode: '331023' },
  {
    key: 'tiantai-fuxi',
    name: '福溪街道办事处',
    kind: 'street_office',
    regionCode: '331023003',
    parent: 'tiantai-gov',
  },
  { key: 'jinhua-fl', name: '金华市妇女联合会', kind: 'department', regionCode: '3307' },
  {
    key: 'wucheng-fl',
    name: '婺城区妇女联合会',
    kind: 'department',
    regionCode: '330702',
    parent: 'jinhua-fl',
  },
  {
    key: 'jinhua-client',
    name: '金华巧手服饰有限公司',
    kind: 'enterprise',
    regionCode: '3307',
    withCreditCode: true,
  },
];

export async function seedDemoOrganisations(
  s: PlatformServices,
  ctx: RequestContext,
  r: Random,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of ORGS) {
    const row = await createOrganisation(s, ctx, {
      name: o.name,
      kind: o.kind,
      regionCode: o.regionCode,
      parentId: o.parent ? (ids.get(o.parent) ?? null) : null,
      creditCode: o.withCreditCode ? demoCreditCode(r, o.regionCode.padEnd(6, '0')) : null,
    });
    ids.set(o.key, row.id);
  }
  return ids;
}
