import { parseCreditCode } from '@gongfu/domain/cn/credit-code';
import type { OrganisationKind } from '../db/schema.ts';
import { type Bilingual, invalid, type Lang } from '../http/errors.ts';

/** Every organisation kind with its labels; the order is the order of the web form's choices. */
export const ORGANISATION_KINDS: Readonly<Record<OrganisationKind, Bilingual>> = {
  department: { zh: '部门', en: 'Government department' },
  street_office: { zh: '街道办事处', en: 'Street office' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  university: { zh: '高校', en: 'University' },
  workshop: { zh: '共富工坊', en: 'Common-prosperity workshop' },
  inspector: { zh: '第三方安全巡查机构', en: 'Third-party safety inspector' },
  contractor: { zh: '施工单位', en: 'Contractor' },
  village_committee: { zh: '村/居委会', en: 'Village / residents committee' },
  other: { zh: '其他', en: 'Other' },
};

/** The kinds as a tuple, for the request schemas (a test checks it lists every labelled kind). */
export const KIND_KEYS = [
  'department',
  'street_office',
  'enterprise',
  'university',
  'workshop',
  'inspector',
  'contractor',
  'village_committee',
  'other',
] as const satisfies readonly OrganisationKind[];

/** Kinds that are registered businesses and must carry a unified social credit code. */
const CREDIT_CODE_REQUIRED: ReadonlySet<OrganisationKind> = new Set(['enterprise', 'contractor']);

export const creditCodeRequired = (kind: OrganisationKind) => CREDIT_CODE_REQUIRED.has(kind);

export type OrganisationStatus = 'active' | 'closed';

const STATUS_NAMES: Readonly<Record<OrganisationStatus, Bilingual>> = {
  active: { zh: '正常', en: 'Active' },
  closed: { zh: '已撤销', en: 'Closed' },
};

const pick = (text: Bilingual, lang: Lang) => (lang === 'en' ? text.en : text.zh);
export const kindName = (kind: OrganisationKind, lang: Lang) => pick(ORGANISATION_KINDS[kind], lang);
export const statusName = (status: OrganisationStatus, lang: Lang) => pick(STATUS_NAMES[status], lang);

/** Trims a name and collapses inner runs of white space; an empty name is refused. */
export function normaliseName(name: string): string {
  const out = name.trim().replace(/\s+/g, ' ');
  if (out === '') throw invalid('name', { zh: '请填写组织名称', en: 'Enter the organisation name' });
  return out;
}

/** Empty text means "not given". */
export function optionalText(value: string | null | undefined): string | null {
  const out = value?.trim() ?? '';
  return out === '' ? null : out;
}

/**
 * Validates a unified social credit code (GB 32100 check characters) and returns it in upper case,
 * or null when none is given. The domain parser's reason is kept in the English message; the Chinese
 * message says what to check.
 */
export function normaliseCreditCode(value: string | null | undefined): string | null {
  const raw = optionalText(value);
  if (raw === null) return null;
  const parsed = parseCreditCode(raw);
  if (parsed.ok) return parsed.value.code;
  const length = [...raw].length;
  const zh =
    length !== 18
      ? `统一社会信用代码应为 18 位（当前 ${length} 位），请对照营业执照重新填写`
      : /[^0-9A-HJ-NP-RTUW-Y]/i.test(raw)
        ? '统一社会信用代码含有无效字符（只能是数字和除 I、O、S、V、Z 以外的大写字母），请对照营业执照重新填写'
        : '统一社会信用代码校验位不正确，请对照营业执照逐位核对';
  return fail(zh, parsed.error);
}

function fail(zh: string, reason: string): never {
  throw invalid('creditCode', {
    zh,
    en: `The unified social credit code is not valid (${reason}); check it against the business licence`,
  });
}

export function requireCreditCodeFor(kind: OrganisationKind, creditCode: string | null): void {
  if (creditCode === null && creditCodeRequired(kind)) {
    const k = ORGANISATION_KINDS[kind];
    throw invalid('creditCode', {
      zh: `${k.zh}须填写统一社会信用代码（见营业执照）`,
      en: `A unified social credit code is required for the kind "${k.en}" (see the business licence)`,
    });
  }
}
