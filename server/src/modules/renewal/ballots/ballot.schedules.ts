import type { ScheduleDef } from '../../../platform/kit/index.ts';
import { closeDueBallots } from './ballot.service.ts';

/**
 * Ballots close at their deadline without anyone pressing "close": every few minutes the open
 * ballots past `closes_at` are closed and counted (residents' links already stop at the deadline).
 * Staff may still close a ballot early by hand.
 */
export const ballotCloseSchedule: ScheduleDef = {
  key: 'renewal.ballots.close',
  name: { zh: '表决到期自动截止', en: 'Close ballots at their deadline' },
  when: { everyMinutes: 5 },
  runAtStart: true,
  async run(s, { now }) {
    const { closed } = await closeDueBallots(s, now);
    return { summary: `截止 ${closed} 场表决 / ${closed} ballot(s) closed` };
  },
};
