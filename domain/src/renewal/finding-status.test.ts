import { describe, expect, it } from 'vitest';
import {
  allowedFindingActions,
  FINDING_ACTIONS,
  FINDING_STATUSES,
  type FindingAction,
  type FindingStatus,
  transitionFinding,
} from './finding-status.ts';

const run = (actions: FindingAction[], from: FindingStatus = 'open'): FindingStatus =>
  actions.reduce<FindingStatus>((status, a) => {
    const r = transitionFinding(status, a);
    if (!r.ok) throw new Error(`${a} from ${status}: ${r.error.en}`);
    return r.status;
  }, from);

describe('finding status machine', () => {
  it('goes open → replied → passed → closed', () => {
    expect(run(['reply'])).toBe('replied');
    expect(run(['reply', 'pass'])).toBe('passed');
    expect(run(['reply', 'pass', 'close'])).toBe('closed');
  });

  it('reopens on a failed re-inspection and may fail more than once', () => {
    expect(run(['reply', 'fail'])).toBe('failed');
    expect(run(['reply', 'fail', 'reply', 'fail', 'reply', 'pass', 'close'])).toBe('closed');
  });

  it('refuses to close anything that has not passed, saying what to do', () => {
    for (const status of ['open', 'replied', 'failed'] as const) {
      const r = transitionFinding(status, 'close');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.zh).toMatch(/不能销号/);
        expect(r.error.en).toMatch(/cannot be closed/);
        expect(r.allowedFrom).toEqual(['passed']);
      }
    }
  });

  it('refuses re-inspection before a reply and any action after closure', () => {
    const early = transitionFinding('open', 'pass');
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.zh).toMatch(/尚未提交整改回复/);
    for (const a of FINDING_ACTIONS) {
      const r = transitionFinding('closed', a);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.zh).toMatch(/已销号/);
    }
  });

  it('gives a message for every refused pair, and agrees with allowedFindingActions', () => {
    for (const s of FINDING_STATUSES) {
      for (const a of FINDING_ACTIONS) {
        const r = transitionFinding(s, a);
        expect(r.ok).toBe(allowedFindingActions(s).includes(a));
        if (!r.ok) {
          expect(r.error.zh.length).toBeGreaterThan(4);
          expect(r.error.en.length).toBeGreaterThan(10);
        }
      }
    }
    expect(allowedFindingActions('open')).toEqual(['reply']);
    expect(allowedFindingActions('replied')).toEqual(['pass', 'fail']);
    expect(allowedFindingActions('failed')).toEqual(['reply']);
    expect(allowedFindingActions('passed')).toEqual(['close']);
    expect(allowedFindingActions('closed')).toEqual([]);
  });

  it('throws on an unknown status or action', () => {
    // @ts-expect-error: not a status
    expect(() => transitionFinding('lost', 'reply')).toThrow(/unknown finding status "lost"/);
    // @ts-expect-error: not an action
    expect(() => transitionFinding('open', 'ignore')).toThrow(/unknown finding action "ignore"/);
  });
});
