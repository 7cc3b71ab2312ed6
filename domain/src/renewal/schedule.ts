// Reverse scheduling (倒排工期): critical-path method on a working calendar,
// forward from the start date and backward from a committed deadline.
//
// ## Model
//
// Everything runs on integer working-day ordinals (see calendar.ts): a task of
// duration d occupying ordinals [s, s + d − 1] has start s and finish
// f = s + d − 1 — dates are inclusive working days, so a 3-day task starting
// on Monday finishes on Wednesday. A link pred → succ with lag L (whole
// working days, negative = lead) means:
//
//   FS  succ.s ≥ pred.f + 1 + L   (lag 0: succ starts the next working day)
//   SS  succ.s ≥ pred.s + L       (lag 0: succ may start the same day)
//   FF  succ.f ≥ pred.f + L       (lag 0: succ may finish the same day)
//   SF  succ.f ≥ pred.s + L       (lag 0: succ may finish the day pred starts)
//
// (MS Project / P6 measure SF in continuous time — the successor's end of day
// versus the predecessor's start of day — which is succ.f ≥ pred.s − 1 + L in
// these ordinals: one day looser than the rule above, which is the contract.)
//
// Forward pass (earliest dates): es = max(start, every constraint), in
// topological order. Backward pass (latest dates): lf = min(deadline, every
// constraint), in reverse order. The start snaps forward to a working day and
// the deadline back to one. totalFloat = ls − es in working days (negative
// when the deadline cannot be met).
//
// A task is critical when it has no float left against the committed
// deadline: totalFloat <= 0 (MS Project's and P6's default rule). The driving
// tasks — those with the smallest total float — form a chain whose every link
// is tight, from a start-driven task to a deadline-driven one; when that
// smallest float is <= 0 this chain is the critical path. When the deadline
// leaves every task some float nothing is critical: the longest chain then
// only decides the planned finish, and painting it "critical" (as JGJ/T 121's
// "smallest total float" reading does when the required duration exceeds the
// computed one) flags tasks that could slip for months without harm.
//
// Links are topologically sorted with Kahn's algorithm (O(V + E)); when Kahn
// leaves tasks behind, a walk back along predecessors among them finds one
// cycle to report. Both passes are single sweeps over compressed adjacency
// arrays (CSR), and ordinals become dates only at the end.

import { type CalendarSpec, createCalendar, parseDay, type WorkingCalendar } from './calendar.ts';

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface ScheduleTask {
  id: string;
  /** Whole working days, >= 1. */
  duration: number;
}

export interface ScheduleLink {
  from: string;
  to: string;
  /** Default FS. */
  type?: LinkType;
  /** Whole working days, default 0; negative is a lead. */
  lag?: number;
}

export interface ScheduleInput {
  tasks: readonly ScheduleTask[];
  links: readonly ScheduleLink[];
  /** YYYY-MM-DD, the first day work may happen. */
  start: string;
  /** YYYY-MM-DD, the last day work may happen. */
  deadline: string;
  /** Absent: calendar days (every day works). */
  calendar?: CalendarSpec;
}

export interface TaskSchedule {
  earlyStart: string;
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  /** Working days; negative when the task cannot make the deadline. */
  totalFloat: number;
  /** No float left against the deadline: totalFloat <= 0 (and, in planProject, not done). */
  critical: boolean;
}

export interface ScheduleResult {
  tasks: Record<string, TaskSchedule>;
  /** The latest earlyFinish. */
  projectFinish: string;
  /** Every totalFloat >= 0. */
  feasible: boolean;
}

/** A task with progress, for re-planning (all optional). */
export interface PlanTask extends ScheduleTask {
  /** YYYY-MM-DD the task actually started (on or before statusDate). */
  actualStart?: string;
  /** YYYY-MM-DD the task actually finished: the task is done. */
  actualFinish?: string;
  /** Working days of work left for a started task, counted from statusDate; >= 1. */
  remaining?: number;
}

export interface PlanInput extends Omit<ScheduleInput, 'tasks'> {
  tasks: readonly PlanTask[];
  /** YYYY-MM-DD "today": remaining and not-started work happens on or after it. */
  statusDate?: string;
}

export type TaskStatus = 'not-started' | 'in-progress' | 'done';

export interface PlannedTask extends TaskSchedule {
  status: TaskStatus;
  /** Working days the task can slip without moving any successor's early dates or passing the deadline; >= 0. */
  freeFloat: number;
  /** Not started although its latest start is before the statusDate. */
  lateStartPassed: boolean;
}

export interface PlanResult {
  tasks: Record<string, PlannedTask>;
  projectFinish: string;
  feasible: boolean;
  /**
   * One chain of the driving (smallest-float) tasks linked by tight links, in order (there may be
   * others), when they are critical; empty when every open task has float left.
   */
  criticalPath: string[];
  /** Working days the project finish is past the deadline; 0 when feasible. */
  daysLate: number;
}

// ---------------------------------------------------------------- network

const FS = 0;
const SS = 1;
const FF = 2;
const SF = 3;
const LINK_TYPES: Readonly<Record<string, number>> = { FS, SS, FF, SF };

const NOT_STARTED = 0;
const IN_PROGRESS = 1;
const DONE = 2;
const STATUS_NAMES: readonly TaskStatus[] = ['not-started', 'in-progress', 'done'];

interface Network {
  n: number;
  ids: string[];
  dur: Float64Array;
  /** CSR: the links out of task v are edges out[v] … out[v + 1] − 1. */
  out: Int32Array;
  to: Int32Array;
  kind: Uint8Array;
  lag: Float64Array;
  /** Topological order. */
  order: Int32Array;
}

const isWholeNumber = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);

function buildNetwork(tasks: readonly ScheduleTask[], links: readonly ScheduleLink[]): Network {
  if (!Array.isArray(tasks)) throw new Error('tasks must be an array');
  if (!Array.isArray(links)) throw new Error('links must be an array');
  const n = tasks.length;
  const ids: string[] = new Array(n);
  const dur = new Float64Array(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = tasks[i];
    const id: unknown = t?.id;
    if (typeof id !== 'string' || id === '') throw new Error(`task #${i + 1} has no id (a non-empty string)`);
    if (index.has(id)) throw new Error(`duplicate task id ${JSON.stringify(id)}`);
    const d: unknown = t?.duration;
    if (!isWholeNumber(d) || d < 1) {
      throw new Error(
        `task ${JSON.stringify(id)}: duration must be a whole number of days >= 1, got ${String(d)}`,
      );
    }
    index.set(id, i);
    ids[i] = id;
    dur[i] = d;
  }

  const m = links.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const out = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const l = links[e];
    const name = `link ${String(l?.from)} → ${String(l?.to)}`;
    const a = index.get(l?.from as string);
    const b = index.get(l?.to as string);
    if (a === undefined) throw new Error(`${name}: unknown task ${JSON.stringify(l?.from)}`);
    if (b === undefined) throw new Error(`${name}: unknown task ${JSON.stringify(l?.to)}`);
    src[e] = a;
    dst[e] = b;
    out[a + 1]!++;
  }
  for (let v = 0; v < n; v++) out[v + 1]! += out[v]!;

  const to = new Int32Array(m);
  const kind = new Uint8Array(m);
  const lag = new Float64Array(m);
  const fill = out.slice(0, n);
  const indeg = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    const l = links[e]!;
    const type = l.type ?? 'FS';
    const k = LINK_TYPES[type];
    if (k === undefined || !Object.hasOwn(LINK_TYPES, type)) {
      throw new Error(`link ${l.from} → ${l.to}: type must be FS, SS, FF or SF, got ${JSON.stringify(type)}`);
    }
    const lg = l.lag ?? 0;
    if (!isWholeNumber(lg)) {
      throw new Error(`link ${l.from} → ${l.to}: lag must be a whole number of days, got ${String(lg)}`);
    }
    const a = src[e]!;
    const b = dst[e]!;
    const slot = fill[a]!++;
    to[slot] = b;
    kind[slot] = k;
    lag[slot] = lg;
    indeg[b]!++;
  }

  // Kahn's algorithm; the queue is the output array itself.
  const order = new Int32Array(n);
  let tail = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const v = order[head]!;
    for (let e = out[v]!, end = out[v + 1]!; e < end; e++) {
      const w = to[e]!;
      if (--indeg[w]! === 0) order[tail++] = w;
    }
  }
  if (tail < n) throw new Error(`link cycle: ${describeCycle(n, ids, indeg, src, dst)}`);
  return { n, ids, dur, out, to, kind, lag, order };
}

/**
 * After Kahn, every task left over (indeg > 0) has a predecessor that is left
 * over too, so walking back along such predecessors must revisit a task: that
 * stretch of the walk is a cycle. Returned as "A → B → C → A", starting from
 * the task of the cycle that comes first in the input.
 */
function describeCycle(
  n: number,
  ids: string[],
  indeg: Int32Array,
  src: Int32Array,
  dst: Int32Array,
): string {
  const pred = new Int32Array(n).fill(-1);
  for (let e = 0; e < src.length; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    if (indeg[a]! > 0 && indeg[b]! > 0 && pred[b] === -1) pred[b] = a;
  }
  let v = 0;
  while (indeg[v] === 0) v++;
  const step = new Int32Array(n).fill(-1);
  const walk: number[] = [];
  while (step[v] === -1) {
    step[v] = walk.length;
    walk.push(v);
    v = pred[v]!;
  }
  const cycle = walk.slice(step[v]).reverse(); // walked backwards; now in link direction
  let first = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[first]!) first = i;
  const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
  return [...rotated, rotated[0]!].map((i) => ids[i]).join(' → ');
}

// ---------------------------------------------------------------- passes

interface Progress {
  status: Uint8Array;
  /** Ordinals of actual start (on or after) and actual finish (on or before). */
  actualStart: Float64Array;
  actualFinish: Float64Array;
  remaining: Float64Array;
  /** Ordinal of the first working day on or after the statusDate; −∞ without one. */
  statusOrdinal: number;
}

interface Passes {
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  tf: Float64Array;
}

/**
 * Forward and backward passes. With progress: done tasks sit at their actual
 * dates and constrain nothing backwards; started tasks keep their actual start
 * (so FS/SS links into them and SS/SF links out of them no longer bind) and
 * finish at statusDate + remaining − 1, or later if an FF/SF link demands it;
 * tasks not started begin no earlier than the statusDate.
 */
function runPasses(net: Network, S: number, D: number, p: Progress): Passes {
  const { n, dur, out, to, kind, lag, order } = net;
  const { status, actualStart, actualFinish, remaining, statusOrdinal: T } = p;
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const tf = new Float64Array(n);
  const startBound = new Float64Array(n).fill(Math.max(S, T));
  const finishBound = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);

  for (let k = 0; k < n; k++) {
    const v = order[k]!;
    const st = status[v];
    let s: number;
    let f: number;
    if (st === NOT_STARTED) {
      const d = dur[v]!;
      s = startBound[v]!;
      const byFinish = finishBound[v]! - d + 1;
      if (byFinish > s) s = byFinish;
      f = s + d - 1;
    } else if (st === IN_PROGRESS) {
      s = actualStart[v]!;
      f = Math.max(T + remaining[v]! - 1, finishBound[v]!);
    } else {
      s = actualStart[v]!;
      f = actualFinish[v]!;
    }
    es[v] = s;
    ef[v] = f;
    for (let e = out[v]!, end = out[v + 1]!; e < end; e++) {
      const w = to[e]!;
      switch (kind[e]) {
        case FS: {
          const b = f + 1 + lag[e]!;
          if (b > startBound[w]!) startBound[w] = b;
          break;
        }
        case SS: {
          const b = s + lag[e]!;
          if (b > startBound[w]!) startBound[w] = b;
          break;
        }
        case FF: {
          const b = f + lag[e]!;
          if (b > finishBound[w]!) finishBound[w] = b;
          break;
        }
        default: {
          const b = s + lag[e]!;
          if (b > finishBound[w]!) finishBound[w] = b;
        }
      }
    }
  }

  for (let k = n - 1; k >= 0; k--) {
    const v = order[k]!;
    const st = status[v]!;
    if (st === DONE) {
      ls[v] = es[v]!;
      lf[v] = ef[v]!;
      tf[v] = Math.min(0, D - ef[v]!);
      continue;
    }
    let ub = D;
    for (let e = out[v]!, end = out[v + 1]!; e < end; e++) {
      const b = lateFinishBound(net, status, ls, lf, v, st, e);
      if (b < ub) ub = b;
    }
    lf[v] = ub;
    if (st === NOT_STARTED) {
      ls[v] = ub - dur[v]! + 1;
      tf[v] = ls[v]! - es[v]!;
    } else {
      ls[v] = es[v]!;
      tf[v] = ub - ef[v]!;
    }
  }
  return { es, ef, ls, lf, tf };
}

/** The latest finish that link e allows its predecessor (status st); +∞ when the link no longer binds. */
function lateFinishBound(
  net: Network,
  status: Uint8Array,
  ls: Float64Array,
  lf: Float64Array,
  v: number,
  st: number,
  e: number,
): number {
  const w = net.to[e]!;
  const sw = status[w];
  const L = net.lag[e]!;
  // SS and SF bind the predecessor's start, which moves with its finish only while it has not started.
  const dv = net.dur[v]!;
  switch (net.kind[e]) {
    case FS:
      return sw === NOT_STARTED ? ls[w]! - 1 - L : Number.POSITIVE_INFINITY;
    case SS:
      return sw === NOT_STARTED && st === NOT_STARTED ? ls[w]! - L + dv - 1 : Number.POSITIVE_INFINITY;
    case FF:
      return sw !== DONE ? lf[w]! - L : Number.POSITIVE_INFINITY;
    default:
      return sw !== DONE && st === NOT_STARTED ? lf[w]! - L + dv - 1 : Number.POSITIVE_INFINITY;
  }
}

// ---------------------------------------------------------------- input

interface Prepared {
  net: Network;
  cal: WorkingCalendar;
  /** Ordinals of the start (snapped forward) and the deadline (snapped back). */
  S: number;
  D: number;
  progress: Progress;
}

function prepare(input: PlanInput, withProgress: boolean): Prepared {
  if (input === null || typeof input !== 'object') throw new Error('input must be an object');
  const startDay = parseDay(input.start, 'start');
  const deadlineDay = parseDay(input.deadline, 'deadline');
  if (deadlineDay < startDay) throw new Error(`deadline ${input.deadline} is before start ${input.start}`);
  const net = buildNetwork(input.tasks, input.links ?? []);
  const cal = createCalendar(input.calendar);
  cal.reserve(startDay, deadlineDay);
  const S = cal.ordinalOnOrAfter(startDay);
  const D = cal.ordinalOnOrBefore(deadlineDay);

  const n = net.n;
  const progress: Progress = {
    status: new Uint8Array(n),
    actualStart: new Float64Array(n),
    actualFinish: new Float64Array(n),
    remaining: new Float64Array(n),
    statusOrdinal: Number.NEGATIVE_INFINITY,
  };
  if (withProgress) readProgress(input, net, cal, progress);
  return { net, cal, S, D, progress };
}

function readProgress(input: PlanInput, net: Network, cal: WorkingCalendar, p: Progress): void {
  const statusDay = input.statusDate === undefined ? undefined : parseDay(input.statusDate, 'statusDate');
  if (statusDay !== undefined) p.statusOrdinal = cal.ordinalOnOrAfter(statusDay);
  const T = p.statusOrdinal;
  for (let i = 0; i < net.n; i++) {
    const t = input.tasks[i]!;
    const label = `task ${JSON.stringify(t.id)}`;
    if (t.actualStart === undefined) {
      if (t.actualFinish !== undefined) throw new Error(`${label}: actualFinish without actualStart`);
      if (t.remaining !== undefined) {
        throw new Error(`${label}: remaining is set but the task has not started (no actualStart)`);
      }
      continue;
    }
    const a = parseDay(t.actualStart, `${label} actualStart`);
    if (statusDay !== undefined && a > statusDay) {
      throw new Error(`${label}: actualStart ${t.actualStart} is after statusDate ${input.statusDate}`);
    }
    p.actualStart[i] = cal.ordinalOnOrAfter(a);
    if (t.actualFinish !== undefined) {
      const f = parseDay(t.actualFinish, `${label} actualFinish`);
      if (f < a)
        throw new Error(`${label}: actualFinish ${t.actualFinish} is before actualStart ${t.actualStart}`);
      if (statusDay !== undefined && f > statusDay) {
        throw new Error(`${label}: actualFinish ${t.actualFinish} is after statusDate ${input.statusDate}`);
      }
      if (t.remaining !== undefined && t.remaining !== 0) {
        throw new Error(`${label}: finished (actualFinish) but remaining is ${String(t.remaining)}`);
      }
      p.status[i] = DONE;
      p.actualFinish[i] = cal.ordinalOnOrBefore(f);
      continue;
    }
    if (statusDay === undefined) {
      throw new Error(
        `${label} is in progress (actualStart without actualFinish), so statusDate is required`,
      );
    }
    p.status[i] = IN_PROGRESS;
    if (t.remaining === undefined) {
      // Duration less the working days already elapsed before the status date, at least one.
      p.remaining[i] = Math.max(1, net.dur[i]! - (T - p.actualStart[i]!));
    } else if (isWholeNumber(t.remaining) && t.remaining >= 1) {
      p.remaining[i] = t.remaining;
    } else {
      throw new Error(
        `${label}: remaining must be a whole number of days >= 1, got ${String(t.remaining)} (set actualFinish when the task is done)`,
      );
    }
  }
}

// ---------------------------------------------------------------- output

interface Core {
  prep: Prepared;
  passes: Passes;
  critical: Uint8Array;
  /** The smallest total float of the tasks not done (+∞ when none). */
  minFloat: number;
  earlyStart: string[];
  earlyFinish: string[];
  lateStart: string[];
  lateFinish: string[];
  projectFinish: string;
  feasible: boolean;
}

function solve(input: PlanInput, withProgress: boolean): Core {
  const prep = prepare(input, withProgress);
  const { net, cal, S, D, progress } = prep;
  const passes = runPasses(net, S, D, progress);
  const { es, ef, ls, lf, tf } = passes;
  const n = net.n;
  const { status } = progress;

  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  let minFloat = Number.POSITIVE_INFINITY;
  let feasible = true;
  for (let v = 0; v < n; v++) {
    lo = Math.min(lo, es[v]!, ls[v]!);
    hi = Math.max(hi, ef[v]!, lf[v]!);
    if (tf[v]! < 0) feasible = false;
    if (status[v] !== DONE && tf[v]! < minFloat) minFloat = tf[v]!;
  }
  if (n > 0) cal.reserveOrdinals(lo, hi); // one widening of the index for all the conversions below

  const critical = new Uint8Array(n);
  const earlyStart: string[] = new Array(n);
  const earlyFinish: string[] = new Array(n);
  const lateStart: string[] = new Array(n);
  const lateFinish: string[] = new Array(n);
  let projectFinish = '';
  const tasks = input.tasks;
  for (let v = 0; v < n; v++) {
    const st = status[v];
    critical[v] = st !== DONE && tf[v]! <= 0 ? 1 : 0;
    earlyStart[v] = st === NOT_STARTED ? cal.dateOfOrdinal(es[v]!) : tasks[v]!.actualStart!;
    lateStart[v] = st === NOT_STARTED ? cal.dateOfOrdinal(ls[v]!) : earlyStart[v]!;
    earlyFinish[v] = st === DONE ? tasks[v]!.actualFinish! : cal.dateOfOrdinal(ef[v]!);
    lateFinish[v] = st === DONE ? earlyFinish[v]! : cal.dateOfOrdinal(lf[v]!);
    if (earlyFinish[v]! > projectFinish) projectFinish = earlyFinish[v]!;
  }
  if (n === 0) projectFinish = input.start;
  return {
    prep,
    passes,
    critical,
    minFloat,
    earlyStart,
    earlyFinish,
    lateStart,
    lateFinish,
    projectFinish,
    feasible,
  };
}

/**
 * Reverse scheduling: earliest dates forward from `start`, latest dates
 * backward from `deadline`, total float and the critical tasks (no float left:
 * totalFloat <= 0). Throws an Error naming the problem for bad input:
 * malformed dates, deadline before start, duplicate or unknown task ids, a
 * duration that is not a whole number >= 1, a bad link type or lag, a link cycle.
 * No tasks: an empty schedule whose projectFinish is the start date.
 */
export function scheduleBackward(input: ScheduleInput): ScheduleResult {
  const core = solve(input, false);
  const { ids } = core.prep.net;
  const { tf } = core.passes;
  const entries: [string, TaskSchedule][] = new Array(ids.length);
  for (let v = 0; v < ids.length; v++) {
    entries[v] = [
      ids[v]!,
      {
        earlyStart: core.earlyStart[v]!,
        earlyFinish: core.earlyFinish[v]!,
        lateStart: core.lateStart[v]!,
        lateFinish: core.lateFinish[v]!,
        totalFloat: tf[v]!,
        critical: core.critical[v] === 1,
      },
    ];
  }
  // fromEntries defines own properties, so an id such as "__proto__" is safe.
  return { tasks: Object.fromEntries(entries), projectFinish: core.projectFinish, feasible: core.feasible };
}

/**
 * `scheduleBackward` for the application, plus free float, one critical path
 * in order, `daysLate`, and re-planning from progress (see `PlanTask`):
 *
 * - done tasks (actualStart and actualFinish) are fixed at their actual dates,
 *   are never critical, and have total float 0 (negative if they finished
 *   after the deadline);
 * - in-progress tasks (actualStart only) keep their actual start and finish at
 *   statusDate + remaining − 1 working days (remaining defaults to duration
 *   less the working days already elapsed), later if an FF/SF link demands
 *   it; their float is lateFinish − earlyFinish;
 * - tasks not started begin no earlier than the statusDate, and are flagged
 *   `lateStartPassed` when their latest start is before it.
 */
export function planProject(input: PlanInput): PlanResult {
  const core = solve(input, true);
  const { net, D, progress } = core.prep;
  const { es, ef, ls, lf, tf } = core.passes;
  const { n, ids, out, to, kind, lag, order } = net;
  const { status, statusOrdinal: T } = progress;

  let maxFinish = Number.NEGATIVE_INFINITY;
  const entries: [string, PlannedTask][] = new Array(n);
  for (let v = 0; v < n; v++) {
    const st = status[v]!;
    if (ef[v]! > maxFinish) maxFinish = ef[v]!;
    let free = 0;
    if (st !== DONE) {
      free = D - ef[v]!;
      for (let e = out[v]!, end = out[v + 1]!; e < end; e++) {
        const w = to[e]!;
        const sw = status[w];
        if (sw === DONE) continue;
        let slack = Number.POSITIVE_INFINITY;
        switch (kind[e]) {
          case FS:
            if (sw === NOT_STARTED) slack = es[w]! - (ef[v]! + 1 + lag[e]!);
            break;
          case SS:
            if (sw === NOT_STARTED && st === NOT_STARTED) slack = es[w]! - (es[v]! + lag[e]!);
            break;
          case FF:
            slack = ef[w]! - (ef[v]! + lag[e]!);
            break;
          default:
            if (st === NOT_STARTED) slack = ef[w]! - (es[v]! + lag[e]!);
        }
        if (slack < free) free = slack;
      }
      free = Math.max(0, free);
    }
    entries[v] = [
      ids[v]!,
      {
        earlyStart: core.earlyStart[v]!,
        earlyFinish: core.earlyFinish[v]!,
        lateStart: core.lateStart[v]!,
        lateFinish: core.lateFinish[v]!,
        totalFloat: tf[v]!,
        critical: core.critical[v] === 1,
        status: STATUS_NAMES[st]!,
        freeFloat: free,
        lateStartPassed: st === NOT_STARTED && ls[v]! < T,
      },
    ];
  }

  // One critical path, when the driving tasks are critical: the first open task with the
  // smallest float in topological order has no such predecessor driving it; from there follow
  // links that fix the latest finish (tight links) to successors of the same float until none
  // is left — a task bounded by the deadline. (Float never grows along a tight link, so the
  // chain stays at the smallest float.)
  const criticalPath: string[] = [];
  const { minFloat } = core;
  const driving = (w: number) => status[w] !== DONE && tf[w] === minFloat;
  let v = -1;
  if (minFloat <= 0) for (let k = 0; k < n && v < 0; k++) if (driving(order[k]!)) v = order[k]!;
  while (v >= 0) {
    criticalPath.push(ids[v]!);
    let next = -1;
    for (let e = out[v]!, end = out[v + 1]!; e < end && next < 0; e++) {
      const w = to[e]!;
      if (driving(w) && lateFinishBound(net, status, ls, lf, v, status[v]!, e) === lf[v]) next = w;
    }
    v = next;
  }

  return {
    tasks: Object.fromEntries(entries),
    projectFinish: core.projectFinish,
    feasible: core.feasible,
    criticalPath,
    daysLate: n > 0 ? Math.max(0, maxFinish - D) : 0,
  };
}
