import {
  DB33_973_2021,
  hundredthsText,
  type Label,
  POLLUTANT_NAMES,
  POLLUTANTS,
  type Pollutant,
  REQUIRED_POLLUTANTS,
} from '@gongfu/domain/renewal/sewage';
import {
  checkDate,
  invalid,
  type Lang,
  type PlatformServices,
  say,
  todayOf,
} from '../../platform/kit/index.ts';
import type { DistrictKind, DistrictStatus, FacilityKind, FacilityStatus } from './facility.tables.ts';
import type { Coverage } from './sewage.repo.ts';

/** Labels and small input rules of the facilities module; errors name the field, Chinese first. */

/** A date that is not in the future (a sample taken, an acceptance held). */
export function checkPastDate(s: PlatformServices, field: string, value: string): string {
  checkDate(field, value);
  const today = todayOf(s);
  if (value > today) {
    throw invalid(field, {
      zh: `「${field}」不能晚于今天（${today}）`,
      en: `"${field}" cannot be later than today (${today})`,
    });
  }
  return value;
}

export const FACILITY_KIND_NAMES: Record<FacilityKind, Label> = {
  built: { zh: '新建', en: 'Built' },
  rebuilt: { zh: '改建', en: 'Rebuilt' },
};
export const FACILITY_STATUS_NAMES: Record<FacilityStatus, Label> = {
  operating: { zh: '运行中', en: 'In operation' },
  under_construction: { zh: '在建', en: 'Under construction' },
  suspended: { zh: '停用', en: 'Suspended' },
};
export const COVERAGE_NAMES: Record<Coverage, Label> = {
  covered: { zh: '已覆盖', en: 'Covered' },
  uncovered: { zh: '未覆盖', en: 'Not covered' },
  network: { zh: '纳管（城镇管网）', en: 'Urban sewer network' },
};
export const DISTRICT_KIND_NAMES: Record<DistrictKind, Label> = {
  county: { zh: '县域风貌区', en: 'County landscape district' },
  urban: { zh: '城市风貌区', en: 'Urban landscape district' },
};
export const DISTRICT_STATUS_NAMES: Record<DistrictStatus, Label> = {
  planning: { zh: '规划中', en: 'Planning' },
  under_construction: { zh: '建设中', en: 'Under construction' },
  accepted: { zh: '已通过验收', en: 'Accepted' },
};

export const pollutantName = (p: string, lang: Lang): string =>
  POLLUTANT_NAMES[p as Pollutant] ? say(POLLUTANT_NAMES[p as Pollutant], lang) : p;

/** Limit texts of a pollutant in both grades, e.g. "≤ 8（水温 ≤ 12 ℃ 时 ≤ 15）". */
function limitText(p: Pollutant, grade: 1 | 2, lang: Lang): string {
  const l = DB33_973_2021[grade][p];
  if (!l) return '—';
  if (l.min !== undefined) return `${hundredthsText(l.min)}–${hundredthsText(l.max)}`.replace(/\.00/g, '');
  const max = `≤ ${hundredthsText(l.max).replace(/\.00$/, '')}`;
  if (l.coldMax === undefined) return max;
  const cold = hundredthsText(l.coldMax).replace(/\.00$/, '');
  return lang === 'en' ? `${max} (≤ ${cold} when water ≤ 12 °C)` : `${max}（水温 ≤ 12 ℃ 时 ≤ ${cold}）`;
}

/** The standard's table as shown to users. */
export const standardTable = (lang: Lang) =>
  POLLUTANTS.map((p) => ({
    pollutant: p,
    name: say(POLLUTANT_NAMES[p], lang),
    unit: POLLUTANT_NAMES[p].unit,
    required: REQUIRED_POLLUTANTS.includes(p),
    grade1: limitText(p, 1, lang),
    grade2: limitText(p, 2, lang),
  }));
