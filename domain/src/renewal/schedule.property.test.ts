import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../cn/holidays/index.ts';
import { type CalendarSpec, createCalendar, parseDay } from './calendar.ts';
import {
  type LinkType,
  type PlanTask,
  planProject,
  type ScheduleInput,
  type ScheduleResult,
  scheduleBackward,
} from './schedule.ts';

const official: CalendarSpec = { kind: 'workdays', ...officialCalendar() };
const plainWeek: CalendarSpec = { kind: 'workdays', holidays: [], extraWorkdays: [] };
const rainy: CalendarSpec = {
  ...official,
  nonWorkingDays: ['2024-03-05', '2024-03-06', '2025-07-01', '2025-07-02', '2025-07-03'],
  extraWorkingDays: ['2024-10-03', '2025-02-01', '2025-03-08'],
};

// ------------------------------------------------------------ generators

const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Random DAGs: links only go from a lower task index to a higher one. */
const inputArb: fc.Arbitrary<ScheduleInput> = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .record({
      durations: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          type: fc.constantFrom<LinkType | undefined>(undefined, 'FS', 'SS', 'FF', 'SF'),
          lag: fc.option(fc.integer({ min: -4, max: 6 }), { nil: undefined }),
        }),
        { maxLength: 2 * n },
      ),
      startOffset: fc.integer({ min: 0, max: 950 }),
      window: fc.integer({ min: 0, max: 80 }),
      calendar: fc.constantFrom<CalendarSpec | undefined>(undefined, official, plainWeek, rainy),
    })
    .map(({ durations, links, startOffset, window, calendar }) => {
      const start = shift('2023-12-01', startOffset);
      const input: ScheduleInput = {
        tasks: durations.map((duration, i) => ({ id: `T${i}`, duration })),
        links: links
          .filter((l) => l.a !== l.b)
          .map((l) => ({
            from: `T${Math.min(l.a, l.b)}`,
            to: `T${Math.max(l.a, l.b)}`,
            ...(l.type === undefined ? {} : { type: l.type }),
            ...(l.lag === undefined ? {} : { lag: l.lag }),
          })),
        start,
        deadline: shift(start, window),
      };
      return calendar === undefined ? input : { ...input, calendar };
    }),
);

// ------------------------------------------------------------ helpers

const RUNS = { numRuns: 400 };

/** Ordinal view of a result, through a fresh calendar. */
function ordinals(input: ScheduleInput, result: ScheduleResult) {
  const cal = createCalendar(input.calendar);
  const ord = (d: string) => {
    expect(cal.isWorkingDay(d), `${d} is a working day`).toBe(true);
    return cal.ordinalOnOrAfter(parseDay(d));
  };
  const S = cal.ordinalOnOrAfter(parseDay(input.start));
  const D = cal.ordinalOnOrBefore(parseDay(input.deadline));
  const t = Object.fromEntries(
    Object.entries(result.tasks).map(([id, r]) => [
      id,
      { es: ord(r.earlyStart), ef: ord(r.earlyFinish), ls: ord(r.lateStart), lf: ord(r.lateFinish), ...r },
    ]),
  );
  return { S, D, t };
}

type Dates = { s: number; f: number };
function satisfied(type: LinkType | undefined, lag: number | undefined, p: Dates, q: Dates): boolean {
  const L = lag ?? 0;
  switch (type ?? 'FS') {
    case 'FS':
      return q.s >= p.f + 1 + L;
    case 'SS':
      return q.s >= p.s + L;
    case 'FF':
      return q.f >= p.f + L;
    case 'SF':
      return q.f >= p.s + L;
  }
}

/**
 * Slow reference: steps day by day with the platform's Date to list working
 * days, then relaxes every link until nothing changes (Bellman–Ford style).
 */
function oracle(input: ScheduleInput) {
  const spec = input.calendar;
  const isWorking = (d: string): boolean => {
    if (spec?.nonWorkingDays?.includes(d)) return false;
    if (spec?.extraWorkingDays?.includes(d)) return true;
    if (spec?.kind !== 'workdays') return true;
    if (spec.extraWorkdays.includes(d)) return true;
    if (spec.holidays.includes(d)) return false;
    const w = new Date(`${d}T00:00:00Z`).getUTCDay();
    return w !== 0 && w !== 6;
  };
  const days: string[] = [];
  for (let d = shift(input.start, -500); d <= shift(input.deadline, 500); d = shift(d, 1)) {
    if (isWorking(d)) days.push(d);
  }
  const S = days.findIndex((d) => d >= input.start);
  const D = days.findLastIndex((d) => d <= input.deadline);
  const dur = new Map(input.tasks.map((t) => [t.id, t.duration]));
  const es = new Map(input.tasks.map((t) => [t.id, S]));
  const lf = new Map(input.tasks.map((t) => [t.id, D]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of input.links) {
      const d = dur.get(l.to)!;
      const ps = es.get(l.from)!;
      const pf = ps + dur.get(l.from)! - 1;
      const L = l.lag ?? 0;
      const type = l.type ?? 'FS';
      const need =
        type === 'FS' ? pf + 1 + L : type === 'SS' ? ps + L : type === 'FF' ? pf + L - d + 1 : ps + L - d + 1;
      if (need > es.get(l.to)!) {
        es.set(l.to, need);
        changed = true;
      }
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of input.links) {
      const d = dur.get(l.from)!;
      const qf = lf.get(l.to)!;
      const qs = qf - dur.get(l.to)! + 1;
      const L = l.lag ?? 0;
      const type = l.type ?? 'FS';
      const need =
        type === 'FS' ? qs - 1 - L : type === 'SS' ? qs - L + d - 1 : type === 'FF' ? qf - L : qf - L + d - 1;
      if (need < lf.get(l.from)!) {
        lf.set(l.from, need);
        changed = true;
      }
    }
  }
  const tf = new Map(input.tasks.map((t) => [t.id, lf.get(t.id)! - t.duration + 1 - es.get(t.id)!]));
  const minTf = Math.min(...tf.values());
  const tasks = Object.fromEntries(
    input.tasks.map((t) => {
      const s = es.get(t.id)!;
      const f = lf.get(t.id)!;
      return [
        t.id,
        {
          earlyStart: days[s],
          earlyFinish: days[s + t.duration - 1],
          lateStart: days[f - t.duration + 1],
          lateFinish: days[f],
          totalFloat: tf.get(t.id),
          critical: tf.get(t.id)! <= 0,
        },
      ];
    }),
  );
  const projectFinish = Object.values(tasks)
    .map((t) => t.earlyFinish!)
    .sort()
    .at(-1);
  return { tasks, projectFinish, feasible: minTf >= 0 };
}

// ------------------------------------------------------------ properties

describe('scheduleBackward on random DAGs', () => {
  it('agrees with a slow day-by-day reference', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(scheduleBackward(input)).toEqual(oracle(input));
      }),
      RUNS,
    );
  });

  it('keeps early dates from the start and late dates by the deadline, on working days', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scheduleBackward(input);
        const { S, D, t } = ordinals(input, r);
        for (const task of input.tasks) {
          const x = t[task.id]!;
          expect(x.earlyStart >= input.start).toBe(true);
          expect(x.es).toBeGreaterThanOrEqual(S);
          expect(x.lateFinish <= input.deadline).toBe(true);
          expect(x.lf).toBeLessThanOrEqual(D);
          expect(x.ef - x.es + 1).toBe(task.duration);
          expect(x.lf - x.ls + 1).toBe(task.duration);
          expect(x.totalFloat).toBe(x.ls - x.es);
          if (r.feasible) {
            expect(x.es).toBeLessThanOrEqual(x.ls);
            expect(x.earlyFinish <= x.lateFinish).toBe(true);
          }
        }
        expect(r.feasible).toBe(Object.values(r.tasks).every((x) => x.totalFloat >= 0));
        expect(r.projectFinish).toBe(
          Object.values(r.tasks)
            .map((x) => x.earlyFinish)
            .sort()
            .at(-1),
        );
        // Feasible exactly when the earliest finish makes the deadline.
        expect(r.feasible).toBe(Math.max(...Object.values(t).map((x) => x.ef)) <= D);
      }),
      RUNS,
    );
  });

  it('satisfies every link with the early dates and with the late dates', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { t } = ordinals(input, scheduleBackward(input));
        for (const l of input.links) {
          const p = t[l.from]!;
          const q = t[l.to]!;
          expect(satisfied(l.type, l.lag, { s: p.es, f: p.ef }, { s: q.es, f: q.ef }), 'early').toBe(true);
          expect(satisfied(l.type, l.lag, { s: p.ls, f: p.lf }, { s: q.ls, f: q.lf }), 'late').toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('has a driving chain from a start-driven task to a deadline-driven one', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scheduleBackward(input);
        const { S, D, t } = ordinals(input, r);
        const floats = Object.values(r.tasks).map((x) => x.totalFloat);
        const minFloat = Math.min(...floats);
        for (const x of Object.values(r.tasks)) expect(x.critical).toBe(x.totalFloat <= 0);
        // the driving tasks: the smallest float (critical when it is <= 0)
        const critical = new Set(Object.keys(r.tasks).filter((id) => r.tasks[id]!.totalFloat === minFloat));
        expect(critical.size).toBeGreaterThan(0);

        const succ = new Map<string, string[]>();
        const hasCriticalPred = new Set<string>();
        for (const l of input.links) {
          if (!critical.has(l.from) || !critical.has(l.to)) continue;
          succ.set(l.from, [...(succ.get(l.from) ?? []), l.to]);
          hasCriticalPred.add(l.to);
        }
        // Among critical tasks, some task starting at the project start reaches, along links,
        // a task finishing at the deadline; the chain begins with no critical predecessor
        // and ends with no critical successor when extended as far as it goes.
        const reachesDeadline = (id: string, seen = new Set<string>()): boolean => {
          if (t[id]!.lf === D) return true;
          seen.add(id);
          return (succ.get(id) ?? []).some((w) => !seen.has(w) && reachesDeadline(w, seen));
        };
        const heads = [...critical].filter((id) => t[id]!.es === S && reachesDeadline(id));
        expect(heads.length).toBeGreaterThan(0);
        if (input.links.length > 0) {
          expect([...critical].some((id) => !hasCriticalPred.has(id))).toBe(true);
          expect([...critical].some((id) => (succ.get(id) ?? []).length === 0)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of tasks or links', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = scheduleBackward(input);
        const b = scheduleBackward({
          ...input,
          tasks: [...input.tasks].reverse(),
          links: [...input.links].reverse(),
        });
        expect(b.tasks).toEqual(a.tasks);
        expect(b.projectFinish).toBe(a.projectFinish);
      }),
      { numRuns: 200 },
    );
  });

  it('reports a cycle when a back link is added', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const l = input.links[0];
        if (!l) return;
        expect(() =>
          scheduleBackward({ ...input, links: [...input.links, { from: l.to, to: l.from }] }),
        ).toThrow(/^link cycle: (T\d+ → )+T\d+$/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('planProject on random DAGs', () => {
  it('extends scheduleBackward with free float, one critical path and daysLate', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planProject(input);
        const sched = scheduleBackward(input);
        const { S, D, t } = ordinals(input, sched);
        for (const [id, x] of Object.entries(sched.tasks)) {
          const p = plan.tasks[id]!;
          expect({ ...p, freeFloat: 0, status: 0, lateStartPassed: 0 }).toEqual({
            ...x,
            freeFloat: 0,
            status: 0,
            lateStartPassed: 0,
          });
          expect(p.freeFloat).toBeGreaterThanOrEqual(0);
          if (plan.feasible) expect(p.freeFloat).toBeLessThanOrEqual(p.totalFloat);
        }
        const maxEf = Math.max(...Object.values(t).map((x) => x.ef));
        expect(plan.daysLate).toBe(Math.max(0, maxEf - D));
        expect(plan.daysLate === 0).toBe(plan.feasible);

        const path = plan.criticalPath;
        const minFloat = Math.min(...Object.values(plan.tasks).map((x) => x.totalFloat));
        if (minFloat > 0) {
          expect(path).toEqual([]);
          return;
        }
        expect(path.length).toBeGreaterThan(0);
        for (const id of path)
          expect(plan.tasks[id]!).toMatchObject({ critical: true, totalFloat: minFloat });
        for (let i = 1; i < path.length; i++) {
          expect(input.links.some((l) => l.from === path[i - 1] && l.to === path[i])).toBe(true);
        }
        expect(t[path[0]!]!.es).toBe(S);
        expect(t[path.at(-1)!]!.lf).toBe(D);
      }),
      RUNS,
    );
  });

  it('reproduces the early dates when re-planned with progress that followed them', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 60 }), (input, k) => {
        const before = scheduleBackward(input);
        const cal = createCalendar(input.calendar);
        const statusDate = cal.addWorkingDays(cal.workingDayOnOrAfter(input.start), k);
        const T = cal.ordinalOnOrAfter(parseDay(statusDate));
        const { t } = ordinals(input, before);
        const tasks: PlanTask[] = input.tasks.map((task) => {
          const x = t[task.id]!;
          if (x.ef < T) return { ...task, actualStart: x.earlyStart, actualFinish: x.earlyFinish };
          if (x.es < T) return { ...task, actualStart: x.earlyStart, remaining: x.ef - T + 1 };
          return task;
        });
        const after = planProject({ ...input, tasks, statusDate });
        for (const task of input.tasks) {
          const a = after.tasks[task.id]!;
          expect([a.earlyStart, a.earlyFinish]).toEqual([
            before.tasks[task.id]!.earlyStart,
            before.tasks[task.id]!.earlyFinish,
          ]);
          if (a.status === 'done') expect(a.critical).toBe(false);
          if (a.status !== 'not-started') expect(a.lateStartPassed).toBe(false);
          expect(a.lateFinish <= input.deadline || a.status === 'done').toBe(true);
        }
        expect(after.projectFinish).toBe(before.projectFinish);
      }),
      RUNS,
    );
  });
});
