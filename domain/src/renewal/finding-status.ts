// The life of a safety-inspection finding (隐患) from discovery to closure (销号):
//
//   open ──reply──▶ replied ──pass──▶ passed ──close──▶ closed
//                     │  ▲
//                   fail  reply
//                     ▼  │
//                    failed
//
// The contractor replies with evidence; the inspector re-inspects; a failed
// re-inspection reopens the finding (with a new deadline) for another reply; only a
// passed finding may be closed. Pure rules, no I/O.

import type { Label } from './rectification.ts';

export const FINDING_STATUSES = ['open', 'replied', 'passed', 'failed', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, Label>> = {
  open: { zh: '待整改', en: 'Open' },
  replied: { zh: '已回复待复查', en: 'Replied, awaiting re-inspection' },
  passed: { zh: '复查通过', en: 'Passed re-inspection' },
  failed: { zh: '复查未通过', en: 'Failed re-inspection' },
  closed: { zh: '已销号', en: 'Closed' },
};

export const FINDING_ACTIONS = ['reply', 'pass', 'fail', 'close'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

export const FINDING_ACTION_LABELS: Readonly<Record<FindingAction, Label>> = {
  reply: { zh: '整改回复', en: 'Reply' },
  pass: { zh: '复查通过', en: 'Pass re-inspection' },
  fail: { zh: '复查不通过', en: 'Fail re-inspection' },
  close: { zh: '销号', en: 'Close' },
};

const TRANSITIONS: Readonly<Record<FindingAction, { from: readonly FindingStatus[]; to: FindingStatus }>> = {
  reply: { from: ['open', 'failed'], to: 'replied' },
  pass: { from: ['replied'], to: 'passed' },
  fail: { from: ['replied'], to: 'failed' },
  close: { from: ['passed'], to: 'closed' },
};

/** Why an action cannot be taken now, and what must happen first. */
const REFUSALS: Readonly<Record<FindingAction, Partial<Record<FindingStatus, Label>>>> = {
  reply: {
    replied: {
      zh: '该隐患已回复，正在等待复查，请等待巡查单位复查结果',
      en: 'This finding has been replied to and awaits re-inspection; wait for the inspector’s result',
    },
    passed: {
      zh: '该隐患已复查通过，无需再回复',
      en: 'This finding has passed re-inspection; no further reply is needed',
    },
    closed: { zh: '该隐患已销号，不能再回复', en: 'This finding is closed; it cannot be replied to' },
  },
  pass: {
    open: {
      zh: '施工单位尚未提交整改回复，请等回复后再复查',
      en: 'The contractor has not replied yet; re-inspect after the reply',
    },
    failed: {
      zh: '上次复查未通过，需施工单位重新回复后再复查',
      en: 'The last re-inspection failed; the contractor must reply again before re-inspection',
    },
    passed: { zh: '该隐患已复查通过', en: 'This finding has already passed re-inspection' },
    closed: { zh: '该隐患已销号，不能再复查', en: 'This finding is closed; it cannot be re-inspected' },
  },
  fail: {
    open: {
      zh: '施工单位尚未提交整改回复，请等回复后再复查',
      en: 'The contractor has not replied yet; re-inspect after the reply',
    },
    failed: {
      zh: '上次复查未通过，需施工单位重新回复后再复查',
      en: 'The last re-inspection failed; the contractor must reply again before re-inspection',
    },
    passed: {
      zh: '该隐患已复查通过，不能再判为不通过',
      en: 'This finding has passed re-inspection; it cannot be failed now',
    },
    closed: { zh: '该隐患已销号，不能再复查', en: 'This finding is closed; it cannot be re-inspected' },
  },
  close: {
    open: {
      zh: '该隐患尚未整改回复和复查通过，不能销号；请先整改并复查',
      en: 'This finding has not been replied to and passed re-inspection; it cannot be closed yet',
    },
    replied: {
      zh: '该隐患尚未复查通过，不能销号；请先复查',
      en: 'This finding has not passed re-inspection and cannot be closed yet; re-inspect it first',
    },
    failed: {
      zh: '该隐患复查未通过，不能销号；请整改后重新复查',
      en: 'This finding failed re-inspection; it cannot be closed until it passes',
    },
    closed: { zh: '该隐患已销号', en: 'This finding is already closed' },
  },
};

export type TransitionResult =
  | { ok: true; status: FindingStatus }
  | { ok: false; error: Label; allowedFrom: readonly FindingStatus[] };

export const isFindingStatus = (v: string): v is FindingStatus =>
  (FINDING_STATUSES as readonly string[]).includes(v);

/** The status after `action`, or a refusal saying why not and what must happen first. */
export function transitionFinding(status: FindingStatus, action: FindingAction): TransitionResult {
  const t = TRANSITIONS[action];
  if (!t) throw new Error(`unknown finding action "${String(action)}"`);
  if (!isFindingStatus(status)) throw new Error(`unknown finding status "${String(status)}"`);
  if (t.from.includes(status)) return { ok: true, status: t.to };
  const error = REFUSALS[action][status] ?? {
    zh: `当前状态「${FINDING_STATUS_LABELS[status].zh}」不能执行「${FINDING_ACTION_LABELS[action].zh}」`,
    en: `"${FINDING_ACTION_LABELS[action].en}" is not possible while the finding is "${FINDING_STATUS_LABELS[status].en}"`,
  };
  return { ok: false, error, allowedFrom: t.from };
}

/** Actions that may be taken on a finding in `status` (for buttons and checks). */
export function allowedFindingActions(status: FindingStatus): FindingAction[] {
  return FINDING_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}
