import type { Label } from '@gongfu/domain/renewal/rectification';
import type { Attitude, NightWorkStatus, NoticeChannel } from './oversight.tables.ts';

/**
 * Night work (夜间施工): the hours of a request and the words for its codes. Night is
 * 22:00–06:00 (噪声污染防治法); a request's hours must reach into it, and may run past
 * midnight (e.g. 20:00–04:00: a night starting on the listed date, ending the next morning).
 */

const NIGHT_START = 22 * 60;
const NIGHT_END = 6 * 60;

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Does the window start–end (wrapping past midnight when end <= start) reach into 22:00–06:00? */
export function reachesNight(start: string, end: string): boolean {
  const s = minutesOf(start);
  let e = minutesOf(end);
  if (e <= s) e += 24 * 60;
  // night intervals over two days: [0,360) [1320,1800) [2760,2880)
  const nights: Array<[number, number]> = [
    [0, NIGHT_END],
    [NIGHT_START, 24 * 60 + NIGHT_END],
    [48 * 60 - 120, 48 * 60],
  ];
  return nights.some(([a, b]) => s < b && a < e);
}

export const NIGHT_WORK_STATUS_NAMES: Record<NightWorkStatus, Label> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未批准', en: 'Rejected' },
};

export const CHANNEL_NAMES: Record<NoticeChannel, Label> = {
  notice_board: { zh: '公告栏', en: 'Notice board' },
  wechat_group: { zh: '微信群', en: 'WeChat group' },
  door_to_door: { zh: '上门解释', en: 'Door-to-door visit' },
  phone: { zh: '电话沟通', en: 'Phone call' },
};

export const ATTITUDE_NAMES: Record<Attitude, Label> = {
  support: { zh: '支持', en: 'Support' },
  neutral: { zh: '中立', en: 'Neutral' },
  object: { zh: '反对', en: 'Object' },
};

/** The most nights one request may cover. */
export const MAX_NIGHTS = 31;
