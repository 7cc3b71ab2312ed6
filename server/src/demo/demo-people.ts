import { citizenIdCheckChar } from '@gongfu/domain/cn/citizen-id';
import { creditCodeCheckChar, organizationCodeCheckChar } from '@gongfu/domain/cn/credit-code';
import type { Random } from './demo-random.ts';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '郑',
  '潘',
  '钱',
  '沈',
  '楼',
  '应',
  '俞',
  '蒋',
  '叶',
  '金',
  '方',
  '施',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓燕',
  '海燕',
  '雪梅',
  '国平',
  '慧',
  '婷',
  '浩然',
  '子涵',
  '欣怡',
  '雨轩',
  '梓萱',
  '一鸣',
  '佳怡',
  '宇航',
  '诗琪',
];

export interface DemoPerson {
  name: string;
  citizenId: string;
  mobile: string;
  regionCode: string;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A fictitious but valid citizen ID: real region, real date, correct check digit. */
export function demoCitizenId(r: Random, regionCode: string, female: boolean): string {
  const year = r.int(1956, 2003);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const seq = r.int(0, 49) * 2 + (female ? 0 : 1);
  const first17 = `${regionCode.slice(0, 6)}${year}${pad(month, 2)}${pad(day, 2)}${pad(r.int(0, 9), 1)}${pad(seq, 2)}`;
  return first17 + citizenIdCheckChar(first17);
}

export function demoMobile(r: Random): string {
  return `1${r.pick(['35', '37', '38', '39', '50', '57', '58', '77', '88', '99'])}${pad(r.int(0, 99_999_999), 8)}`;
}

export function demoPerson(r: Random, residence: string): DemoPerson {
  const female = r.next() < 0.55;
  // most were born in the county they live in; some came from elsewhere in Zhejiang
  const native =
    r.next() < 0.8 ? residence.slice(0, 6) : r.pick(['330102', '330482', '330781', '331082', '330302']);
  return {
    name: r.pick(SURNAMES) + r.pick(GIVEN),
    citizenId: demoCitizenId(r, native, female),
    mobile: demoMobile(r),
    regionCode: residence,
  };
}

/** A fictitious but valid unified social credit code (GB 32100) registered in `regionCode`. */
export function demoCreditCode(r: Random, regionCode: string): string {
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org8 = '';
  for (let i = 0; i < 8; i++) org8 += CHARS[r.int(0, 9)];
  const org9 = org8 + organizationCodeCheckChar(org8);
  const first17 = `91${regionCode.slice(0, 6)}${org9}`;
  return first17 + creditCodeCheckChar(first17);
}
