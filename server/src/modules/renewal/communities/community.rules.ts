import { maskName } from '@gongfu/domain/cn/mask';
import { type Bilingual, invalid, type Lang } from '../../../platform/kit/index.ts';
import type {
  CommunityStatus,
  OwnerKind,
  QuestionKind,
  SurveyPhase,
  SurveyStatus,
} from './community.tables.ts';

/** Pure rules of the community register: labels, areas, unit labels, owner names; errors name the field. */

export const labelOf = (l: Bilingual, lang: Lang): string => (lang === 'en' ? l.en : l.zh);

export const COMMUNITY_STATUS_NAMES: Record<CommunityStatus, Bilingual> = {
  planned: { zh: '计划改造', en: 'Planned' },
  surveying: { zh: '问需调查', en: 'Needs survey' },
  designing: { zh: '方案设计', en: 'Designing' },
  voting: { zh: '方案表决', en: 'Voting' },
  construction: { zh: '施工中', en: 'Under construction' },
  completed: { zh: '已完工', en: 'Completed' },
  accepted: { zh: '已验收', en: 'Accepted' },
};

/** Statuses whose works are finished (改造完成). */
export const COMPLETED: CommunityStatus[] = ['completed', 'accepted'];

/**
 * Statuses the county report counts as renovated: "已经推进或完成84个老旧小区的改造工作" — works
 * under way or finished (竹贤山庄二期, under construction, is one of the 84).
 */
export const RENOVATED: CommunityStatus[] = ['construction', 'completed', 'accepted'];

export const OWNER_KIND_NAMES: Record<OwnerKind, Bilingual> = {
  person: { zh: '个人', en: 'Person' },
  organisation: { zh: '单位', en: 'Organisation' },
};

export const PHASE_NAMES: Record<SurveyPhase, Bilingual> = {
  needs: { zh: '问需于民', en: 'Needs survey' },
  satisfaction: { zh: '问效于民', en: 'Satisfaction survey' },
};

export const SURVEY_STATUS_NAMES: Record<SurveyStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '征集中', en: 'Open' },
  closed: { zh: '已截止', en: 'Closed' },
  published: { zh: '已公布', en: 'Published' },
};

export const QUESTION_KIND_NAMES: Record<QuestionKind, Bilingual> = {
  single: { zh: '单选', en: 'Single choice' },
  multiple: { zh: '多选', en: 'Multiple choice' },
  rating: { zh: '评分（1–5）', en: 'Rating (1–5)' },
  text: { zh: '文字', en: 'Free text' },
};

/** `89.37` (m², at most two decimals) as hundredths: 8937; null if it is not such a number. */
export function parseAreaCenti(text: string): number | null {
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const centi = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return centi > 0 ? centi : null;
}

/** Hundredths of m² as text with two decimals: 8937 → '89.37'. */
export const areaText = (centi: number): string =>
  `${Math.trunc(centi / 100)}.${String(Math.abs(centi % 100)).padStart(2, '0')}`;

/** An area in hundredths of m², 1 … 99,999,999 (that is up to 999,999.99 m²). */
export function checkAreaCenti(field: string, centi: number): number {
  if (!Number.isInteger(centi) || centi < 1 || centi > 99_999_999) {
    throw invalid(field, {
      zh: `「${field}」应为专有部分面积（单位：0.01 平方米）的正整数，例如 89.37㎡ 填 8937`,
      en: `"${field}" must be the exclusive area in hundredths of a square metre, a positive whole number (89.37 m² is 8937)`,
    });
  }
  return centi;
}

/** 单元 as residents write it: '1单元' and '1' are the same entrance; '' for a building with one. */
export const normaliseEntrance = (text: string): string => text.trim().replace(/单元$/, '').trim();

/** 室 as written: '302室' and '302' are the same room. */
export const normaliseRoom = (text: string): string => text.trim().replace(/室$/, '').trim();

/** How a unit is named to residents: 3幢1单元302室. */
export function unitLabel(u: { building_name: string; entrance: string; room: string }): string {
  return `${u.building_name}${u.entrance ? `${u.entrance}单元` : ''}${u.room}室`;
}

/**
 * Who residents' pages (surveys, ballots) say runs them: the owner organisation of the
 * community's renovation project; without a project, the housing and construction authority of
 * the community's county (安吉县住房和城乡建设局, 天台县住房和城乡建设局), or of the province
 * (…住房和城乡建设厅) for a community registered at province level; '' when nothing is known.
 */
export function residentOrganiser(o: {
  owner_name: string | null;
  county_name: string | null;
  county_level: number | null;
}): string {
  if (o.owner_name) return o.owner_name;
  if (!o.county_name) return '';
  return `${o.county_name}住房和城乡建设${o.county_level === 1 ? '厅' : '局'}`;
}

/** 个人 / 单位 (or person / organisation) as the owner kind; null if neither. */
export function parseOwnerKind(text: string): OwnerKind | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === '个人' || t === 'person' || t === '自然人') return 'person';
  if (t === '单位' || t === 'organisation' || t === 'organization' || t === '企业' || t === '开发商')
    return 'organisation';
  return null;
}

/** An owner's name as the caller may see it: a person's masked unless `mayName`; an organisation's in full. */
export const ownerNameFor = (name: string, kind: OwnerKind, mayName: boolean): string =>
  mayName || kind === 'organisation' ? name : maskName(name);

/** A year of building, 1949 … this year. */
export function checkYearBuilt(
  field: string,
  year: number | null | undefined,
  thisYear: number,
): number | null {
  if (year === null || year === undefined) return null;
  if (!Number.isInteger(year) || year < 1949 || year > thisYear) {
    throw invalid(field, {
      zh: `「${field}」应为 1949–${thisYear} 之间的年份`,
      en: `"${field}" must be a year from 1949 to ${thisYear}`,
    });
  }
  return year;
}
