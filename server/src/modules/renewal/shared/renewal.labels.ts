import type { Bilingual } from '../../../platform/kit/index.ts';
import type {
  CalendarKindName,
  DeliveryMode,
  ExceptionKind,
  LinkTypeName,
  ProjectType,
  Severity,
  Stage,
  Weather,
} from './renewal.tables.ts';

/** The words users read for the module's codes, in both languages. */

export const PROJECT_TYPE_NAMES: Record<ProjectType, Bilingual> = {
  housing: { zh: '住有宜居', en: 'Housing (住有宜居)' },
  landmark: { zh: '地标建筑', en: 'Landmark building' },
  future_community: { zh: '未来社区', en: 'Future community' },
  road: { zh: '道路改造', en: 'Road rebuild' },
  old_community: { zh: '老旧小区改造', en: 'Old-community renovation' },
  sewage: { zh: '污水设施', en: 'Sewage facility' },
  other: { zh: '其他', en: 'Other' },
};

export const DELIVERY_MODE_NAMES: Record<DeliveryMode, Bilingual> = {
  full_agency: { zh: '全代建', en: 'Full agency build' },
  agency: { zh: '代建', en: 'Agency build' },
  self_build: { zh: '自建', en: 'Self-build' },
  epc: { zh: 'EPC总承包', en: 'EPC general contract' },
};

export const EXCEPTION_KIND_NAMES: Record<ExceptionKind, Bilingual> = {
  rain: { zh: '雨天停工', en: 'Rain day (no work)' },
  stoppage: { zh: '其他停工', en: 'Other stoppage' },
  extra_workday: { zh: '加班/补班', en: 'Extra workday' },
};

export const STAGE_NAMES: Record<Stage, Bilingual> = {
  initiation: { zh: '立项', en: 'Initiation' },
  design: { zh: '设计', en: 'Design' },
  construction: { zh: '施工', en: 'Construction' },
  acceptance: { zh: '竣工验收', en: 'Acceptance' },
  delivered: { zh: '交付', en: 'Delivered' },
};

export const CALENDAR_NAMES: Record<CalendarKindName, Bilingual> = {
  'calendar-days': { zh: '日历天（施工默认）', en: 'Calendar days (construction default)' },
  workdays: { zh: '工作日（含法定节假日与调休）', en: 'Workdays (official holidays and adjusted workdays)' },
};

export const LINK_TYPE_NAMES: Record<LinkTypeName, Bilingual> = {
  FS: { zh: '完成-开始', en: 'Finish to start' },
  SS: { zh: '开始-开始', en: 'Start to start' },
  FF: { zh: '完成-完成', en: 'Finish to finish' },
  SF: { zh: '开始-完成', en: 'Start to finish' },
};

export const SEVERITY_NAMES: Record<Severity, Bilingual> = {
  minor: { zh: '一般', en: 'Minor' },
  major: { zh: '较重', en: 'Major' },
  critical: { zh: '严重', en: 'Critical' },
};

export const WEATHER_NAMES: Record<Weather, Bilingual> = {
  sunny: { zh: '晴', en: 'Sunny' },
  cloudy: { zh: '多云', en: 'Cloudy' },
  overcast: { zh: '阴', en: 'Overcast' },
  rain: { zh: '雨', en: 'Rain' },
  heavy_rain: { zh: '暴雨', en: 'Heavy rain' },
  snow: { zh: '雪', en: 'Snow' },
  wind: { zh: '大风', en: 'Strong wind' },
  heat: { zh: '高温', en: 'Heat' },
  fog: { zh: '雾霾', en: 'Fog or haze' },
};

export const MEMBER_ROLE_NAMES: Record<'leader' | 'member', Bilingual> = {
  leader: { zh: '组长', en: 'Leader' },
  member: { zh: '成员', en: 'Member' },
};

export const ISSUE_STATUS_NAMES: Record<'open' | 'resolved', Bilingual> = {
  open: { zh: '待解决', en: 'Open' },
  resolved: { zh: '已解决', en: 'Resolved' },
};
